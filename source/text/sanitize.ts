import stripAnsi from 'strip-ansi';

// Everything not printable: C0/C1 controls (BEL, backspace, a lone ESC), format characters (bidi overrides
// and isolates, zero-width spaces and joiners, the BOM) and line/paragraph separators. A name from the API
// or a file must never move the cursor, recolour the terminal, reorder text or hide characters.
const unprintable = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu;
const unprintableKeepNewlines = /(?![\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu;

/** One line of untrusted text, safe to draw: escape sequences removed, tabs and newlines become spaces. */
export function cleanLine(value: unknown): string {
	if (value === undefined || value === null) return '';
	return stripAnsi(String(value))
		.replace(/[\t\r\n\v\f]+/g, ' ')
		.replace(unprintable, '');
}

/** Several lines of untrusted text: like cleanLine, but newlines stay. */
export function cleanBlock(value: unknown): string {
	if (value === undefined || value === null) return '';
	return stripAnsi(String(value))
		.replace(/\r\n?/g, '\n')
		.replace(/[\t\v\f]/g, ' ')
		.replace(unprintableKeepNewlines, '');
}

/** Cleans every string inside a JSON-like value (for `--json` output), keys included. */
export function cleanDeep<T>(value: T): T {
	if (typeof value === 'string') return cleanLine(value) as T;
	if (Array.isArray(value)) return value.map((v) => cleanDeep(v)) as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[cleanLine(k)] = cleanDeep(v);
		return out as T;
	}
	return value;
}
