// application/x-www-form-urlencoded decoding, strict: `+` is a space, `%XY` must be two hex digits, and the
// decoded bytes must be valid UTF-8. Query strings and POST bodies both go through here before the
// signature is checked, since that is what the client signed.

export type FormPairs = {ok: true; pairs: [string, string][]} | {ok: false; problem: string};

const utf8 = new TextDecoder('utf-8', {fatal: true});

const hexValue = (byte: number): number => {
	if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
	if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
	if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
	return -1;
};

function decodePart(bytes: Uint8Array, start: number, end: number): string | undefined {
	const out = new Uint8Array(end - start);
	let length = 0;
	for (let i = start; i < end; i++) {
		const byte = bytes[i] as number;
		if (byte === 0x2b) {
			out[length++] = 0x20;
		} else if (byte === 0x25) {
			const high = i + 2 < end ? hexValue(bytes[i + 1] as number) : -1;
			const low = i + 2 < end ? hexValue(bytes[i + 2] as number) : -1;
			if (high < 0 || low < 0) return undefined;
			out[length++] = high * 16 + low;
			i += 2;
		} else {
			out[length++] = byte;
		}
	}
	try {
		return utf8.decode(out.subarray(0, length));
	} catch {
		return undefined;
	}
}

/** Splits and decodes `a=1&b=2`; empty segments are skipped, a segment without `=` has an empty value. */
export function decodeForm(bytes: Uint8Array): FormPairs {
	const pairs: [string, string][] = [];
	let start = 0;
	while (start <= bytes.length) {
		let end = bytes.indexOf(0x26, start);
		if (end < 0) end = bytes.length;
		if (end > start) {
			let equals = bytes.indexOf(0x3d, start);
			if (equals < 0 || equals > end) equals = end;
			const name = decodePart(bytes, start, equals);
			const value = equals < end ? decodePart(bytes, equals + 1, end) : '';
			if (name === undefined || value === undefined) {
				return {ok: false, problem: 'bad percent-encoding or invalid UTF-8'};
			}
			if (name === '') return {ok: false, problem: 'a parameter has an empty name'};
			pairs.push([name, value]);
		}
		start = end + 1;
	}
	return {ok: true, pairs};
}
