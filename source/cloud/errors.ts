// One error type for everything that can go wrong talking to Alibaba Cloud (or the sandbox): an API error
// answer, a network failure, a timeout, or a response that is not what the protocol promises.
import {cleanLine, type MessageKey, t} from '../text/index.js';
import {isRetryableApiCode, kindOfApiCode, retryableNetworkCodes} from './error-codes.js';
import {redact} from './redact.js';

export type CloudErrorKind =
	| 'bad-key' // InvalidAccessKeyId.*: the AccessKey ID is unknown or disabled
	| 'bad-secret' // SignatureDoesNotMatch: the secret is wrong
	| 'bad-token' // InvalidSecurityToken.*, MissingSecurityToken
	| 'clock' // InvalidTimeStamp.*: the local clock is off
	| 'forbidden' // Forbidden.RAM and other 403 permission codes
	| 'quota' // QuotaExceed.*, AuthorizationLimitExceed
	| 'vpc-not-found'
	| 'region-not-found'
	| 'group-not-found'
	| 'throttled' // throttling that outlasted the retries
	| 'unavailable' // 5xx that outlasted the retries
	| 'network' // refused, reset, DNS failure, unreachable
	| 'timeout'
	| 'bad-response' // non-JSON, empty, truncated, or a 4xx/5xx without Code
	| 'conflict' // IdempotentParameterMismatch, DependencyViolation, OperationConflict
	| 'invalid' // the API refused a parameter
	| 'unknown';

export class CloudError extends Error {
	override readonly name = 'CloudError';
	constructor(
		readonly kind: CloudErrorKind,
		/** The API's Code, or a transport code such as ECONNREFUSED. */
		readonly code: string,
		/** A human sentence saying what went wrong (current language, already redacted and cleaned). */
		readonly sentence: string,
		/** What the operator can do next. */
		readonly next: string,
		readonly details: {status?: number; requestId?: string; action?: string; retryable?: boolean} = {},
	) {
		super(sentence);
	}

	get status(): number | undefined {
		return this.details.status;
	}

	get requestId(): string | undefined {
		return this.details.requestId;
	}
}

/** Thrown by the adapter when an answer has an error HTTP status but no `Code` (pop-core resolves those). */
export class HttpStatusError extends Error {
	override readonly name = 'HttpStatusError';
	constructor(
		readonly status: number,
		readonly requestId?: string,
	) {
		super(`HTTP ${status}`);
	}
}

export type ErrorContext = {
	/** Where the call went (scheme, host and port only are shown). */
	endpoint?: string;
	/** Values to cut out of any server text: the secret and the STS token. */
	secrets?: readonly (string | undefined)[];
	/** The per-call timeout, for the timeout message. */
	timeoutMs?: number;
	/** The HTTP status of the answer, when pop-core could not parse it and so kept no status of its own. */
	status?: number;
};

type Raw = {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	data?: unknown;
	text?: unknown;
	entry?: {response?: {statusCode?: unknown}};
};

