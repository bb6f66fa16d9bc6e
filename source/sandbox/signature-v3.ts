// Signature V3 (ACS3-HMAC-SHA256), as Alibaba Cloud's "Request syntax and signature method V3" page says:
// CanonicalRequest = METHOD \n URI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n
// HashedRequestPayload; StringToSign = "ACS3-HMAC-SHA256" \n hex(SHA-256(CanonicalRequest)); Signature =
// hex(HMAC-SHA256(AccessKeySecret, StringToSign)), keyed with the bare secret (V2 appends "&"). The same code
// verifies (server) and signs (tests, benchmark), and the tests hold it against the page's worked example and
// against the official SDK's own signer.
import {createHash, createHmac} from 'node:crypto';
import {encodePairs, signaturesMatch} from './signature.js';

export const v3Algorithm = 'ACS3-HMAC-SHA256';

export const sha256Hex = (data: Uint8Array | string): string =>
	createHash('sha256').update(data).digest('hex');

/** HashedRequestPayload of an empty body. */
export const emptyPayloadHash = sha256Hex('');

type CanonicalInput = {
	method: string;
	/** `/` for the RPC style. */
	path: string;
	/** The decoded query parameters (not the body's). */
	query: Iterable<readonly [string, string]>;
	/** Header values by lower-case name; a header sent twice has two values. */
	headers: (name: string) => readonly string[] | undefined;
	/** Lower-case, sorted: the names the Authorization header lists. */
	signedHeaders: readonly string[];
	payloadHash: string;
};

/** `name:value\n`; several values of one header are trimmed, sorted and joined by `,`. */
function headerLine(name: string, values: readonly string[] = []): string {
	const joined = values.map((value) => value.trim()).sort();
	return `${name}:${joined.join(',')}\n`;
}

export function canonicalRequest(input: CanonicalInput): string {
	return [
		input.method.toUpperCase(),
		input.path,
		encodePairs(input.query),
		input.signedHeaders.map((name) => headerLine(name, input.headers(name))).join(''),
		input.signedHeaders.join(';'),
		input.payloadHash,
	].join('\n');
}

export const stringToSignV3 = (canonical: string): string => `${v3Algorithm}\n${sha256Hex(canonical)}`;

export const signatureV3 = (canonical: string, accessKeySecret: string): string =>
	createHmac('sha256', accessKeySecret).update(stringToSignV3(canonical), 'utf8').digest('hex');

export const signaturesMatchV3 = (expected: string, given: string): boolean =>
	signaturesMatch(expected, given.toLowerCase());

export type Authorization = {
	algorithm: string;
	accessKeyId: string;
	/** As listed, lower-cased, sorted and without repeats. */
	signedHeaders: string[];
	signature: string;
};

/** `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`, or what is wrong with it. */
export function parseAuthorization(value: string): Authorization | {problem: string} {
	const match = /^\s*(\S+)\s+(.*)$/s.exec(value);
	if (!match) return {problem: 'the Authorization header has no Credential, SignedHeaders and Signature'};
	const [, algorithm = '', rest = ''] = match;
	const parts = new Map<string, string>();
	for (const part of rest.split(',')) {
		const equals = part.indexOf('=');
		if (equals < 0)
			return {problem: `the Authorization header part "${part.trim().slice(0, 40)}" has no "="`};
		parts.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
	}
	const accessKeyId = parts.get('Credential');
	const signed = parts.get('SignedHeaders');
	const signature = parts.get('Signature');
	for (const [name, found] of [
		['Credential', accessKeyId],
		['SignedHeaders', signed],
		['Signature', signature],
	] as const) {
		if (!found) return {problem: `the Authorization header has no ${name}`};
	}
	const signedHeaders = [...new Set((signed as string).split(';').map((h) => h.trim().toLowerCase()))]
		.filter((h) => h !== '')
		.sort();
	return {algorithm, accessKeyId: accessKeyId as string, signedHeaders, signature: signature as string};
}

export type SignV3Options = {
	method: 'GET' | 'POST';
	host: string;
	action: string;
	version: string;
	query?: Readonly<Record<string, string>>;
	/** A form body, sent as application/x-www-form-urlencoded. */
	form?: Readonly<Record<string, string>>;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	/** `yyyy-MM-ddTHH:mm:ssZ` */
	date: string;
	nonce: string;
};

/** For clients (tests, benchmark): the query string, body and headers of a V3-signed RPC request. */
export function signV3(options: SignV3Options): {
	query: string;
	body: string;
	headers: Record<string, string>;
} {
	const query = Object.entries(options.query ?? {});
	const body = options.form ? encodePairs(Object.entries(options.form)) : '';
	const headers: Record<string, string> = {
		host: options.host,
		'x-acs-action': options.action,
		'x-acs-version': options.version,
		'x-acs-date': options.date,
		'x-acs-signature-nonce': options.nonce,
		'x-acs-content-sha256': sha256Hex(body),
		...(options.form ? {'content-type': 'application/x-www-form-urlencoded'} : {}),
		...(options.securityToken === undefined ? {} : {'x-acs-security-token': options.securityToken}),
	};
	const signedHeaders = Object.keys(headers).sort();
	const canonical = canonicalRequest({
		method: options.method,
		path: '/',
		query,
		headers: (name) => (headers[name] === undefined ? undefined : [headers[name] as string]),
		signedHeaders,
		payloadHash: headers['x-acs-content-sha256'] as string,
	});
	const signature = signatureV3(canonical, options.accessKeySecret);
	headers.authorization = `${v3Algorithm} Credential=${options.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
	return {query: encodePairs(query), body, headers};
}
