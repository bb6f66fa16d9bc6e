// Filter-as-you-type over a prepared list: every item's text is lower-cased once per list, so a keystroke
// costs at most one substring test per item (about a millisecond for 5,000 VPCs; less once the filter narrows,
// see incrementalFilter) and only the visible window renders.
// A plain substring match (every typed word must appear) is predictable for ids like vpc-bp1...; fuzzy
// ranking would reorder the list under the user's eyes.

export const prepare = (texts: readonly string[]): string[] => texts.map((s) => s.toLowerCase());

const wordsOf = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Of `candidates` (every item when absent), the indexes whose text contains every word, in list order. */
function matching(
	haystacks: readonly string[],
	words: readonly string[],
	candidates?: readonly number[],
): number[] {
	const out: number[] = [];
	const count = candidates ? candidates.length : haystacks.length;
	for (let k = 0; k < count; k++) {
		const i = candidates ? (candidates[k] as number) : k;
		const hay = haystacks[i] as string;
		if (words.every((w) => hay.includes(w))) out.push(i);
	}
	return out;
}

/** Indexes of the items that contain every word of the query, in list order. */
export const filterIndexes = (haystacks: readonly string[], query: string): number[] =>
	matching(haystacks, wordsOf(query));

/**
 * filterIndexes that remembers the queries on the way to the current one. A key that extends the query only
 * re-tests the items that matched before it (whatever contains "team-4" contains "team-"), and Backspace goes
 * back to an answer already known, so a keystroke over thousands of items costs a fraction of the first one.
 * The same query gives the same array, so it can be a dependency of React hooks.
 */
export function incrementalFilter(haystacks: readonly string[]): (query: string) => number[] {
	// Each entry's query is a prefix of the next one's.
	const trail: {query: string; indexes: number[]}[] = [];
	return (query) => {
		const q = query.toLowerCase();
		while (trail.length > 0 && !q.startsWith((trail[trail.length - 1] as {query: string}).query)) trail.pop();
		const base = trail[trail.length - 1];
		if (base?.query === q) return base.indexes;
		const indexes = matching(haystacks, wordsOf(q), base?.indexes);
		trail.push({query: q, indexes});
		return indexes;
	};
}

/** The first visible row, moved as little as possible so the cursor stays in view. */
export function scrollTop(top: number, cursor: number, height: number, total: number): number {
	if (total <= height) return 0;
	let next = top;
	if (cursor < next) next = cursor;
	if (cursor >= next + height) next = cursor - height + 1;
	return Math.max(0, Math.min(next, total - height));
}

export type Move = 'up' | 'down' | 'home' | 'end' | 'pageUp' | 'pageDown';

export function moveCursor(cursor: number, move: Move, total: number, page: number): number {
	if (total === 0) return 0;
	const last = total - 1;
	switch (move) {
		case 'up':
			return cursor <= 0 ? last : cursor - 1;
		case 'down':
			return cursor >= last ? 0 : cursor + 1;
		case 'home':
			return 0;
		case 'end':
			return last;
		case 'pageUp':
			return Math.max(0, cursor - page);
		case 'pageDown':
			return Math.min(last, cursor + page);
	}
}
