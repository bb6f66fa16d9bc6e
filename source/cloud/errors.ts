// One error type for everything that can go wrong talking to Alibaba Cloud (or the sandbox): an API error
// answer, a network failure, a timeout, or a response that is not what the protocol promises.

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
