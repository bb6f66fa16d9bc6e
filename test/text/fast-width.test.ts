// The bundle measures text through withFastPath (source/text/fast-width.ts): it must answer exactly what
// string-width answers, for every code point of its table and for any mix of table, colour codes and the rest.
import fs from 'node:fs';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {quickWidth, tableWidth, widthTables, withFastPath} from '../../source/text/fast-width.js';

const segmenter = new Intl.Segmenter();
const clusters = (s: string) => [...segmenter.segment(s)].length;

function* codePoints(ranges: readonly (readonly [number, number])[]): Generator<number> {
	for (const [from, to] of ranges) for (let code = from; code <= to; code++) yield code;
}

describe('the width table', () => {
	it('is sorted, without overlaps, and inside the BMP outside the surrogates', () => {
		const all = [...widthTables.narrow, ...widthTables.wide].sort((a, b) => a[0] - b[0]);
		for (let i = 0; i < all.length; i++) {
			const [from, to] = all[i] as readonly [number, number];
			expect(from).toBeLessThanOrEqual(to);
			expect(to < 0xd800 || from > 0xdfff).toBe(true);
			expect(to).toBeLessThanOrEqual(0xffff);
			if (i > 0) expect(from).toBeGreaterThan((all[i - 1] as readonly [number, number])[1]);
		}
		for (const ranges of [widthTables.narrow, widthTables.wide]) {
			for (let i = 1; i < ranges.length; i++)
				expect((ranges[i] as readonly [number, number])[0]).toBeGreaterThan(
					(ranges[i - 1] as readonly [number, number])[1],
				);
		}
	});

	it('gives every listed code point the width string-width gives it, and each stands alone as a cluster', () => {
		const wrong: string[] = [];
		for (const [ranges, expected] of [
			[widthTables.narrow, 1],
			[widthTables.wide, 2],
		] as const) {
			for (const code of codePoints(ranges)) {
				const ch = String.fromCharCode(code);
				if (tableWidth(code) !== expected || stringWidth(ch) !== expected) wrong.push(code.toString(16));
				else if (clusters(`${ch}${ch}`) !== 2 || clusters(`a${ch}`) !== 2 || clusters(`${ch}a`) !== 2)
					wrong.push(`${code.toString(16)} joins`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('leaves to string-width what it cannot answer alone', () => {
		for (const s of [
			'\t',
			'\u0301',
			'e\u0301',
			'\u200D',
			'👍',
			'✅',
			'a\uFE0F',
			'\u001B]0;x\u0007',
			'\u001B[1A',
		])
			expect(quickWidth(s)).toBe(-1);
	});
});

describe('withFastPath', () => {
	const fast = withFastPath(() => stringWidth);
	const pieces = [
		'a',
		'Z',
		' ',
		'~',
		'❯',
		'✔',
		'✖',
		'⚠',
		'↻',
		'·',
		'↑',
		'…',
		'▏',
		'•',
		'⠋',
		'─',
		'杭',
		'州',
		'（',
		'）',
		'。',
		'한',
		'é',
		'ß',
		'Ж',
		'\u001B[31m',
		'\u001B[0m',
		'\u001B[1;2;38;5;123m',
		'\u001B[m',
		// outside the table: string-width answers
		'\u0301',
		'\u200D',
		'\uFE0F',
		'👩‍💻',
		'🇨🇳',
		'✅',
		'\t',
		'\u001B[2J',
		'\u001B]8;;x\u0007',
		'\u00AD',
		'ᄀ',
		'ᅡ',
	];
	const text = fc.array(fc.constantFrom(...pieces), {maxLength: 12}).map((parts) => parts.join(''));

	it('answers what string-width answers for any mix of table, colour codes and the rest', () => {
		fc.assert(
			fc.property(text, (s) => {
				expect(fast(s)).toBe(stringWidth(s));
			}),
			{numRuns: 2000},
		);
	});

	it('answers what string-width answers for arbitrary strings, and passes options through', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 20}), (s) => {
				expect(fast(s)).toBe(stringWidth(s));
				expect(fast(s, {ambiguousIsNarrow: false})).toBe(stringWidth(s, {ambiguousIsNarrow: false}));
				expect(fast(s, {countAnsiEscapeCodes: true})).toBe(stringWidth(s, {countAnsiEscapeCodes: true}));
			}),
			{numRuns: 1000},
		);
	});

	it('measures the wizard strings without string-width', () => {
		let calls = 0;
		let loads = 0;
		const counted = withFastPath(() => {
			loads++;
			return (s, o) => {
				calls++;
				return stringWidth(s, o);
			};
		});
		expect(counted('❯ China (Hangzhou)  cn-hangzhou')).toBe(31);
		expect(counted('\u001B[36m⠋\u001B[39m 正在读取 VPC…')).toBe(15);
		expect(counted('华东1（杭州）')).toBe(13);
		expect(loads + calls).toBe(0);
		expect(counted('👍')).toBe(2);
		expect(counted('e\u0301')).toBe(1);
		expect([loads, calls]).toEqual([1, 2]);
	});

	it('without the table answers only ASCII and colour codes itself', () => {
		let calls = 0;
		const asciiOnly = withFastPath(
			() => (s, o) => {
				calls++;
				return stringWidth(s, o);
			},
			{table: false},
		);
		expect(asciiOnly('\u001B[36mcn-hangzhou\u001B[39m')).toBe(11);
		expect(calls).toBe(0);
		expect(asciiOnly('❯')).toBe(1);
		expect(calls).toBe(1);
		fc.assert(
			fc.property(text, (s) => {
				expect(asciiOnly(s)).toBe(stringWidth(s));
			}),
			{numRuns: 500},
		);
	});
});

// wrap-ansi keeps an older string-width of its own; the bundle gives it the ASCII-only front.
const olderCopy = new URL('../../node_modules/wrap-ansi/node_modules/string-width/index.js', import.meta.url);
describe.runIf(fs.existsSync(olderCopy))('the older string-width wrap-ansi uses', () => {
	it('agrees with the ASCII-only front on printable ASCII and colour codes', async () => {
		const older = (await import(olderCopy.href)).default as (s: string) => number;
		const front = withFastPath(() => older, {table: false});
		const ascii = fc
			.array(fc.constantFrom('a', ' ', '#', '*', '0', '~', '\u001B[31m', '\u001B[0m', '\u001B[1;4m'), {
				maxLength: 16,
			})
			.map((parts) => parts.join(''));
		fc.assert(
			fc.property(ascii, (s) => {
				expect(front(s)).toBe(older(s));
			}),
			{numRuns: 300},
		);
	});
});