const field = (value: unknown, key: string): string | undefined => {
	if (typeof value !== 'object' || value === null) return undefined;
	const v = (value as Record<string, unknown>)[key];
	return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

function hostOf(endpoint: string | undefined): string {
	if (!endpoint) return '?';
	try {
		return new URL(endpoint).host;
	} catch {
		return '?';
	}
}

/** The server's Message, safe to show: secrets, signatures, string-to-sign and URL queries cut, one clean line. */
function serverMessage(message: string | undefined, context: ErrorContext): string {
	if (!message) return '';
	const clean = cleanLine(redact(message, context.secrets ?? [])).trim();
	return clean.length > 300 ? `${clean.slice(0, 299)}…` : clean;
}

function apiError(
	code: string,
	status: number | undefined,
	data: unknown,
	action: string,
	context: ErrorContext,
) {
	const kind = kindOfApiCode(code);
	const requestId = field(data, 'RequestId');
	const message = serverMessage(field(data, 'Message'), context);
	const details = {status, requestId, action, retryable: isRetryableApiCode(code)};
	const params = {action, code, message: message || code, status: status ?? '?', requestId: requestId ?? '-'};
	const pick = (): [MessageKey, MessageKey] => {
		switch (kind) {
			case 'bad-key':
				return /Inactive|Disabled/.test(code)
					? ['cloud.error.keyDisabled', 'cloud.next.keyDisabled']
					: ['cloud.error.badKey', 'cloud.next.badKey'];
			case 'bad-secret':
				return ['cloud.error.badSecret', 'cloud.next.badSecret'];
			case 'bad-token':
				return ['cloud.error.badToken', 'cloud.next.badToken'];
			case 'clock':
				return ['cloud.error.clock', 'cloud.next.clock'];
			case 'forbidden':
				return ['cloud.error.forbidden', 'cloud.next.forbidden'];
			case 'quota':
				return ['cloud.error.quota', 'cloud.next.quota'];
			case 'vpc-not-found':
				return ['cloud.error.vpcNotFound', 'cloud.next.vpcNotFound'];
			case 'region-not-found':
				return ['cloud.error.regionNotFound', 'cloud.next.regionNotFound'];
			case 'group-not-found':
				return ['cloud.error.groupNotFound', 'cloud.next.groupNotFound'];
			case 'throttled':
				return ['cloud.error.throttled', 'cloud.next.throttled'];
			case 'unavailable':
				return ['cloud.error.unavailable', 'cloud.next.unavailable'];
			case 'conflict':
				return code === 'IdempotentParameterMismatch' || code === 'InvalidIdempotenceParameter.Mismatch'
					? ['cloud.error.tokenMismatch', 'cloud.next.tokenMismatch']
					: ['cloud.error.conflict', 'cloud.next.conflict'];
			case 'invalid':
				return code === 'InvalidApi.NotFound'
					? ['cloud.error.apiNotFound', 'cloud.next.apiNotFound']
					: ['cloud.error.invalid', 'cloud.next.invalid'];
			default:
				return ['cloud.error.unknown', 'cloud.next.unknown'];
		}
	};
	const [sentence, next] = pick();
	return new CloudError(kind, code, t(sentence, params), t(next, params), details);
}

function badResponse(code: string, status: number | undefined, action: string, context: ErrorContext) {
	// A 5xx without an API answer (a gateway's error page, an empty 503) is a server fault: tried again like any 5xx.
	if (status !== undefined && status >= 500) {
		return new CloudError(
			'unavailable',
			code,
			t('cloud.error.serverFault', {action, status, host: hostOf(context.endpoint)}),
			t('cloud.next.unavailable'),
			{status, action, retryable: true},
		);
	}
	const key: MessageKey =
		code === 'EmptyResponse'
			? 'cloud.error.emptyBody'
			: code === 'HtmlResponse'
				? 'cloud.error.htmlBody'
				: code === 'InvalidJson'
					? 'cloud.error.badJson'
					: 'cloud.error.noCode';
	return new CloudError(
		'bad-response',
		code,
		t(key, {action, status: status ?? '?', host: hostOf(context.endpoint)}),
		t('cloud.next.badResponse'),
		{status, action, retryable: false},
	);
}

/**
 * Turns anything a call can throw (a pop-core API error, a transport error, a timeout, a body that is not JSON,
 * an HttpStatusError) into one CloudError whose sentence and next step come from the catalogue. Nothing of the
 * original error is kept: its message may hold a signed URL, and a json-bigint parse error holds the whole body.
 */
export function toCloudError(error: unknown, action: string, context: ErrorContext = {}): CloudError {
	if (error instanceof CloudError) return error;
	if (error instanceof HttpStatusError) {
		return badResponse('NoErrorCode', error.status, action, context);
	}
	const raw = (typeof error === 'object' && error !== null ? error : {}) as Raw;
	const name = typeof raw.name === 'string' ? raw.name : '';
	const code = typeof raw.code === 'string' ? raw.code : '';
	const status =
		typeof raw.entry?.response?.statusCode === 'number' ? raw.entry.response.statusCode : context.status;

	// pop-core: an answer whose JSON carries an error Code.
	const dataCode = field(raw.data, 'Code');
	if (dataCode) return apiError(dataCode, status, raw.data, action, context);

	if (name === 'SyntaxError') {
		// json-bigint throws a plain object whose `text` is the whole body.
		const body = typeof raw.text === 'string' ? raw.text.trim() : undefined;
		const kind = body === '' ? 'EmptyResponse' : body?.startsWith('<') ? 'HtmlResponse' : 'InvalidJson';
		return badResponse(kind, status, action, context);
	}

	const host = hostOf(context.endpoint);
	const message = typeof raw.message === 'string' ? raw.message : '';
	if (name === 'RequestTimeoutError' || code === 'ETIMEDOUT' || /timeout/i.test(name)) {
		return new CloudError(
			'timeout',
			'RequestTimeout',
			t('cloud.error.timeout', {action, host, seconds: Math.round((context.timeoutMs ?? 10_000) / 1000)}),
			t('cloud.next.timeout'),
			{action, retryable: true},
		);
	}
	const networkCode = code || (/socket hang up/i.test(message) ? 'ECONNRESET' : '');
	if (
		/^E[A-Z_]+$/.test(networkCode) ||
		/^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(networkCode)
	) {
		const retryable = retryableNetworkCodes.has(networkCode);
		return new CloudError(
			'network',
			networkCode,
			t(retryable ? 'cloud.error.network' : 'cloud.error.tls', {action, host, code: networkCode}),
			t('cloud.next.network'),
			{action, retryable},
		);
	}
	return new CloudError(
		'unknown',
		code || name || 'Unknown',
		t('cloud.error.unknown', {
			action,
			code: code || name || 'Unknown',
			message: serverMessage(message, context) || '-',
			requestId: '-',
		}),
		t('cloud.next.unknown', {requestId: '-'}),
		{action, retryable: false},
	);
}

/** An answer cut off because it was larger than any API answer can be (cloud/response-guard.ts). */
export function tooLargeError(action: string, context: ErrorContext, maxBytes: number): CloudError {
	return new CloudError(
		'bad-response',
		'ResponseTooLarge',
		t('cloud.error.tooLarge', {
			action,
			host: hostOf(context.endpoint),
			megabytes: Math.max(1, Math.round(maxBytes / (1024 * 1024))),
		}),
		t('cloud.next.badResponse'),
		{action, retryable: false},
	);
}

/** The same error, its sentence noting how many tries were made (for a retryable failure that outlasted them). */
export function afterTries(error: CloudError, tries: number): CloudError {
	if (tries <= 1) return error;
	return new CloudError(
		error.kind,
		error.code,
		`${error.sentence} ${t('cloud.error.tries', {tries})}`,
		error.next,
		error.details,
	);
}
