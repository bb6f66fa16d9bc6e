// ClientToken idempotency (reference §5): the same token with the same parameters answers what the first
// call answered (CreateSecurityGroup: the same SecurityGroupId, no second group); different parameters are
// IdempotentParameterMismatch; a call whose first try is still running is IdempotentProcessing. Tokens are
// scoped per action and kept in the state (the last 5000), so a retry after a restart is answered too.
import {createHash} from 'node:crypto';
import {ApiError} from './api-error.js';
import type {Params} from './params.js';
import type {TokenRecord, World} from './types.js';

const maxTokens = 5000;

const notCompared = new Set([
	'AccessKeyId',
	'Action',
	'Version',
	'Format',
	'Signature',
	'SignatureMethod',
	'SignatureVersion',
	'SignatureNonce',
	'SignatureType',
	'Timestamp',
	'SecurityToken',
	'ClientToken',
]);

/** A digest of the action's own parameters: what "the same request" means. */
export function fingerprint(params: Params): string {
	const own = Object.entries(params)
		.filter(([name]) => !notCompared.has(name))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return createHash('sha256').update(JSON.stringify(own)).digest('hex');
}

export type Begin = {replay: Record<string, unknown>} | {started: true};

export class ClientTokens {
	private readonly running = new Set<string>();
	private readonly done = new Map<string, TokenRecord>();

	constructor(private readonly world: World) {
		for (const record of world.tokens) this.done.set(this.key(record.Action, record.ClientToken), record);
	}

	private key(action: string, token: string): string {
		return `${action}\n${token}`;
	}

	begin(action: string, token: string, print: string): Begin {
		const key = this.key(action, token);
		if (this.running.has(key)) {
			throw new ApiError(
				403,
				'IdempotentProcessing',
				'The previous idempotent request(s) is still processing.',
			);
		}
		const record = this.done.get(key);
		if (record) {
			if (record.Fingerprint !== print) {
				throw new ApiError(
					400,
					'IdempotentParameterMismatch',
					'The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.',
				);
			}
			return {replay: structuredClone(record.Result)};
		}
		this.running.add(key);
		return {started: true};
	}

	/** The call succeeded: remember its answer (the caller writes the state out). */
	finish(action: string, token: string, print: string, result: Record<string, unknown>): void {
		const key = this.key(action, token);
		this.running.delete(key);
		const record: TokenRecord = {
			Action: action,
			ClientToken: token,
			Fingerprint: print,
			Result: structuredClone(result),
		};
		this.done.set(key, record);
		this.world.tokens.push(record);
		while (this.world.tokens.length > maxTokens) {
			const old = this.world.tokens.shift() as TokenRecord;
			if (this.done.get(this.key(old.Action, old.ClientToken)) === old)
				this.done.delete(this.key(old.Action, old.ClientToken));
		}
	}

	/** The call failed or was not carried out: a retry with the token runs it afresh. */
	abort(action: string, token: string): void {
		this.running.delete(this.key(action, token));
	}
}
