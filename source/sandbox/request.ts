// Reading one HTTP request: its target, its body (at most 1 MB) and its parameters, from the query string and
// from a form body, decoded as forms (`+` is a space) and refused when malformed or given twice.
import type {IncomingMessage} from 'node:http';
import {ApiError} from './api-error.js';
import {decodeForm} from './form.js';
import type {Params} from './params.js';

const maxBodyBytes = 1024 * 1024;
const maxParams = 10_000;

/** The socket is gone (reset fault, client hung up): nothing can be answered. */
export class Gone extends Error {}

export function splitTarget(url: string): {path: string; query: string} {
	let target = url;
	const absolute = /^https?:\/\/[^/?]*/i.exec(target);
	if (absolute) target = target.slice(absolute[0].length);
	const mark = target.indexOf('?');
	return mark < 0 ? {path: target, query: ''} : {path: target.slice(0, mark), query: target.slice(mark + 1)};
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const tooLarge = (): ApiError =>
			new ApiError(
				413,
				'RequestEntityTooLarge',
				`The request body exceeds the limit of ${maxBodyBytes} bytes.`,
			);
		const declared = Number(req.headers['content-length']);
		if (declared > maxBodyBytes) {
			req.pause();
			reject(tooLarge());
			return;
		}
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBodyBytes) {
				req.removeAllListeners('data');
				req.pause();
				reject(tooLarge());
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', () => reject(new Gone()));
		req.on('close', () => {
			if (!req.complete) reject(new Gone());
		});
	});
}

function decodeOrRefuse(source: Uint8Array): [string, string][] {
	const decoded = decodeForm(source);
	if (!decoded.ok) {
		throw new ApiError(
			400,
			'InvalidParameter',
			`The request parameters cannot be decoded: ${decoded.problem}.`,
		);
	}
	return decoded.pairs;
}

/** The parameters of query and form body together, and the query's alone (signature V3 signs only those). */
export function collectParams(
	query: string,
	body: Buffer,
	isForm: boolean,
): {params: Params; queryPairs: [string, string][]} {
	const params: Record<string, string> = Object.create(null);
	const queryPairs = decodeOrRefuse(Buffer.from(query, 'latin1'));
	const pairs = isForm && body.length > 0 ? [...queryPairs, ...decodeOrRefuse(body)] : queryPairs;
	if (pairs.length > maxParams) {
		throw new ApiError(400, 'InvalidParameter', `A request carries at most ${maxParams} parameters.`);
	}
	for (const [name, value] of pairs) {
		if (Object.hasOwn(params, name)) {
			throw new ApiError(
				400,
				'InvalidParameter',
				`The parameter "${name.slice(0, 100)}" is given more than once.`,
			);
		}
		params[name] = value;
	}
	return {params, queryPairs};
}
