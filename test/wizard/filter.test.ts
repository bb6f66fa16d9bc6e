import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {filterIndexes, moveCursor, prepare, scrollTop} from '../../source/wizard/components/filter.js';

describe('filterIndexes', () => {
	const hay = prepare([
		'China (Hangzhou) cn-hangzhou',
		'China (Shanghai) cn-shanghai',
		'Singapore ap-southeast-1',
	]);

	it('keeps everything for an empty query', () => {
		expect(filterIndexes(hay, '')).toEqual([0, 1, 2]);
		expect(filterIndexes(hay, '   ')).toEqual([0, 1, 2]);
	});

	it('matches case-insensitively on names and ids, in list order', () => {
		expect(filterIndexes(hay, 'HANG')).toEqual([0, 1]);
		expect(filterIndexes(hay, 'ap-south')).toEqual([2]);
	});

	it('needs every word', () => {
		expect(filterIndexes(hay, 'china shang')).toEqual([1]);
		expect(filterIndexes(hay, 'china singapore')).toEqual([]);
	});

	it('matches CJK names', () => {
		expect(filterIndexes(prepare(['华东1（杭州） cn-hangzhou', '新加坡 ap-southeast-1']), '杭州')).toEqual([
			0,
		]);
	});

	it('ranks the items where the query starts a word before the others, each group in list order', () => {
		const found = filterIndexes(prepare(['cn-zhangjiakou', 'shanghai', 'cn-hangzhou', 'Hangar 2']), 'hang');
		expect(found).toEqual([2, 3, 0, 1]);
	});

	it('returns exactly the items that contain the query (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({maxLength: 8}), {maxLength: 30}),
				fc.string({maxLength: 3}),
				(items, q) => {
					const query = q.trim();
					if (/\s/.test(query)) return;
					const got = filterIndexes(prepare(items), query);
					const want = items.flatMap((s, i) => (s.toLowerCase().includes(query.toLowerCase()) ? [i] : []));
					// The same items; ranked, so compared in list order (the ranking has its own test).
					expect([...got].sort((a, b) => a - b)).toEqual(want);
				},
			),
		);
	});
});

describe('moveCursor', () => {
	it.each([
		[0, 'up', 9],
		[9, 'down', 0],
		[4, 'up', 3],
		[4, 'down', 5],
		[4, 'home', 0],
		[4, 'end', 9],
		[1, 'pageUp', 0],
		[6, 'pageUp', 2],
		[4, 'pageDown', 8],
		[8, 'pageDown', 9],
	] as const)('from %i, %s goes to %i (10 items, page 4)', (from, move, to) => {
		expect(moveCursor(from, move, 10, 4)).toBe(to);
	});

	it('stays at 0 in an empty list', () => {
		expect(moveCursor(0, 'down', 0, 4)).toBe(0);
	});
});

describe('scrollTop', () => {
	it('does not scroll a list that fits', () => {
		expect(scrollTop(3, 4, 10, 8)).toBe(0);
	});

	it('moves only as far as needed to show the cursor', () => {
		expect(scrollTop(0, 9, 5, 100)).toBe(5);
		expect(scrollTop(10, 8, 5, 100)).toBe(8);
		expect(scrollTop(10, 12, 5, 100)).toBe(10);
	});

	it('always keeps the cursor visible and the window full (property)', () => {
		fc.assert(
			fc.property(
				fc.nat(500),
				fc.nat(500),
				fc.integer({min: 1, max: 40}),
				fc.integer({min: 1, max: 500}),
				(top, c, h, total) => {
					const cursor = c % total;
					const t = scrollTop(top, cursor, h, total);
					expect(t).toBeGreaterThanOrEqual(0);
					if (total > h) {
						expect(cursor).toBeGreaterThanOrEqual(t);
						expect(cursor).toBeLessThan(t + h);
						expect(t + h).toBeLessThanOrEqual(total);
					} else expect(t).toBe(0);
				},
			),
		);
	});
});
