import {afterEach, describe, expect, it} from 'vitest';
import {afterTries, CloudError, HttpStatusError, toCloudError} from '../../source/cloud/errors.js';
import {redact} from '../../source/cloud/redact.js';
import {setLang} from '../../source/text/index.js';

const secret = 'kSecretValue0123456789abcdef';
const token = 'CAIS1234567890tokenvalue';
const signedUrl = `https://ecs.aliyuncs.com/?AccessKeyId=LTAIabc&Action=DescribeRegions&SecurityToken=${token}&Signature=AbC%2Bdef%3D`;

/** An error shaped exactly like the one pop-core throws for a JSON answer with a Code. */
function popError(code: string, status: number, message: string, url = signedUrl) {
	const error = new Error(`${message}, URL: ${url}`) as Error & Record<string, unknown>;
	error.name = `${code}Error`;
	error.code = code;
	error.data = {RequestId: 'REQ-1', HostId: 'ecs.aliyuncs.com', Code: code, Message: message};
	error.url = url;
	error.entry = {url, request: {}, response: {statusCode: status}};
	return error;
}

const everything = (error: CloudError) =>
	[error.sentence, error.next, error.message, String(error)].join('\n');

describe('toCloudError', () => {
	afterEach(() => setLang('en'));

	it('keeps code, status and request id of an API error, and never the signed URL', () => {
		const error = toCloudError(popError('Forbidden.RAM', 403, 'User not authorized'), 'CreateSecurityGroup', {
			secrets: [secret, token],
		});
		expect(error).toBeInstanceOf(CloudError);
		expect(error).toMatchObject({kind: 'forbidden', code: 'Forbidden.RAM', status: 403, requestId: 'REQ-1'});
		expect(error.details).toMatchObject({action: 'CreateSecurityGroup', retryable: false});
		expect(error.sentence).toContain('User not authorized');
		expect(everything(error)).not.toContain(token);
		expect(everything(error)).not.toContain('Signature=');
		expect(everything(error)).not.toContain('AccessKeyId=');
	});

	it('cuts the server string-to-sign out of SignatureDoesNotMatch', () => {
		const message = `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI%26SecurityToken%3D${token}`;
		const error = toCloudError(popError('SignatureDoesNotMatch', 400, message), 'DescribeRegions');
		expect(error.kind).toBe('bad-secret');
		expect(everything(error)).not.toContain(token);
		expect(everything(error)).not.toContain('POST&');
	});

	it('classifies transport errors by errno, timeouts by name, and bodies by their look', () => {
		const refused = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1POST ${signedUrl} failed.`), {
			code: 'ECONNREFUSED',
		});
		const network = toCloudError(refused, 'DescribeVpcs', {endpoint: 'http://127.0.0.1:1'});
		expect(network).toMatchObject({kind: 'network', code: 'ECONNREFUSED', details: {retryable: true}});
		expect(network.sentence).toContain('127.0.0.1:1');
		expect(everything(network)).not.toContain(token);

		const hangUp = toCloudError(new Error('socket hang up'), 'DescribeVpcs');
		expect(hangUp).toMatchObject({kind: 'network', code: 'ECONNRESET', details: {retryable: true}});

		const tls = toCloudError(Object.assign(new Error('x'), {code: 'CERT_HAS_EXPIRED'}), 'DescribeVpcs');
		expect(tls).toMatchObject({kind: 'network', details: {retryable: false}});

		const timeout = Object.assign(new Error(`ReadTimeout(100). GET ${signedUrl} failed.`), {
			name: 'RequestTimeoutError',
		});
		const timedOut = toCloudError(timeout, 'DescribeVpcs', {timeoutMs: 7000});
		expect(timedOut).toMatchObject({kind: 'timeout', details: {retryable: true}});
		expect(timedOut.sentence).toContain('7 s');
		expect(everything(timedOut)).not.toContain(token);

		// json-bigint throws a plain object carrying the whole body as `text`.
		const html = toCloudError(
			{name: 'SyntaxError', message: "Unexpected '<'", at: 1, text: '<html>x</html>'},
			'A',
		);
		expect(html).toMatchObject({kind: 'bad-response', code: 'HtmlResponse', details: {retryable: false}});
		const empty = toCloudError({name: 'SyntaxError', message: 'Unexpected end', text: ''}, 'A');
		expect(empty.code).toBe('EmptyResponse');
		const truncated = toCloudError(
			{name: 'SyntaxError', message: 'Bad string', text: `{"Secret":"${secret}`},
			'A',
		);
		expect(truncated.code).toBe('InvalidJson');
		expect(everything(truncated)).not.toContain(secret);

		const noCode = toCloudError(new HttpStatusError(403, 'r'), 'A');
		expect(noCode).toMatchObject({kind: 'bad-response', code: 'NoErrorCode', status: 403});

		// A 5xx without an API answer is a server fault, tried again like any 5xx (the status comes from the guard).
		const gateway = toCloudError(new HttpStatusError(502, 'r'), 'A');
		expect(gateway).toMatchObject({kind: 'unavailable', status: 502, details: {retryable: true}});
		const page = toCloudError({name: 'SyntaxError', text: '<html>Bad Gateway</html>'}, 'A', {status: 502});
		expect(page).toMatchObject({kind: 'unavailable', code: 'HtmlResponse', details: {retryable: true}});
		expect(page.sentence).toContain('HTTP 502');
		expect(page.sentence).not.toContain('Bad Gateway');
	});

	it('marks exactly the retryable API codes', () => {
		const retryable = (code: string) => toCloudError(popError(code, 400, 'm'), 'A').details.retryable;
		for (const code of [
			'Throttling',
			'Throttling.User',
			'Throttling.Api',
			'ServiceUnavailable',
			'InternalError',
			'IdempotentProcessing',
			'SignatureNonceUsed',
		]) {
			expect(retryable(code), code).toBe(true);
		}
		for (const code of [
			'InvalidParameter',
			'SignatureDoesNotMatch',
			'Forbidden.RAM',
			'QuotaExceed.SecurityGroup',
			'InvalidTimeStamp.Expired',
			'IdempotentParameterMismatch',
			'DependencyViolation',
		]) {
			expect(retryable(code), code).toBe(false);
		}
	});

	it('speaks the current language', () => {
		setLang('zh');
		const error = toCloudError(
			popError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
			'A',
		);
		expect(error.sentence).toContain('AccessKey ID');
		expect(error.sentence).toMatch(/[\u4e00-\u9fff]/);
	});

	it('returns a CloudError unchanged, and notes the number of tries when asked', () => {
		const original = toCloudError(popError('Throttling.User', 400, 'm'), 'A');
		expect(toCloudError(original, 'B')).toBe(original);
		expect(afterTries(original, 1)).toBe(original);
		const after = afterTries(original, 4);
		expect(after.sentence).toContain('4 tries');
		expect(after).toMatchObject({kind: 'throttled', code: 'Throttling.User', status: 400});
	});

	it('strips escape sequences and control characters from server text', () => {
		const error = toCloudError(popError('InvalidParameter', 400, 'bad\u001B[31m red\u0007 \u202Ename'), 'A');
		for (const control of ['\u001B', '\u0007', '\u202E']) expect(error.sentence).not.toContain(control);
		expect(error.sentence).toContain('bad red name');
	});
});

describe('redact', () => {
	it('removes literal and URL-encoded secrets, signatures, tokens and URL queries', () => {
		const text = redact(
			`a ${secret} b ${encodeURIComponent(`${secret}/+`)} c Signature=xyz&SecurityToken=${token} d "accessKeySecret":"s3cr3tvalue" e ${signedUrl}`,
			[secret, `${secret}/+`, token],
		);
		expect(text).not.toContain(secret);
		expect(text).not.toContain(token);
		expect(text).not.toContain('xyz');
		expect(text).not.toContain('s3cr3tvalue');
		expect(text).not.toContain('AccessKeyId=LTAIabc');
		expect(text).toContain('https://ecs.aliyuncs.com/?[redacted]');
	});

	it('leaves ordinary text alone and ignores very short "secrets"', () => {
		expect(redact('The VPC vpc-123 is busy.', ['a', ''])).toBe('The VPC vpc-123 is busy.');
	});
});
