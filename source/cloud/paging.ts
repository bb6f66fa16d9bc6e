// Every page of a paged Describe* call: page 1 first (it tells the total), then pages 2..N concurrently with a
// bound, returned in page order. One failing page cancels the others and its error is what the caller sees.
import {setMaxListeners} from 'node:events';

export type Page<T> = {items: T[]; total?: number; pageSize?: number};

export type PagingOptions = {
	pageSize: number;
	concurrency: number;
	signal?: AbortSignal;
	onProgress?: (loaded: number, total: number) => void;
	/** Never ask for more pages than this, whatever TotalCount says. */
	maxPages?: number;
};

export async function fetchAllPages<T>(
	fetchPage: (pageNumber: number, signal: AbortSignal) => Promise<Page<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const controller = new AbortController();
	// Every request in flight listens to this signal; past 10, Node would print a leak warning on stderr.
	setMaxListeners(Math.max(10, 2 * options.concurrency + 4), controller.signal);
	const outer = options.signal;
	const forward = () => controller.abort(outer?.reason);
	if (outer?.aborted) forward();
	outer?.addEventListener('abort', forward, {once: true});
	try {
		const first = await fetchPage(1, controller.signal);
		const size = first.pageSize && first.pageSize > 0 ? first.pageSize : options.pageSize;
		const total = first.total ?? first.items.length;
		let loaded = first.items.length;
		options.onProgress?.(loaded, Math.max(total, loaded));
		const pageCount = Math.min(Math.ceil(total / size), options.maxPages ?? 1000);
		// A first page shorter than a full page is the last one, whatever the total claims.
		if (pageCount <= 1 || first.items.length < size) return first.items;

		const pages: T[][] = [first.items];
		let nextPage = 2;
		const worker = async () => {
			while (nextPage <= pageCount) {
				const number = nextPage++;
				try {
					const page = await fetchPage(number, controller.signal);
					pages[number - 1] = page.items;
					loaded += page.items.length;
					options.onProgress?.(loaded, Math.max(total, loaded));
				} catch (error) {
					controller.abort(error);
					throw error;
				}
			}
		};
		const workers = Array.from({length: Math.min(Math.max(1, options.concurrency), pageCount - 1)}, worker);
		const settled = await Promise.allSettled(workers);
		const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
		if (failure) {
			if (outer?.aborted) throw outer.reason;
			throw firstError(settled, failure.reason);
		}
		return pages.flat();
	} finally {
		outer?.removeEventListener('abort', forward);
	}
}

/** Prefer the error that caused the cancellation over the aborts it caused in the other workers. */
function firstError(settled: PromiseSettledResult<unknown>[], fallback: unknown): unknown {
	const real = settled.find(
		(s): s is PromiseRejectedResult =>
			s.status === 'rejected' && !(s.reason instanceof Error && s.reason.name === 'AbortError'),
	);
	return real ? real.reason : fallback;
}
