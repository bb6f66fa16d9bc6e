// A command printed for the user to copy must run as printed. A terminal that wraps a long command puts a line
// break into what is copied, and the shell then runs half of it; so a command wider than the screen is broken
// here, between words, with a trailing " \" that the shell reads as "goes on", and the rest indented.

/**
 * The words of a shell command as printed by shellQuote (split at spaces outside single quotes), a flag and its
 * value kept as one (`--region cn-hangzhou` is never broken in two).
 */
function words(command: string): string[] {
	const split = command.match(/(?:'[^']*'|[^\s'])+/g) ?? [];
	const joined: string[] = [];
	for (const word of split) {
		const last = joined.at(-1);
		if (last !== undefined && /^--[\w-]+$/.test(last) && !word.startsWith('-'))
			joined[joined.length - 1] = `${last} ${word}`;
		else joined.push(word);
	}
	return joined;
}

/**
 * `command` (indented by `indent`) in lines no wider than `columns` - 1, each but the last ending in " \". A word
 * longer than a line stays whole on a line of its own: breaking inside it would change the command.
 */
export function commandLines(command: string, columns: number, indent = ''): string[] {
	const limit = Math.max(20, columns - 1);
	if (indent.length + command.length <= limit) return [`${indent}${command}`];
	const lines: string[] = [];
	let current = indent;
	let first = true;
	for (const word of words(command)) {
		const start = current.trim() === '';
		// Room for the word and, on every line but the last, the " \" after it.
		if (!start && current.length + 1 + word.length + 2 > limit) {
			lines.push(`${current} \\`);
			current = `${indent}  `;
			first = false;
		}
		current = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
	}
	if (current.trim() !== '' || first) lines.push(current);
	return lines;
}
