// Everything that can go wrong reading or writing local settings and credential files. The message names the
// file (and line when there is one), what is wrong and how to fix it; it never quotes the file's contents,
// which may hold a secret.
import {t} from '../text/index.js';

export type ConfigErrorCode =
	| 'corrupt' // not valid JSON
	| 'shape' // valid JSON, but not the layout we expect
	| 'unreadable'
	| 'unwritable'
	| 'locked' // another process holds the settings lock for too long
	| 'unknown-profile'
	| 'unsupported' // a credential mode or type ecs-sg cannot use yet
	| 'incomplete' // a profile or the environment has half a key pair
	| 'credentials' // a credential step (AssumeRole, metadata, SSO…) was refused or failed
	| 'unreachable' // STS, the metadata service or a credentials URI could not be reached
	| 'sso-expired' // internal: the saved CloudSSO token has expired (becomes 'credentials')
	| 'syntax'; // a line of an INI file that is neither a section nor `key = value`

export class ConfigError extends Error {
	override readonly name = 'ConfigError';
	constructor(
		readonly code: ConfigErrorCode,
		/** What is wrong (current language, names the file). */
		readonly sentence: string,
		/** How to fix it. */
		readonly next: string,
		readonly details: {file?: string; line?: number} = {},
	) {
		super(next ? `${sentence} ${next}` : sentence);
	}
}

/**
 * Transport failures where the request may never have arrived, or its answer was lost: cloud/ tries the call
 * again, and a credential step that failed with one says its service could not be reached (provider-errors.ts).
 */
export const retryableNetworkCodes: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'ECONNABORTED',
	'EHOSTDOWN',
	'RequestTimeout',
]);

/** A profile name found nowhere, with the names that do exist (or a note that there are none). */
export const unknownProfileError = (name: string, known: readonly string[]): ConfigError =>
	new ConfigError(
		'unknown-profile',
		known.length > 0
			? t('config.profile.unknown', {name, known: known.join(', ')})
			: t('config.profile.unknownNone', {name}),
		t('config.profile.unknownNext', {name}),
	);
