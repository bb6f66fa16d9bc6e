// Where a JSON text stops being valid, as line and column, with a short reason. JSON.parse's own messages
// differ between Node 20, 22 and 24 (only some carry a position), so the state-file error finds it itself.

export type JsonProblem = {line: number; column: number; reason: string};

class Stop extends Error {
	constructor(
		readonly at: number,
		readonly reason: string,
	) {
		super(reason);
	}
}

export function locateJsonError(text: string): JsonProblem | undefined {
	let i = 0;
	const fail = (reason: string): never => {
		throw new Stop(i, reason);
	};
	const space = (): void => {
		while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
	};
	const literal = (word: string): void => {
		if (text.startsWith(word, i)) i += word.length;
		else fail('unexpected character');
	};
	const string = (): void => {
		i++;
		for (;;) {
			if (i >= text.length) fail('unterminated string');
			const c = text.charCodeAt(i);
			if (c === 0x22) {
				i++;
				return;
			}
			if (c < 0x20) fail('control character in a string');
			if (c === 0x5c) {
				const next = text[i + 1] ?? '';
				if (next === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
					i += 6;
				} else if ('"\\/bfnrt'.includes(next) && next !== '') {
					i += 2;
				} else {
					fail('bad escape');
				}
			} else {
				i++;
			}
		}
	};
	const number = (): void => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!match) fail('bad number');
		i += (match as RegExpExecArray)[0].length;
	};
	/** `{…}` or `[…]` after its opening bracket: members separated by commas, up to `close`. */
	const members = (close: string, member: () => void): void => {
		i++;
		space();
		if (text[i] === close) {
			i++;
			return;
		}
		for (;;) {
			member();
			space();
			if (text[i] === ',') {
				i++;
			} else if (text[i] === close) {
				i++;
				return;
			} else {
				fail(`expected ',' or '${close}'`);
			}
		}
	};
	const value = (depth: number): void => {
		if (depth > 500) fail('nested too deeply');
		space();
		const c = text[i];
		if (c === '{') {
			members('}', () => {
				space();
				if (text[i] !== '"') fail('expected a property name in double quotes');
				string();
				space();
				if (text[i] !== ':') fail("expected ':' after a property name");
				i++;
				value(depth + 1);
			});
		} else if (c === '[') members(']', () => value(depth + 1));
		else if (c === '"') string();
		else if (c === 't') literal('true');
		else if (c === 'f') literal('false');
		else if (c === 'n') literal('null');
		else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
		else fail(c === undefined ? 'unexpected end of the file' : 'unexpected character');
	};
	try {
		value(0);
		space();
		if (i < text.length) fail('unexpected text after the JSON value');
		return undefined;
	} catch (error) {
		if (!(error instanceof Stop)) throw error;
		const before = text.slice(0, error.at);
		const line = before.split('\n').length;
		const column = error.at - (before.lastIndexOf('\n') + 1) + 1;
		return {line, column, reason: error.reason};
	}
}
