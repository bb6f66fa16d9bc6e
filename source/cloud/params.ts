// Request parameters as the RPC protocol wants them: a flat map of strings. pop-core would send `undefined`
// and `null` as the words "undefined" and "null" and a nested object as "[object Object]", so empty values are
// dropped here and lists are flattened to `Key.N` / `Key.N.Field` (1-based) before pop-core sees them.

export type ParamValue = string | number | boolean | undefined | null | readonly ParamValue[] | ParamObject;
export type ParamObject = {readonly [key: string]: ParamValue};

function add(out: Record<string, string>, key: string, value: ParamValue, inList: boolean): void {
	if (value === undefined || value === null || value === '') return;
	if (Array.isArray(value)) {
		value.forEach((item, index) => {
			add(out, `${key}.${index + 1}`, item as ParamValue, true);
		});
		return;
	}
	if (typeof value === 'object') {
		if (!inList) throw new TypeError(`parameter ${key} is an object; only lists of objects are flattened`);
		for (const [field, item] of Object.entries(value)) add(out, `${key}.${field}`, item, true);
		return;
	}
	out[key] = String(value);
}

export function flattenParams(params: ParamObject): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) add(out, key, value, false);
	return out;
}
