// One error type for everything that can go wrong talking to Alibaba Cloud (or the sandbox): an API error
// answer, a network failure, a timeout, or a response that is not what the protocol promises.
import {ConfigError, retryableNetworkCodes} from '../config/errors.js';
import {cleanLine, type MessageKey, t} from '../text/index.js';
import {isRetryableApiCode, kindOfApiCode} from './error-codes.js';
import {redact} from './redact.js';

export type CloudErrorKind =
	| 'bad-key' // InvalidAccessKeyId.*: the AccessKey ID is unknown or disabled
	| 'bad-secret' // SignatureDoesNotMatch: the secret is wrong
	| 'bad-token' // InvalidSecurityToken.*, MissingSecurityToken
	| 'clock' // InvalidTimeStamp.*: the local clock is off
	| 'forbidden' // Forbidden.RAM and other 403 permission codes
	| 'credentials' // no keys to sign with: STS refused the role, the SSO token expired… (config/ says which)
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

/** The catalogue's name (cloud.error.NAME, cloud.next.NAME) of what each kind of API refusal says. */
const wordings = {
	'bad-secret': 'badSecret',
	'bad-token': 'badToken',
	clock: 'clock',
	forbidden: 'forbidden',
	quota: 'quota',
	'vpc-not-found': 'vpcNotFound',
	'region-not-found': 'regionNotFound',
	'group-not-found': 'groupNotFound',
	throttled: 'throttled',
	unavailable: 'unavailable',
} as const;

function wordingOf(kind: CloudErrorKind, code: string) {
	if (kind === 'bad-key') return /Inactive|Disabled/.test(code) ? 'keyDisabled' : 'badKey';
	if (kind === 'conflict') {
		return code === 'IdempotentParameterMismatch' || code === 'InvalidIdempotenceParameter.Mismatch'
			? 'tokenMismatch'
			: 'conflict';
	}
	if (kind === 'invalid') return code === 'InvalidApi.NotFound' ? 'apiNotFound' : 'invalid';
	return kind in wordings ? wordings[kind as keyof typeof wordings] : 'unknown';
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
	const words = wordingOf(kind, code);
	return new CloudError(
		kind,
		code,
		t(`cloud.error.${words}`, params),
		t(`cloud.next.${words}`, params),
		details,
	);
}

const bodyFaults = {
	EmptyResponse: 'cloud.error.emptyBody',
	HtmlResponse: 'cloud.error.htmlBody',
	InvalidJson: 'cloud.error.badJson',
} as const;

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
	const key: MessageKey = bodyFaults[code as keyof typeof bodyFaults] ?? 'cloud.error.noCode';
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

/**
 * Keys that could not be had (config/'s ConfigError, which names the mode, the role and the step) as a CloudError,
 * so that every caller sorts it with the API's own refusals: 'network' when STS, the metadata service or the
 * credentials URI could not be reached, 'credentials' when it refused. Never retried: the library already was.
 */
export function credentialsError(error: ConfigError, action: string): CloudError {
	const kind =
		error.code === 'unreachable' ? 'network' : error.code === 'credentials' ? 'credentials' : 'unknown';
	return new CloudError(kind, 'Credentials', error.sentence, error.next, {action, retryable: false});
}

/** Anything thrown by an api (fakes included) as a CloudError, without stack traces or raw messages. */
export function asCloudError(error: unknown, action: string): CloudError {
	if (error instanceof CloudError) return error;
	if (error instanceof ConfigError) return credentialsError(error, action);
	const message = error instanceof Error ? error.message : String(error);
	return new CloudError(
		'unknown',
		'Error',
		t('submit.error.unexpected', {action, message: cleanLine(message).slice(0, 200)}),
		t('submit.error.unexpectedNext'),
		{action},
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
