// Filter-as-you-type over a prepared list: every item's text is lower-cased once per list, so a keystroke
// costs at most one substring test per item (about a millisecond for 5,000 VPCs; less once the filter narrows,
// see incrementalFilter) and only the visible window renders.
// A plain substring match (every typed word must appear) is predictable for ids like vpc-bp1...; the only
// ranking is that matches at the start of a word come first (fuzzy ranking would reorder the list at random).

export const prepare = (texts: readonly string[]): string[] => texts.map((s) => s.toLowerCase());

const wordsOf = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Whether `word` starts a word of `hay`: at its start, or after a character that is not a letter or digit. */
function startsWord(hay: string, word: string): boolean {
	for (let at = hay.indexOf(word); at !== -1; at = hay.indexOf(word, at + 1)) {
		if (at === 0 || !/[a-z0-9]/.test(hay[at - 1] as string)) return true;
	}
	return false;
}

type Found = {
	/** The matches in list order (what a longer query narrows). */
	all: number[];
	/** The same, ranked: those where the first word starts a word (an id or a name begins with it) first. */
	ranked: number[];
};

/** Of `candidates` (every item when absent), the indexes whose text contains every word; each item read once. */
function matching(
	haystacks: readonly string[],
	words: readonly string[],
	candidates?: readonly number[],
): Found {
	const all: number[] = [];
	const front: number[] = [];
	const rest: number[] = [];
	const first = words[0];
	const count = candidates ? candidates.length : haystacks.length;
	for (let k = 0; k < count; k++) {
		const i = candidates ? (candidates[k] as number) : k;
		const hay = haystacks[i] as string;
		if (!words.every((w) => hay.includes(w))) continue;
		all.push(i);
		if (first === undefined || startsWord(hay, first)) front.push(i);
		else rest.push(i);
	}
	return {all, ranked: rest.length === 0 ? all : [...front, ...rest]};
}

/**
 * Indexes of the items that contain every word of the query: first those where the first word begins the id or
 * the name (or any word of the text: `hang` finds cn-hangzhou before cn-zhangjiakou), then the other matches,
 * each group in list order.
 */
export const filterIndexes = (haystacks: readonly string[], query: string): number[] =>
	matching(haystacks, wordsOf(query)).ranked;

/**
 * filterIndexes that remembers the queries on the way to the current one. A key that extends the query only
 * re-tests the items that matched before it (whatever contains "team-4" contains "team-"), and Backspace goes
 * back to an answer already known, so a keystroke over thousands of items costs a fraction of the first one.
 * The same query gives the same array, so it can be a dependency of React hooks.
 */
export function incrementalFilter(haystacks: readonly string[]): (query: string) => number[] {
	// Each entry's query is a prefix of the next one's.
	const trail: {query: string; found: Found}[] = [];
	return (query) => {
		const q = query.toLowerCase();
		while (trail.length > 0 && !q.startsWith((trail[trail.length - 1] as {query: string}).query)) trail.pop();
		const base = trail[trail.length - 1];
		if (base?.query === q) return base.found.ranked;
		const found = matching(haystacks, wordsOf(q), base?.found.all);
		trail.push({query: q, found});
		return found.ranked;
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
