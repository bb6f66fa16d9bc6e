// The gateway's checks before any action runs, signature V2: common parameters present, signature method and
// version, Timestamp within 15 minutes, a known AccessKeyId, the signature itself (constant-time), the STS
// token when the keys carry one, and SignatureNonce never seen before. Also what V2 and V3 share (auth-v3.ts):
// the nonce book, the clock check and the one seam to the credential store (KeyLookup).
import {
	ApiError,
	accessKeyNotFound,
	incompleteSignature,
	invalidSecurityToken,
	missingParameter,
	missingSecurityToken,
} from './api-error.js';
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

/** `yyyy-MM-ddTHH:mm:ssZ` (milliseconds tolerated), a real date, or undefined. V3's x-acs-date too. */
function parseTimestamp(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
	const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
	// A date that does not exist (month 13, 24:00, year 0050 read as 1950) comes back as another one.
	return new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19) ? ms : undefined;
}

/** Missing or malformed common parameters, checked before anything else. */
export function checkCommon(params: Params): void {
	for (const name of common) {
		if (params[name] === undefined || params[name] === '') throw missingParameter(name, `Missing${name}`);
	}
	if (params.SignatureMethod !== 'HMAC-SHA1') {
		throw incompleteSignature(`SignatureMethod "${params.SignatureMethod}" is not supported, use HMAC-SHA1`);
	}
	if (params.SignatureVersion !== '1.0') {
		throw incompleteSignature(`SignatureVersion "${params.SignatureVersion}" is not supported, use 1.0`);
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

/** Timestamp (V2) or x-acs-date (V3): well formed and within 15 minutes of the sandbox's clock. */
export function checkTime(text: string, now: number): void {
	const time = parseTimestamp(text);
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

/** What a request presents: the key it names and the STS token it carries (undefined when none). */
type Presented = {accessKeyId: string; securityToken: string | undefined};

/**
 * The credential store's answer: the secret to check the signature with, or the refusal for an unknown key.
 * A `tokenRefusal` is given only once the signature is right, so a caller without the secret learns nothing
 * about the token. The one seam between the gateway and the store: STS keys with an expiry answer here too
 * (InvalidSecurityToken.Expired / .Malformed / .MismatchWithAccessKey, see api-error.ts).
 */
export type KeyLookup = (
	presented: Presented,
	now: number,
) => {accessKeySecret: string; tokenRefusal?: ApiError} | ApiError;

/**
 * The store's answer for a known pair of keys: its secret, and the refusal of the presented token when the keys
 * carry one and it is missing or another (MissingSecurityToken, InvalidSecurityToken.MismatchWithAccessKey).
 */
export function keyAnswer(keys: Credentials, presented: string | undefined) {
	const tokenRefusal =
		keys.securityToken !== undefined && (presented === undefined || presented === '')
			? missingSecurityToken()
			: presented !== undefined && !signaturesMatch(keys.securityToken ?? '', presented)
				? invalidSecurityToken('MismatchWithAccessKey')
				: undefined;
	return {accessKeySecret: keys.accessKeySecret, ...(tokenRefusal ? {tokenRefusal} : {})};
}

/** The store of today: one pair of keys, with or without a token that never expires. */
export function keysLookup(current: () => Credentials): KeyLookup {
	return ({accessKeyId, securityToken}) => {
		const credentials = current();
		return accessKeyId === credentials.accessKeyId
			? keyAnswer(credentials, securityToken)
			: accessKeyNotFound();
	};
}

/**
 * Key, signature (`verify` throws when the secret does not sign the request) and token, in that order; the
 * nonce is recorded only once all of them are right. V2 and V3 differ only in `verify`.
 */
export function admit(
	lookup: KeyLookup,
	nonces: NonceBook,
	now: number,
	caller: Presented & {nonce: string},
	verify: (accessKeySecret: string) => void,
): void {
	const key = lookup(caller, now);
	if (key instanceof ApiError) throw key;
	verify(key.accessKeySecret);
	if (key.tokenRefusal) throw key.tokenRefusal;
	if (!nonces.use(caller.nonce, now)) {
		throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
	}
}

/** Signature V2: the HMAC-SHA1 of the string to sign (its text is in the refusal, as the gateway's is). */
export function checkCaller(
	method: string,
	params: Params,
	lookup: KeyLookup,
	nonces: NonceBook,
	now: number,
): void {
	const caller = {
		accessKeyId: params.AccessKeyId ?? '',
		securityToken: params.SecurityToken,
		nonce: params.SignatureNonce ?? '',
	};
	admit(lookup, nonces, now, caller, (secret) => {
		const text = stringToSign(method, Object.entries(params));
		if (!signaturesMatch(hmacSha1(text, secret), params.Signature ?? '')) {
			throw new ApiError(
				400,
				'SignatureDoesNotMatch',
				`Specified signature is not matched with our calculation. server string to sign is:${text}`,
			);
		}
	});
}
