// The gateway's checks before any action runs: common parameters present, signature method and version,
// Timestamp within 15 minutes, a known AccessKeyId, the signature itself (constant-time), the STS token when
// the keys carry one, and SignatureNonce never seen before.
import {ApiError, missingParameter} from './api-error.js';
import type {Params} from './params.js';
import {hmacSha1, signaturesMatch, stringToSign} from './signature.js';
import type {Credentials} from './types.js';

const skewMs = 15 * 60 * 1000;
// A request may carry a Timestamp up to 15 minutes ahead, so its nonce must be remembered for twice that.
const nonceMemoryMs = 31 * 60 * 1000;
const maxNonces = 1_000_000;

export class NonceBook {
	private readonly seen = new Map<string, number>();

	/** Records the nonce; false when it was already used within the window. */
	use(nonce: string, now: number): boolean {
		for (const [old, expires] of this.seen) {
			if (expires > now && this.seen.size < maxNonces) break;
			this.seen.delete(old);
		}
		const expires = this.seen.get(nonce);
		if (expires !== undefined && expires > now) return false;
		this.seen.delete(nonce);
		this.seen.set(nonce, now + nonceMemoryMs);
		return true;
	}
}

const common = [
	'AccessKeyId',
	'Action',
	'Version',
	'Signature',
	'SignatureMethod',
	'SignatureVersion',
	'SignatureNonce',
	'Timestamp',
] as const;

/** `yyyy-MM-ddTHH:mm:ssZ` (milliseconds tolerated), a real date, or undefined. */
export function parseTimestamp(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
	const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
	const back = new Date(ms);
	const same =
		back.getUTCFullYear() === y &&
		back.getUTCMonth() === (mo as number) - 1 &&
		back.getUTCDate() === d &&
		back.getUTCHours() === h &&
		back.getUTCMinutes() === mi &&
		back.getUTCSeconds() === s;
	return same ? ms : undefined;
}

/** Missing or malformed common parameters, checked before anything else. */
export function checkCommon(params: Params): void {
	for (const name of common) {
		if (params[name] === undefined || params[name] === '') throw missingParameter(name, `Missing${name}`);
	}
	if (params.SignatureMethod !== 'HMAC-SHA1') {
		throw new ApiError(
			400,
			'IncompleteSignature',
			`The request signature does not conform to Aliyun standards: SignatureMethod "${params.SignatureMethod}" is not supported, use HMAC-SHA1.`,
		);
	}
	if (params.SignatureVersion !== '1.0') {
		throw new ApiError(
			400,
			'IncompleteSignature',
			`The request signature does not conform to Aliyun standards: SignatureVersion "${params.SignatureVersion}" is not supported, use 1.0.`,
		);
	}
	const format = params.Format;
	if (format !== undefined && !/^(json|xml)$/i.test(format)) {
		throw new ApiError(
			400,
			'InvalidParameter',
			'The specified parameter "Format" is not valid: use JSON (XML requests are answered in JSON).',
		);
	}
}

export function checkTimestamp(params: Params, now: number): void {
	const time = parseTimestamp(params.Timestamp ?? '');
	if (time === undefined) {
		throw new ApiError(
			400,
			'InvalidTimeStamp.Format',
			'Specified time stamp or date value is not well formatted.',
		);
	}
	if (Math.abs(time - now) > skewMs) {
		throw new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
	}
}

/** Key, signature and token; the nonce is recorded only once all of them are right. */
export function checkCaller(
	method: string,
	params: Params,
	credentials: Credentials,
	nonces: NonceBook,
	now: number,
): void {
	if (params.AccessKeyId !== credentials.accessKeyId) {
		throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
	}
	const text = stringToSign(method, Object.entries(params));
	if (!signaturesMatch(hmacSha1(text, credentials.accessKeySecret), params.Signature ?? '')) {
		throw new ApiError(
			400,
			'SignatureDoesNotMatch',
			`Specified signature is not matched with our calculation. server string to sign is:${text}`,
		);
	}
	const token = params.SecurityToken;
	if (credentials.securityToken !== undefined && (token === undefined || token === '')) {
		throw new ApiError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for this action.');
	}
	if (token !== undefined && !signaturesMatch(credentials.securityToken ?? '', token)) {
		throw new ApiError(
			400,
			'InvalidSecurityToken.MismatchWithAccessKey',
			'Specified SecurityToken mismatch with the AccessKey.',
		);
	}
	if (!nonces.use(params.SignatureNonce ?? '', now)) {
		throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
	}
}
