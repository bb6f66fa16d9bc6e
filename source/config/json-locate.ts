// Finds where a JSON text goes wrong, as a line and column, without quoting any of it. JSON.parse's own messages
// differ between Node versions and quote the text around the error, which in a credentials file is a secret.
import {t} from '../text/index.js';
import {ConfigError} from './errors.js';

export type JsonFault = {
	reason: 'empty' | 'unexpected-character' | 'unexpected-end' | 'trailing-text';
	/** 1-based. */
	line: number;
	/** 1-based, in characters. */
	column: number;
};

class Fault extends Error {
	constructor(
		readonly reason: JsonFault['reason'],
		readonly offset: number,
	) {
		super(reason);
	}
}

/** Where `text` stops being JSON, or undefined when it parses. */
export function locateJsonFault(text: string): JsonFault | undefined {
	const at = (reason: JsonFault['reason'], offset: number): JsonFault => {
		const before = text.slice(0, offset);
		const lines = before.split('\n');
		return {reason, line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1};
	};
	if (text.trim() === '') return at('empty', 0);
	let i = 0;
	const end = () => new Fault('unexpected-end', text.length);
	const bad = () => (i >= text.length ? end() : new Fault('unexpected-character', i));
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
	};
	const literal = (word: string) => {
		for (const ch of word) {
			if (text[i] !== ch) throw bad();
			i++;
		}
	};
	const string = () => {
		i++; // the opening quote
		for (;;) {
			if (i >= text.length) throw end();
			const ch = text[i] ?? '';
			if (ch === '"') {
				i++;
				return;
			}
			if (ch < ' ') throw bad();
			if (ch === '\\') {
				i++;
				const escaped = text[i];
				if (escaped === undefined) throw end();
				if (escaped === 'u') {
					for (let k = 1; k <= 4; k++) {
						if (i + k >= text.length) throw end();
						if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
							i += k;
							throw bad();
						}
					}
					i += 5;
					continue;
				}
				if (!'"\\/bfnrt'.includes(escaped)) throw bad();
			}
			i++;
		}
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
		if (!match || match[0] === '-' || match[0] === '') throw bad();
		i += match[0].length;
	};
	/** `{…}` or `[…]`: members separated by commas, up to `close`. */
	const container = (close: string, member: () => void) => {
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
				continue;
			}
			if (text[i] === close) {
				i++;
				return;
			}
			throw bad();
		}
	};
	const pair = () => {
		space();
		if (text[i] !== '"') throw bad();
		string();
		space();
		if (text[i] !== ':') throw bad();
		i++;
		value();
	};
	const value = (): void => {
		space();
		const ch = text[i];
		if (ch === undefined) throw end();
		if (ch === '{') container('}', pair);
		else if (ch === '[') container(']', value);
		else if (ch === '"') string();
		else if (ch === 't') literal('true');
		else if (ch === 'f') literal('false');
		else if (ch === 'n') literal('null');
		else number();
	};
	try {
		value();
		space();
		if (i < text.length) throw new Fault('trailing-text', i);
		return undefined;
	} catch (error) {
		if (error instanceof Fault) return at(error.reason, error.offset);
		throw error;
	}
}

/** A ConfigError for a JSON file that does not parse: the file, the line and column, and what to do. */
export function corruptJsonError(file: string, text: string, next: string): ConfigError {
	const fault = locateJsonFault(text) ?? {reason: 'unexpected-character', line: 1, column: 1};
	const reason = t(`config.json.${fault.reason}`);
	return new ConfigError(
		'corrupt',
		t('config.json.invalid', {file, reason, line: fault.line, column: fault.column}),
		next,
		{file, line: fault.line},
	);
}
