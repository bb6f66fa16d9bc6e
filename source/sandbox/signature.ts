// Signature V2 ("SignatureVersion 1.0", HMAC-SHA1), exactly as reference §1.2: sort the parameters by name
// (bytewise), percent-encode names and values per RFC 3986, join, then sign METHOD&%2F&enc(query) with the
// key `secret&`. The same code signs (tests, benchmark) and verifies (server).
import {createHash, createHmac, timingSafeEqual} from 'node:crypto';

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ becomes %XY (UTF-8, upper-case hex). */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

const byName = (a: readonly [string, string], b: readonly [string, string]): number =>
	Buffer.compare(Buffer.from(a[0], 'utf8'), Buffer.from(b[0], 'utf8'));

/** Sorted bytewise by name, names and values RFC 3986-encoded, joined with `&` (V2 and V3 alike). */
export function encodePairs(params: Iterable<readonly [string, string]>): string {
	return [...params]
		.sort(byName)
		.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
		.join('&');
}

/** The CanonicalizedQueryString of every parameter except `Signature`. */
export function canonicalQuery(params: Iterable<readonly [string, string]>): string {
	return encodePairs([...params].filter(([name]) => name !== 'Signature'));
}

export function stringToSign(method: string, params: Iterable<readonly [string, string]>): string {
	return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function hmacSha1(text: string, accessKeySecret: string): string {
	return createHmac('sha1', `${accessKeySecret}&`).update(text, 'utf8').digest('base64');
}

export function sign(
	method: string,
	params: Iterable<readonly [string, string]>,
	accessKeySecret: string,
): string {
	return hmacSha1(stringToSign(method, params), accessKeySecret);
}

/** Constant-time comparison; hashing first makes the lengths equal so nothing leaks through them either. */
export function signaturesMatch(expected: string, given: string): boolean {
	const a = createHash('sha256').update(expected, 'utf8').digest();
	const b = createHash('sha256').update(given, 'utf8').digest();
	return timingSafeEqual(a, b) && expected.length === given.length;
}

/** For clients (tests, benchmark): the form body of a signed request, Signature last. */
export function signedForm(
	method: string,
	params: Readonly<Record<string, string>>,
	accessKeySecret: string,
): string {
	const entries = Object.entries(params);
	const signature = sign(method, entries, accessKeySecret);
	return `${canonicalQuery(entries)}&Signature=${percentEncode(signature)}`;
}
