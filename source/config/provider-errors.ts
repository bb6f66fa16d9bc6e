// What a failed credential step becomes: a ConfigError naming the mode, the profile, the role and the step, with
// the service's error code (AccessDenied, EntityNotExist.Role…) and a way out. The library's own messages are not
// shown: they quote whole response bodies, and SignatureDoesNotMatch echoes the string to sign.
import {type MessageKey, t} from '../text/index.js';
import {ConfigError, retryableNetworkCodes} from './errors.js';
import type {ModeLabel} from './providers.js';

const networkCodes = new RegExp(`\\b(${[...retryableNetworkCodes].join('|')})\\b`);

const steps: Partial<Record<ModeLabel['mode'], MessageKey>> = {
	OIDC: 'config.mode.stepOidc',
	EcsRamRole: 'config.mode.stepMetadata',
	CredentialsURI: 'config.mode.stepUri',
	External: 'config.mode.stepExternal',
	CloudSSO: 'config.mode.stepSso',
};
const stepOf = (mode: ModeLabel['mode']): string => t(steps[mode] ?? 'config.mode.stepAssume');

const services: Partial<Record<ModeLabel['mode'], string>> = {
	EcsRamRole: 'the instance metadata service',
	CredentialsURI: 'the credentials URI',
	CloudSSO: 'CloudSSO',
};
const serviceOf = (mode: ModeLabel['mode']): string => services[mode] ?? 'STS';

const whoOf = (what: ModeLabel): string =>
	what.role
		? t('config.mode.whoRole', {mode: what.mode, profile: what.profile, role: what.role})
		: t('config.mode.who', {mode: what.mode, profile: what.profile});

/** The `Code` of the JSON error body a library message quotes, if any (codes are safe to show). */
function codeIn(text: string): string | undefined {
	const code = /"Code"\s*:\s*"([A-Za-z0-9.]{1,80})"/.exec(text)?.[1];
	if (code) return code;
	return /httpStatus: (\d{3})|failed with (\d{3})|\b(\d{3})$/.exec(text)?.slice(1).find(Boolean);
}

function nextFor(code: string): string {
	if (/^(NoPermission|AccessDenied|AuthenticationFail\.NoPermission)/.test(code))
		return t('config.mode.refusedNoPermission');
	if (/^EntityNotExist\.Role/.test(code)) return t('config.mode.refusedRole');
	if (/^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken)/.test(code))
		return t('config.mode.refusedKeys');
	return t('config.mode.refusedOther', {code});
}

const ssoExpired = (what: ModeLabel) =>
	new ConfigError(
		'credentials',
		t('config.mode.ssoExpired', {who: whoOf(what)}),
		t('config.mode.ssoExpiredNext'),
	);

export function describeFailure(error: unknown, what: ModeLabel): ConfigError {
	if (error instanceof ConfigError) {
		if (error.code === 'sso-expired') return ssoExpired(what);
		if (error.sentence) return error;
	}
	const text =
		error instanceof Error
			? `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}`
			: String(error);
	const who = whoOf(what);
	const network = networkCodes.exec(text)?.[1] ?? (/timeout|timed out/i.test(text) ? 'timeout' : undefined);
	if (network) {
		return new ConfigError(
			'unreachable',
			t('config.mode.unreachable', {who, service: serviceOf(what.mode), reason: network}),
			t('config.mode.unreachableNext'),
		);
	}
	if (what.mode === 'CloudSSO' && /expired|InvalidAccessToken/i.test(text)) return ssoExpired(what);
	// The library's own word for a SignatureDoesNotMatch whose string to sign was the same: a wrong secret.
	const code = /access key secret is invalid/i.test(text) ? 'SignatureDoesNotMatch' : codeIn(text);
	if (code) {
		return new ConfigError(
			'credentials',
			t('config.mode.refused', {who, service: serviceOf(what.mode), step: stepOf(what.mode), code}),
			nextFor(code),
		);
	}
	return new ConfigError(
		'credentials',
		t('config.mode.failed', {who, step: stepOf(what.mode)}),
		t('config.mode.failedNext'),
	);
}
