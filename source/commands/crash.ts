// What a person sees when ecs-sg itself fails (a bug, not a cloud or input problem): one line, never a stack
// trace, and never a secret, whatever the error's message quotes (a library's message may carry a signed URL;
// JSON.parse quotes the start of the text it could not read, which may be a secret).
import {redact, rememberedSecrets} from '../cloud/redact.js';
import {cleanLine, t} from '../text/index.js';

export function crashLine(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
	let message = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
	if (error instanceof SyntaxError)
		message = message.replace(/'.'/g, "'…'").replace(/"[\s\S]*"(\.\.\.)?/, '"…"');
	const secrets = [
		...rememberedSecrets(),
		env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
		env.ALIBABA_CLOUD_SECURITY_TOKEN,
	];
	return t('cli.error.unexpected', {message: cleanLine(redact(message, secrets)).slice(0, 300)});
}
