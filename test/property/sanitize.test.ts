// Whatever text arrives (any code points, escape sequences cut anywhere), what the cleaners return has no control
// or format character left, and cleaned JSON values stay valid JSON with the same shape.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cleanBlock, cleanDeep, cleanLine} from '../../source/text/index.js';
import {esc, firstUnsafe} from '../helpers/unsafe-text.js';
import {runs} from './runs.js';

const pieces = [
	esc,
	`${esc}[`,
	`${esc}]`,
	`${esc}P`,
	`${esc}\\`,
	'\u0007',
	'\u0008',
	'\r',
	'\n',
	'\t',
	'\u009b',
	'\u009d',
	'\u202e',
	'\u2066',
	'\u200b',
	'\ufeff',
	'\u2028',
	'31m',
	'0;title',
	'6n',
	'?1049h',
	'网站',
	'🚀',
	'a',
];
const hostile = fc.oneof(
	fc.string({unit: 'binary', maxLength: 40}),
	fc.array(fc.constantFrom(...pieces), {maxLength: 30}).map((parts) => parts.join('')),
);

describe('the cleaners', () => {
	it('leave no control or format character in a line', () => {
		fc.assert(
			fc.property(hostile, (text) => {
				const line = cleanLine(text);
				expect(firstUnsafe(line)).toBeUndefined();
				expect(line).not.toContain('\n');
			}),
			runs(3_000, 100_000),
		);
	});

	it('leave only newlines in a block', () => {
		fc.assert(
			fc.property(hostile, (text) => {
				expect(firstUnsafe(cleanBlock(text))).toBeUndefined();
			}),
			runs(3_000, 100_000),
		);
	});

	it('keep a JSON value valid and of the same shape, every string clean', () => {
		fc.assert(
			fc.property(fc.jsonValue({maxDepth: 3}), fc.array(hostile, {maxLength: 3}), (value, extra) => {
				const dirty = {value, extra};
				const clean = cleanDeep(dirty);
				const text = JSON.stringify(clean);
				expect(JSON.stringify(JSON.parse(text))).toBe(text);
				for (const s of text.match(/"(?:[^"\\]|\\.)*"/g) ?? [])
					expect(firstUnsafe(JSON.parse(s) as string)).toBeUndefined();
				expect(Array.isArray(clean.extra) && clean.extra.length).toBe(extra.length);
			}),
			runs(1_000, 20_000),
		);
	});
});
