// A front for string-width that answers the strings a terminal UI draws (ASCII, colour codes, the wizard's
// glyphs, Chinese text) without string-width's grapheme segmenter and RGI_Emoji regular expression. Creating the
// segmenter costs about 20 ms when string-width loads, and compiling the expression about 50 ms the first time a
// non-ASCII string is measured: a wizard whose first frame holds "❯" paid both before it appeared. The bundle
// (.ci/bundle.mjs) routes every import of string-width through withFastPath, which loads string-width itself
// only for a string the table below cannot answer, so the answers stay the same.
// test/text/fast-width.test.ts checks every code point of the table against string-width.

type Width = (
	input: string,
	options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean},
) => number;

/**
 * BMP ranges whose every code point is a grapheme cluster of its own next to any other listed code point (no
 * marks, joiners, variation selectors, Hangul jamo or regional indicators) and that string-width measures as
 * one column. Emoji-presentation symbols are left out, so they take the exact path.
 */
const narrow: readonly (readonly [number, number])[] = [
	[0xa0, 0xac], // Latin-1 (not U+00AD, the soft hyphen)
	[0xae, 0x2ff], // Latin Extended, IPA, spacing modifiers
	[0x370, 0x482], // Greek, Cyrillic
	[0x2010, 0x2027], // dashes, quotes, bullet, ellipsis
	[0x2030, 0x205e], // per mille, guillemets, ...
	[0x2070, 0x20cf], // super- and subscripts, currency
	[0x2100, 0x2319], // letterlike, number forms, arrows, mathematical operators
	[0x231c, 0x2328],
	[0x232b, 0x23e8], // technical (⏎)
	[0x23ed, 0x23ef],
	[0x23f1, 0x23f2],
	[0x23f4, 0x25fc], // enclosed alphanumerics, box drawing, blocks, geometric shapes
	[0x25ff, 0x2613], // miscellaneous symbols without emoji presentation ...
	[0x2616, 0x262f],
	[0x2638, 0x2647],
	[0x2654, 0x267e],
	[0x2680, 0x2689],
	[0x2690, 0x2692],
	[0x2694, 0x26a0], // ... ⚠
	[0x26a2, 0x26a9],
	[0x26ac, 0x26bc],
	[0x26bf, 0x26c3],
	[0x26c6, 0x26cd],
	[0x26cf, 0x26d3],
	[0x26d5, 0x26e9],
	[0x26eb, 0x26f1],
	[0x26f6, 0x26f9],
	[0x26fb, 0x26fc],
	[0x26fe, 0x2704], // dingbats ...
	[0x2706, 0x2709],
	[0x270c, 0x2727], // ... ✔ ✖
	[0x2729, 0x274b],
	[0x274f, 0x2752],
	[0x2758, 0x2794], // ... ❯
	[0x2798, 0x27af],
	[0x27b1, 0x27be],
	[0x27c0, 0x2b1a], // arrows, braille (the spinner), more arrows and shapes
];

/** The same, measured as two columns: CJK, kana, Hangul syllables, fullwidth forms. */
const wide: readonly (readonly [number, number])[] = [
	[0x2e80, 0x2e99],
	[0x2e9b, 0x2ef3],
	[0x2f00, 0x2fd5],
	[0x2ff0, 0x3029], // ideographic description, CJK symbols and punctuation (。、「」)
	[0x3030, 0x303e],
	[0x3041, 0x3096],
	[0x309b, 0x30ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xff01, 0xff60], // fullwidth forms (（）：，)
	[0xffe0, 0xffe6],
];

/** For the test that checks every listed code point against string-width. */
export const widthTables = {narrow, wide} as const;

const within = (ranges: readonly (readonly [number, number])[], code: number): boolean => {
	let low = 0;
	let high = ranges.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const [from, to] = ranges[mid] as readonly [number, number];
		if (code < from) high = mid - 1;
		else if (code > to) low = mid + 1;
		else return true;
	}
	return false;
};

/** Columns of one UTF-16 code unit from the tables, or -1 when only string-width can tell. */
export function tableWidth(code: number): number {
	if (code >= 0x20 && code <= 0x7e) return 1;
	if (code < 0xa0) return -1;
	if (within(narrow, code)) return 1;
	if (within(wide, code)) return 2;
	return -1;
}

/** `ESC [ params m` (colour and emphasis) starting at `at`: its length, or 0 if it is anything else. */
function sgrLength(s: string, at: number): number {
	if (s.charCodeAt(at + 1) !== 0x5b) return 0;
	for (let i = at + 2; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 0x6d) return i - at + 1;
		if (!((c >= 0x30 && c <= 0x39) || c === 0x3b)) return 0;
	}
	return 0;
}

/**
 * The table's answer for `s`, or -1 when some part of it needs string-width. Without `table`, only printable
 * ASCII and colour codes are answered (what every string-width version agrees on).
 */
export function quickWidth(s: string, table = true): number {
	let width = 0;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		if (code === 0x1b) {
			const skip = sgrLength(s, i);
			if (skip === 0) return -1;
			i += skip - 1;
			continue;
		}
		const w = table ? tableWidth(code) : code >= 0x20 && code <= 0x7e ? 1 : -1;
		if (w < 0) return -1;
		width += w;
	}
	return width;
}

/**
 * string-width with the table in front; `load` gives string-width itself, called the first time it is needed.
 * Options other than the defaults go straight to it. `table: false` for copies of string-width whose answers
 * for the table's symbols differ (wrap-ansi's older one counts ✔ as two columns).
 */
export function withFastPath(load: () => Width, options: {table?: boolean} = {}): Width {
	const table = options.table ?? true;
	let real: Width | undefined;
	const exact: Width = (input, o) => {
		real ??= load();
		return real(input, o);
	};
	return (input, o) => {
		if (
			typeof input !== 'string' ||
			(o !== undefined && (o.ambiguousIsNarrow === false || o.countAnsiEscapeCodes === true))
		) {
			return exact(input, o);
		}
		const quick = quickWidth(input, table);
		return quick >= 0 ? quick : exact(input, o);
	};
}
