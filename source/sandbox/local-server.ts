// An HTTP listener on 127.0.0.1 only (no network but loopback) that closes at once: close() stops listening
// and destroys every open socket, idle keep-alive and hung ones included. The API and the metadata stand-in
// both listen this way.
import {createServer, type RequestListener, type Server, type ServerOptions} from 'node:http';
import type {Socket} from 'node:net';

export type LocalServer = {server: Server; port: number; close(): Promise<void>};

export async function listenLocal(
	port: number,
	handler: RequestListener,
	options: ServerOptions = {},
): Promise<LocalServer> {
	const server = createServer(options, handler);
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	return {
		server,
		port: typeof address === 'object' && address ? address.port : port,
		close: () => {
			const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			return stopped;
		},
	};
}
