// Watches every HTTP answer pop-core receives through one of its agents. pop-core reads a whole answer into
// memory before it looks at it, so a broken or hostile server streaming without end would fill the memory before
// the read timeout; and it drops the HTTP status when the body is not JSON (a gateway's 502 page). So: an answer
// larger than any API answer could be is cut off, and each answer's status is noted for the call that made it.
import type {Agent, ClientRequest, IncomingMessage} from 'node:http';

/** The key under which a call hands its record to the agent, through the request options. */
export const callRecord = Symbol('ecs-sg call record');

/** What the guard learnt about one call's answer. */
export type CallRecord = {status?: number; tooLarge?: boolean};

/** Far above any answer of the API (a page of 50 VPCs is about 50 KB, 200 rules about 100 KB). */
export const defaultMaxResponseBytes = 16 * 1024 * 1024;

type Adds = {addRequest(request: ClientRequest, options: object): void};

function watch(request: ClientRequest, response: IncomingMessage, maxBytes: number, record?: CallRecord) {
	if (record) record.status = response.statusCode;
	const socket = response.socket;
	let received = 0;
	const count = (chunk: Buffer) => {
		received += chunk.length;
		if (received > maxBytes) stop();
	};
	const done = () => socket?.off('data', count);
	function stop() {
		done();
		if (record?.tooLarge) return;
		if (record) record.tooLarge = true;
		// Later, not now: pop-core attaches its own listeners to the answer only after this event has passed.
		setImmediate(() => request.destroy());
	}
	response.once('end', done);
	response.once('close', done);
	const declared = Number(response.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) stop();
	else socket?.on('data', count);
}

/** Makes `agent` watch every answer: cut off past `maxBytes`, status noted in the call's record. */
export function guardAgent(agent: Agent, maxBytes = defaultMaxResponseBytes): void {
	const target = agent as unknown as Adds;
	const addRequest = target.addRequest.bind(agent);
	target.addRequest = (request, options) => {
		const record = (options as Record<symbol, CallRecord | undefined>)[callRecord];
		request.once('response', (response: IncomingMessage) => watch(request, response, maxBytes, record));
		addRequest(request, options);
	};
}
