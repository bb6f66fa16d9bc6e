// incrementalFilter (wizard/components/filter.ts): the same answers as filterIndexes for any sequence of keys,
// while a key that extends the query only looks at what matched before and Backspace looks at nothing.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {filterIndexes, incrementalFilter, prepare} from '../../source/wizard/components/filter.js';

const names = Array.from(
	{length: 400},
	(_, i) => `team-${i}-${['prod', 'dev', 'qa'][i % 3]} vpc-b${i} 10.${i % 7}.0.0/16`,
);

/** The haystacks, counting how many items are read. */
function counted(texts: readonly string[]) {
	const prepared = prepare(texts);
	const reads = {n: 0};
	const haystacks = new Proxy(prepared, {
		get(target, key, receiver) {
			if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
			return Reflect.get(target, key, receiver);
		},
	});
	return {haystacks, reads};
}

describe('incrementalFilter', () => {
	it('answers what filterIndexes answers for any sequence of typing, Backspace and clearing', () => {
		const key = fc.oneof(
			fc.constantFrom('t', 'e', 'a', 'm', '-', '1', '2', '4', ' ', 'p', 'R', 'o', 'd', '.', 'q'),
			fc.constant('<bs>'),
			fc.constant('<clear>'),
		);
		const haystacks = prepare(names);
		fc.assert(
			fc.property(fc.array(key, {maxLength: 30}), (keys) => {
				const filter = incrementalFilter(haystacks);
				let query = '';
				for (const k of keys) {
					if (k === '<bs>') query = [...query].slice(0, -1).join('');
					else if (k === '<clear>') query = '';
					else query += k;
					expect(filter(query)).toEqual(filterIndexes(haystacks, query));
				}
			}),
			{numRuns: 300},
		);
	});

	it('re-tests only the previous matches when the query grows, and nothing on Backspace', () => {
		const {haystacks, reads} = counted(names);
		const filter = incrementalFilter(haystacks);
		filter('');
		filter('team-1');
		const before = filter('team-1').length;
		reads.n = 0;
		const narrower = filter('team-12');
		expect(reads.n).toBe(before);
		expect(narrower.length).toBeLessThan(before);
		reads.n = 0;
		expect(filter('team-1')).toEqual(filterIndexes(prepare(names), 'team-1'));
		expect(reads.n).toBe(0);
	});

	it('gives the same array for the same query, and a new one for a new query', () => {
		const filter = incrementalFilter(prepare(names));
		const a = filter('prod');
		expect(filter('prod')).toBe(a);
		expect(filter('PROD')).toBe(a);
		expect(filter('dev')).not.toBe(a);
	});
});
