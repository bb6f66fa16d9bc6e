// Which API and transport codes mean what, and which are worth another try (alibaba-api.md §4.2). Pure data and
// predicates, so the retry policy can be read and tested in one place.
import type {CloudErrorKind} from './errors.js';

/** API codes the retry policy tries again: throttling, temporary server trouble, an earlier try still running. */
export function isRetryableApiCode(code: string): boolean {
	return (
		/throttling/i.test(code) ||
		/^ServiceUnavailable/.test(code) ||
		code === 'InternalError' ||
		code === 'IdempotentProcessing' ||
		code === 'SignatureNonceUsed'
	);
}

export function kindOfApiCode(code: string): CloudErrorKind {
	if (/^InvalidAccessKeyId/.test(code) || code === 'Forbidden.AccessKeyDisabled') return 'bad-key';
	if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature') return 'bad-secret';
	if (/^InvalidSecurityToken/.test(code) || code === 'MissingSecurityToken') return 'bad-token';
	if (/^InvalidTimeStamp/i.test(code) || code === 'IllegalTimestamp') return 'clock';
	if (/throttling/i.test(code)) return 'throttled';
	if (/^ServiceUnavailable/.test(code) || code === 'InternalError') return 'unavailable';
	if (/^Forbidden/.test(code) || code === 'NoPermission' || /^Unauthorized/.test(code)) return 'forbidden';
	if (/^QuotaExceed/.test(code) || code === 'AuthorizationLimitExceed') return 'quota';
	if (code === 'InvalidVpcId.NotFound') return 'vpc-not-found';
	if (/^InvalidRegionId/.test(code)) return 'region-not-found';
	if (code === 'InvalidSecurityGroupId.NotFound') return 'group-not-found';
	if (
		code === 'IdempotentParameterMismatch' ||
		code === 'InvalidIdempotenceParameter.Mismatch' ||
		code === 'IdempotentProcessing' ||
		code === 'LastTokenProcessing' ||
		code === 'DependencyViolation' ||
		code === 'OperationConflict' ||
		code === 'IncorrectVpcStatus'
	) {
		return 'conflict';
	}
	if (/^(Invalid|Missing|Illegal|OperationDenied|Duplicate|UnsupportedHTTPMethod)/.test(code))
		return 'invalid';
	if (code === 'SignatureNonceUsed') return 'invalid';
	return 'unknown';
}
