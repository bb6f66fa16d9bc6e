// The one EcsApi adapter, over @alicloud/pop-core: the transport (pop-call.ts: client, retries, errors), the
// Describe* calls (reads.ts) and the calls that change something (writes.ts), put together.
import {type AdapterOptions, createTransport} from './pop-call.js';
import type {EcsApi, RetryObservable} from './port.js';
import {reads} from './reads.js';
import {writes} from './writes.js';

export type {AdapterOptions} from './pop-call.js';

export type PopEcsApi = EcsApi &
	RetryObservable & {
		/** Closes the kept-alive connections. */
		close(): void;
	};

export function createEcsApi(options: AdapterOptions): PopEcsApi {
	const transport = createTransport(options);
	return {
		onRetry(listener) {
			transport.listeners.add(listener);
			return () => {
				transport.listeners.delete(listener);
			};
		},
		close: () => transport.close(),
		...reads(transport),
		...writes(transport),
	};
}
