// A test server on a free loopback port, and a close that does not wait for the calls a test left hanging.
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export type Listening = {endpoint: string; close(): Promise<void>};

/** Starts `server` on 127.0.0.1 and a free port; `close` ends every open connection first (held ones too). */
export async function listenLocal(server: Server): Promise<Listening> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
