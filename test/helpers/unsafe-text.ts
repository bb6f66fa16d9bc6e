// What untrusted text must never bring to a terminal: C0 and C1 controls (ESC, BEL, backspace, ...; a newline
// is allowed), bidi overrides and isolates, zero-width characters and the BOM. Written as code point ranges,
// not a regular expression, so the linter's rule against control characters in regexes does not apply.

const ranges: readonly [number, number, string][] = [
	[0x00, 0x09, 'C0 control'],
	[0x0b, 0x1f, 'C0 control'],
	[0x7f, 0x9f, 'DEL or C1 control'],
	[0x200b, 0x200f, 'zero-width or direction mark'],
	[0x2028, 0x2029, 'line or paragraph separator'],
	[0x202a, 0x202e, 'bidi embedding or override'],
	[0x2060, 0x2064, 'invisible operator'],
	[0x2066, 0x2069, 'bidi isolate'],
	[0xfeff, 0xfeff, 'byte order mark'],
];

/** The first unsafe character of `text` and what it is, or undefined when the text is safe to draw. */
export function firstUnsafe(text: string): string | undefined {
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		const hit = ranges.find(([from, to]) => code >= from && code <= to);
		if (hit) return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${hit[2]})`;
	}
	return undefined;
}

/** ESC, for building expected escape sequences without a control character in the source. */
export const esc = String.fromCharCode(27);

/**
 * The program's raw terminal output with every CSI sequence taken out (Ink and the prompt library draw with
 * them: cursor moves, erase, colour, synchronized output, cursor show/hide). Whatever unsafe character is left
 * came from somewhere else: an OSC title change, a BEL, a bidi override out of a name. A CSI smuggled in a name
 * is removed here too, so hostile fixtures use CSIs the program never draws with (see `foreignCsi`) and tests
 * look for those in the raw output.
 */
export function withoutOwnSequences(raw: string): string {
	return raw.replace(new RegExp(`${esc}\\[[0-9;?]*[A-Za-z]`, 'g'), '').replace(/\r/g, '');
}

/** CSI sequences the program itself never writes: finding one in its output means a name got through. */
export const foreignCsi = [`${esc}[6n`, `${esc}[?1049h`, `${esc}[8m`, `${esc}[5i`] as const;
