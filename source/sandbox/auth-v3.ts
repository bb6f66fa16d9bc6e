// The gateway's checks for signature V3 (ACS3-HMAC-SHA256 in the Authorization header), in the order V2 has
// them: the headers present and the Authorization well formed, x-acs-date within 15 minutes, (the server then
// routes x-acs-action/x-acs-version), a known key, the payload hash, the signature, the STS token
// (x-acs-security-token) and x-acs-signature-nonce never seen before (one nonce book for V2 and V3).
import type {IncomingHttpHeaders} from 'node:http';
import {ApiError, incompleteSignature, missingParameter} from './api-error.js';
import {admit, type KeyLookup, type NonceBook} from './auth.js';
import {
	canonicalRequest,
	parseAuthorization,
	sha256Hex,
	signaturesMatchV3,
	signatureV3,
	stringToSignV3,
	v3Algorithm,
} from './signature-v3.js';

/**
 * The headers a V3 request must carry, with the code of the refusal when one is missing: the V2 code of the
 * parameter the header stands for; the payload hash is a part of the signature (IncompleteSignature).
 */
const requiredHeaders = [
	['x-acs-action', 'MissingAction'],
	['x-acs-version', 'MissingVersion'],
	['x-acs-date', 'MissingTimestamp'],
	['x-acs-signature-nonce', 'MissingSignatureNonce'],
	['x-acs-content-sha256', undefined],
] as const;

/**
 * The headers that must be among SignedHeaders whenever they are sent (otherwise a replay could change them
 * freely): host, content-type and every x-acs-* header. "Request syntax and signature method V3": its
 * CanonicalHeaders are the request's x-acs-*, host and content-type headers, and "all common request headers
 * except Authorization must be signed when present" (README, "Protocol").
 */
const mustBeSigned = (name: string): boolean =>
	name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

/** Everything read from a V3 request's headers, checked for presence and form. */
type V3Claims = {
	action: string;
	version: string;
	date: string;
	nonce: string;
	contentSha256: string;
	securityToken: string | undefined;
	accessKeyId: string;
	signedHeaders: string[];
	signature: string;
};

/**
 * A request is V3 when it carries an ACS3 Authorization header, or V3 headers without a V2 Signature. Any other
 * Authorization beside a V2 Signature (a proxy's Basic or Bearer) leaves it a V2 request, as it was before V3.
 */
export const isV3 = (headers: IncomingHttpHeaders, hasV2Signature: boolean): boolean =>
	hasV2Signature
		? /^ACS3-/i.test(headers.authorization ?? '')
		: headers.authorization !== undefined || headers['x-acs-action'] !== undefined;

const single = (headers: IncomingHttpHeaders, name: string): string | undefined => {
	const found = headers[name];
	return typeof found === 'string' ? found.trim() : undefined;
};

/** Presence and form of the V3 headers, checked before anything else (IncompleteSignature, Missing*). */
export function readV3(headers: IncomingHttpHeaders): V3Claims {
	const raw = headers.authorization;
	if (raw === undefined) throw incompleteSignature('the Authorization header is missing');
	const authorization = parseAuthorization(raw);
	if ('problem' in authorization) throw incompleteSignature(authorization.problem);
	if (authorization.algorithm !== v3Algorithm) {
		throw incompleteSignature(
			`SignatureAlgorithm "${authorization.algorithm.slice(0, 40)}" is not supported, use ${v3Algorithm}`,
		);
	}
	const found: Record<string, string> = {};
	for (const [name, code] of requiredHeaders) {
		const value = single(headers, name);
		if (value === undefined || value === '') {
			throw code ? missingParameter(name, code) : incompleteSignature(`the header "${name}" is missing`);
		}
		found[name] = value;
	}
	const signed = new Set(authorization.signedHeaders);
	for (const name of [...new Set(['host', ...Object.keys(headers).filter(mustBeSigned)])].sort()) {
		if (!signed.has(name)) throw incompleteSignature(`the header "${name}" must be among SignedHeaders`);
	}
	for (const name of signed) {
		if (headers[name] === undefined) {
			throw incompleteSignature(`the signed header "${name.slice(0, 60)}" is not in the request`);
		}
	}
	return {
		action: found['x-acs-action'] as string,
		version: found['x-acs-version'] as string,
		date: found['x-acs-date'] as string,
		nonce: found['x-acs-signature-nonce'] as string,
		contentSha256: found['x-acs-content-sha256'] as string,
		securityToken: single(headers, 'x-acs-security-token'),
		accessKeyId: authorization.accessKeyId,
		signedHeaders: authorization.signedHeaders,
		signature: authorization.signature,
	};
}

type V3Request = {
	method: string;
	path: string;
	/** The decoded query parameters, in the order sent. */
	query: [string, string][];
	body: Uint8Array;
	headersDistinct: Record<string, string[] | undefined>;
};

/** Key, payload hash, signature and token; the nonce is recorded only once all of them are right. */
export function checkV3Caller(
	claims: V3Claims,
	request: V3Request,
	lookup: KeyLookup,
	nonces: NonceBook,
	now: number,
): void {
	const caller = {accessKeyId: claims.accessKeyId, securityToken: claims.securityToken, nonce: claims.nonce};
	admit(lookup, nonces, now, caller, (secret) => {
		const payloadHash = sha256Hex(request.body);
		if (claims.contentSha256.toLowerCase() !== payloadHash) {
			throw new ApiError(
				400,
				'SignatureDoesNotMatch',
				`Specified signature does not match our calculation: x-acs-content-sha256 is not the SHA-256 of the request body (${payloadHash}).`,
			);
		}
		const canonical = canonicalRequest({
			method: request.method,
			path: request.path,
			query: request.query,
			headers: (name) => request.headersDistinct[name],
			signedHeaders: claims.signedHeaders,
			payloadHash,
		});
		if (!signaturesMatchV3(signatureV3(canonical, secret), claims.signature)) {
			throw new ApiError(
				400,
				'SignatureDoesNotMatch',
				`Specified signature does not match our calculation. server string to sign is:${stringToSignV3(canonical)} server canonical request is:${canonical}`,
			);
		}
	});
}
