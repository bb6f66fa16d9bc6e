// The last-resort report of an unexpected error: one line, no stack, and no secret even when the error's own
// message quotes one (Node's JSON.parse errors quote the text they read).
import {describe, expect, it} from 'vitest';
import {rememberSecrets} from '../../source/cloud/redact.js';
import {crashLine} from '../../source/commands/crash.js';
import {setLang} from '../../source/text/index.js';

describe('crashLine', () => {
	setLang('en');
	const secret = 'KnownSecretValue0123456789';
	const token = 'CAISKnownStsTokenValue0123456789';

	function parseError(text: string): Error {
		try {
			JSON.parse(text);
		} catch (error) {
			return error as Error;
		}
		throw new Error('expected a parse error');
	}

	it('cuts a remembered secret out of a message that quotes it', () => {
		rememberSecrets(secret);
		const line = crashLine(new Error(`could not use ${secret} here`), {});
		expect(line).not.toContain(secret);
		expect(line).toContain('Something went wrong inside ecs-sg');
	});

	it('leaves out the excerpt a JSON parse error quotes, even the start of a secret', () => {
		const error = parseError(`{"accessKeySecret":${secret}}`);
		expect(error.message).toContain(secret.slice(0, 5));
		const line = crashLine(error, {});
		expect(line).not.toContain(secret.slice(0, 5));
		expect(line).toContain('not valid JSON');
	});

	it('cuts the secret and token of the environment, and any signed URL, keeping one line', () => {
		const error = new Error(
			`request failed: https://ecs.aliyuncs.com/?Signature=abc&SecurityToken=${token}\n    at x (y.js:1:2)`,
		);
		const line = crashLine(error, {ALIBABA_CLOUD_SECURITY_TOKEN: token});
		expect(line).not.toContain(token);
		expect(line).not.toContain('Signature=abc');
		expect(line).not.toContain('\n');
		expect(line).not.toMatch(/at x \(y\.js/);
	});
});
