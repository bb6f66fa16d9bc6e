import stringWidth from 'string-width';

/** Terminal columns a string takes (CJK and emoji count two). */
export const width = (s: string): number => stringWidth(s);

/** Pads to `columns` terminal columns, cutting with an ellipsis when too wide. */
export function fitWidth(s: string, columns: number): string {
	if (columns <= 0) return '';
	const w = stringWidth(s);
	if (w <= columns) return s + ' '.repeat(columns - w);
	let out = '';
	let used = 0;
	for (const ch of s) {
		const cw = stringWidth(ch);
		if (used + cw > columns - 1) break;
		out += ch;
		used += cw;
	}
	return `${out}…${' '.repeat(Math.max(0, columns - used - 1))}`;
}

/** Cuts to at most `columns` terminal columns without padding. */
export const cut = (s: string, columns: number): string => fitWidth(s, columns).trimEnd();

/** A plain-text table whose columns line up whatever the script (CJK counts two columns). */
export function table(rows: readonly (readonly string[])[], gap = 2): string[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, i) => {
			widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell));
		});
	}
	return rows.map((row) =>
		row
			.map((cell, i) => (i === row.length - 1 ? cell : fitWidth(cell, (widths[i] ?? 0) + gap)))
			.join('')
			.trimEnd(),
	);
}
