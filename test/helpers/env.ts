// The environments the built CLI runs in under test: this machine's, cleaned of what would change the outcome, plus
// the variables of the person a test plays. No imports beyond node: the bench bundles this file too.
import path from 'node:path';

export type EnvChanges = Record<string, string | undefined>;

/** A folder whose `ecs-sg` links to this checkout's bin/ecs-sg.js, as `npm link` leaves one on PATH. */
export const linkedBin = new URL('./path', import.meta.url).pathname;

/**
 * The environment of this process without CI markers (Ink renders only the last frame when CI is set) and without
 * this machine's cloud variables (a stray key, profile or credentials file must not reach a test run), changed by
 * `extra`, where `undefined` removes a variable.
 */
export function cleanEnv(extra: EnvChanges = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env))
		if (v !== undefined && !/^(ALIBABA_CLOUD_|ALICLOUD_)/.test(k)) env[k] = v;
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER', 'RUN_ID'])
		delete env[name];
	// The person a test plays has `ecs-sg` on PATH (as after `npm link`), so printed commands say `ecs-sg …`; npm's
	// variables (set when the tests run under `npx vitest` or `npm test`) would make them say `npx ecs-sg …`.
	for (const name of Object.keys(env)) if (/^npm_/i.test(name) || name === 'INIT_CWD') delete env[name];
	env.PATH = [linkedBin, env.PATH].filter(Boolean).join(path.delimiter);
	// Passing `undefined` would send the string "undefined": delete instead.
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined) delete env[k];
		else env[k] = v;
	}
	return env;
}

/** A person with no keys anywhere: HOME and the config folder under `home`, no Alibaba Cloud variables set. */
export const noKeysEnv = (home: string): EnvChanges => ({
	HOME: home,
	ECS_SG_CONFIG_DIR: path.join(home, 'config'),
	ALIBABA_CLOUD_ACCESS_KEY_ID: undefined,
	ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined,
	ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
	ALIBABA_CLOUD_PROFILE: undefined,
});

/** The keys a sandbox accepts (a Sandbox, or `ecs-sg sandbox` as a process). */
export type SandboxKeys = {accessKeyId: string; accessKeySecret: string};

/** A person whose keys for `sandbox` are in the environment (no token, no profile); HOME and config under `home`. */
export const sandboxKeysEnv = (home: string, sandbox: SandboxKeys): EnvChanges => ({
	...noKeysEnv(home),
	ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKeyId,
	ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
});

/**
 * A run against `sandbox`: its keys in the environment, HOME and config under `home`, a UTF-8 locale that names no
 * language (so `--lang` decides), and colour left to the terminal (neither NO_COLOR nor FORCE_COLOR).
 */
export const sandboxEnv = (home: string, sandbox: SandboxKeys): EnvChanges => ({
	...sandboxKeysEnv(home, sandbox),
	LANG: 'C.UTF-8',
	LC_ALL: undefined,
	NO_COLOR: undefined,
	FORCE_COLOR: undefined,
});
