// Twenty pages in flight at once each listen to the shared abort signal (Node's http does): no leak warning
// may reach stderr, where it would land in the middle of the wizard's frames.
import {afterEach, describe, expect, it} from 'vitest';
import {fetchAllPages} from '../../source/cloud/paging.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
	process.off('warning', onWarning);
	warnings.length = 0;
});

describe('fetchAllPages with many pages in flight', () => {
	it('lets every page listen to the abort signal without a MaxListeners warning', async () => {
		process.on('warning', onWarning);
		let inFlight = 0;
		let most = 0;
		const items = await fetchAllPages<number>(
			async (page, signal) => {
				const onAbort = () => {};
				signal.addEventListener('abort', onAbort);
				inFlight++;
				most = Math.max(most, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 20));
				inFlight--;
				signal.removeEventListener('abort', onAbort);
				return {items: [page], total: 21, pageSize: 1};
			},
			{pageSize: 1, concurrency: 20},
		);
		// Warnings are emitted on the next tick.
		await new Promise((resolve) => setImmediate(resolve));
		expect(items).toEqual(Array.from({length: 21}, (_, i) => i + 1));
		expect(most).toBe(20);
		expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
	});
});
