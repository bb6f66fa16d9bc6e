// Removes what must never reach a screen, a log or an error message: the secret and the STS token (given
// literally), any signature, the server's string-to-sign (SignatureDoesNotMatch echoes every parameter), and
// the query of any URL (a GET URL carries AccessKeyId, Signature and SecurityToken).

const hidden = '[redacted]';

function variants(secret: string): string[] {
	const out = new Set([secret]);
	try {
		out.add(encodeURIComponent(secret));
		out.add(encodeURIComponent(encodeURIComponent(secret)));
	} catch {}
	return [...out];
}

export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
	let out = text;
	for (const secret of secrets) {
		// Very short values would blank out ordinary words; real secrets and tokens are long.
		if (!secret || secret.length < 6) continue;
		for (const form of variants(secret)) out = out.split(form).join(hidden);
	}
	return out
		.replace(/(string\s*to\s*sign\s*(?:is)?\s*:?)[\s\S]*/i, `$1 ${hidden}`)
		.replace(/\b(https?:\/\/[^\s?#]*)[?#]\S*/gi, `$1?${hidden}`)
		.replace(
			/\b(Signature|SecurityToken|AccessKeySecret|access_key_secret|sts_token|accessKeySecret|securityToken)(["']?\s*[=:]\s*["']?)[^&\s"',}]*/g,
			`$1$2${hidden}`,
		);
}

const remembered = new Set<string>();

/**
 * Notes values this process holds that must never be shown (the secret and the STS token of every api made), so
 * that the last-resort report of an unexpected error can cut them out too (commands/crash.ts).
 */
export function rememberSecrets(...values: (string | undefined)[]): void {
	for (const value of values) if (value) remembered.add(value);
}

export const rememberedSecrets = (): string[] => [...remembered];
