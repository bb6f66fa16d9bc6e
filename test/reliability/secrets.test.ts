// One harness runs every command with a known AccessKey secret and STS token: configure, the wizard, the flags
// path (create, --dry-run --json, both exports), an API error that quotes them, resume, a wrong secret whose
// refusal echoes the string-to-sign, a hand-broken journal entry, and the crash report. Neither value may appear
// in any stdout, stderr, exported command, crash report or file other than the settings file, nor in the
// arguments of any process ecs-sg runs.
// The settings folder is 0700 and the file 0600 after every command that writes, even under umask 000.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {rememberSecrets} from '../../source/cloud/redact.js';
import {crashLine} from '../../source/commands/crash.js';
import {type Sandbox, type SandboxStateFile, startSandbox} from '../../source/sandbox/index.js';
import {setLang} from '../../source/text/index.js';
import {startCli, webLinuxFlags} from '../helpers/cli.js';
import {enterKeys, keys, noKeysEnv, sleep} from '../helpers/pty.js';
import {defaultVpcOf} from '../helpers/snapshot.js';
import {type BreakingProxy, startProxy} from './proxy.js';
import {type ShellPty, startShellPty} from './shell-pty.js';

const ID = 'LTAI5tKnownKeyIdForTests';
const SECRET = 'KnownSecretForTests0123456789abcdefXYZ';
const TOKEN = 'CAISKnownStsTokenForTests0123456789abcdef+/XYZ=';
const WRONG = 'WrongSecretButLong0123456789abcdefXYZ';
const forms = (value: string) => [
	value,
	encodeURIComponent(value),
	encodeURIComponent(encodeURIComponent(value)),
];
const hidden = [...forms(SECRET), ...forms(TOKEN), ...forms(WRONG)];

let sandbox: Sandbox;
let proxy: BreakingProxy;
let home: string;
let vpc: string;
let oldUmask: number;
const outputs: {label: string; text: string}[] = [];
const commandLines = new Set<string>();

const configDir = () => path.join(home, 'config');
const configFile = () => path.join(configDir(), 'config.json');

beforeAll(async () => {
	// Whatever the user's umask, the settings must end up private: nothing here may rely on a strict one.
	oldUmask = process.umask(0o000);
	sandbox = await startSandbox({
		port: 0,
		initialState: {
			credentials: {accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN},
			vpcs: [
				{
					VpcId: 'vpc-secrets0001',
					VpcName: 'main',
					CidrBlock: '10.0.0.0/16',
					RegionId: 'cn-hangzhou',
					IsDefault: true,
				},
			],
		} as SandboxStateFile,
	});
	proxy = await startProxy(sandbox.endpoint);
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-secrets-harness-'));
	vpc = defaultVpcOf(sandbox);
});
afterAll(async () => {
	process.umask(oldUmask);
	await proxy.close();
	await sandbox.close();
	fs.rmSync(home, {recursive: true, force: true});
});

const baseEnv = () => ({...noKeysEnv(home), LANG: 'C.UTF-8', LC_ALL: undefined});

/** Records the command line of `pid` and of every process under it until `stop` is called. */
function watchCommandLines(pid: () => number | undefined): () => void {
	const look = () => {
		const queue = [pid()];
		while (queue.length > 0) {
			const current = queue.shift();
			if (current === undefined) continue;
			try {
				commandLines.add(fs.readFileSync(`/proc/${current}/cmdline`, 'utf8').replace(/\0/g, ' '));
				const children = fs.readFileSync(`/proc/${current}/task/${current}/children`, 'utf8');
				for (const child of children.split(/\s+/).filter(Boolean)) queue.push(Number(child));
			} catch {
				// Gone already.
			}
		}
	};
	look();
	const timer = setInterval(look, 25);
	return () => clearInterval(timer);
}

async function plain(label: string, args: string[], env: Record<string, string | undefined> = {}) {
	const {child, done} = startCli(['--lang', 'en', ...args], {...baseEnv(), ...env});
	const stop = watchCommandLines(() => child.pid);
	const {code, stdout, stderr} = await done;
	stop();
	outputs.push({label: `${label} (stdout)`, text: stdout}, {label: `${label} (stderr)`, text: stderr});
	return {code, stdout, stderr};
}

async function inTerminal(label: string, args: string[], drive: (p: ShellPty) => Promise<void>) {
	const p = startShellPty(['--lang', 'en', ...args], {env: baseEnv(), cols: 120, rows: 40});
	let pid: number | undefined;
	void p.pid().then(
		(found) => {
			pid = found;
		},
		() => {},
	);
	const stop = watchCommandLines(() => pid);
	try {
		await drive(p);
		const code = await p.exitCode;
		outputs.push({label, text: p.raw()});
		return code;
	} finally {
		stop();
		p.kill();
	}
}

/** The folder is 0700 and the file 0600 (checked after every command that writes). */
function private_(): void {
	expect((fs.statSync(configDir()).mode & 0o777).toString(8)).toBe('700');
	expect((fs.statSync(configFile()).mode & 0o777).toString(8)).toBe('600');
}

const createArgs = (name: string, ...more: string[]) => [
	'create',
	'--endpoint',
	proxy.endpoint,
	...webLinuxFlags(name, vpc),
	...more,
];

describe('the known secret and STS token through every command', () => {
	it('configure stores them (hidden input, verified) and lists them masked', async () => {
		const code = await inTerminal('configure', ['configure', '--endpoint', proxy.endpoint], async (p) => {
			await enterKeys(p, ID, SECRET, TOKEN);
			await p.waitForText('Default region');
			await p.press(keys.enter);
			await p.waitForText('Saved profile');
		});
		expect(code).toBe(0);
		private_();
		const listed = await plain('configure list', ['configure', 'list']);
		expect(listed.code).toBe(0);
		expect(listed.stdout).toMatch(/default\s+\*\*\*/);
	});

	it('the wizard creates with the stored profile', async () => {
		const code = await inTerminal('wizard', createArgs('wizard-sg', '--yes'), async (p) => {
			await p.waitForText(/sg-[a-z0-9]{6,}/);
			const exited = await Promise.race([p.exitCode, sleep(1500).then(() => undefined)]);
			if (exited === undefined) await p.press('q');
		});
		expect(code).toBe(0);
		private_();
	});

	it('the flags path creates, plans and exports', async () => {
		expect((await plain('create --json', createArgs('flags-sg', '--yes', '--json'))).code).toBe(0);
		private_();
		expect((await plain('dry run', createArgs('plan-sg', '--dry-run', '--json'))).code).toBe(0);
		const aliyun = await plain('export aliyun', createArgs('plan-sg', '--export', 'aliyun'));
		expect(aliyun.stdout).toContain('aliyun ecs CreateSecurityGroup');
		const terraform = await plain('export terraform', createArgs('plan-sg', '--export', 'terraform'));
		expect(terraform.stdout).toContain('resource "alicloud_security_group"');
	});

	it('an API error that quotes the secret, the token and a signed URL, then resume', async () => {
		proxy.queue('AuthorizeSecurityGroup', {
			kind: 'body',
			status: 400,
			contentType: 'application/json',
			body: JSON.stringify({
				RequestId: 'r-1',
				Code: 'InvalidParameter',
				Message: `bad ${SECRET} and ${TOKEN} (${encodeURIComponent(TOKEN)}) at https://ecs.aliyuncs.com/?AccessKeyId=${ID}&Signature=abc%3D&SecurityToken=${encodeURIComponent(TOKEN)}`,
			}),
		});
		const failed = await plain('create failing', createArgs('error-sg', '--yes', '--json'));
		expect(failed.code).toBe(1);
		expect(failed.stderr).toContain('[redacted]');
		private_();
		expect((await plain('resume listing', ['resume'])).code).toBe(2);
		expect((await plain('resume', ['resume', '--yes', '--json'])).code).toBe(0);
		private_();
	});

	it('configure use and a follow-up that writes (rules add) keep the settings private too', async () => {
		expect((await plain('configure use', ['configure', 'use', 'default'])).code).toBe(0);
		private_();
		const groupId = (
			JSON.parse((await plain('create for rules', createArgs('rules-sg', '--yes', '--json'))).stdout) as {
				securityGroupId: string;
			}
		).securityGroupId;
		const added = await plain('rules add', [
			'rules',
			'add',
			'--endpoint',
			proxy.endpoint,
			'--region',
			'cn-hangzhou',
			'--group',
			groupId,
			'--rule',
			'tcp:8080:10.0.0.0/8',
			'--yes',
		]);
		expect(added.code).toBe(0);
		private_();
	});

	it('a wrong secret whose refusal echoes the string-to-sign (token included)', async () => {
		const refused = await plain('wrong secret', createArgs('wrong-sg', '--yes'), {
			ALIBABA_CLOUD_ACCESS_KEY_ID: ID,
			ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG,
			ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
		});
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('SignatureDoesNotMatch');
	});

	it('a role assumed from these keys (ChainableRamRoleArn over STS, DEBUG=* set), and one STS refuses (issue 14)', async () => {
		const cli = path.join(home, '.aliyun', 'config.json');
		fs.mkdirSync(path.dirname(cli), {recursive: true});
		const base = {
			name: 'base',
			mode: 'StsToken',
			access_key_id: ID,
			access_key_secret: SECRET,
			sts_token: TOKEN,
		};
		const chained = {name: 'chained', mode: 'ChainableRamRoleArn', source_profile: 'base'};
		fs.writeFileSync(
			cli,
			JSON.stringify({
				current: 'base',
				profiles: [
					base,
					{...chained, ram_role_arn: sandbox.roleArns[0]},
					{...chained, name: 'nope', ram_role_arn: 'acs:ram::1:role/none'},
				],
			}),
		);
		try {
			const assumed = await plain(
				'create via a role',
				[...createArgs('role-sg', '--yes'), '--profile', 'chained'],
				{DEBUG: '*'},
			);
			expect(assumed.code).toBe(0);
			const refused = await plain('a refused role', [
				...createArgs('role-sg2', '--yes'),
				'--profile',
				'nope',
			]);
			expect(refused.code).toBe(1);
			expect(refused.stderr).toContain('EntityNotExist.Role');
		} finally {
			fs.rmSync(cli);
		}
	});

	it('a hand-broken journal entry is reported as unreadable (which, what, how to fix), not as a crash', async () => {
		const doc = JSON.parse(fs.readFileSync(configFile(), 'utf8')) as Record<string, unknown>;
		const at = new Date().toISOString();
		const broken = {
			...doc,
			journal: {
				broken: {
					id: 'broken',
					createdAt: at,
					updatedAt: at,
					target: {endpoint: proxy.endpoint},
					regionId: 'cn-hangzhou',
					payload: {version: 1, plan: {id: 'broken', create: {}, authorize: [null]}, authorized: 1},
				},
			},
		};
		fs.writeFileSync(configFile(), JSON.stringify(broken));
		const secrets = {
			ALIBABA_CLOUD_ACCESS_KEY_ID: ID,
			ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
			ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
		};
		const said = await plain('resume, unreadable entry', ['resume', '--yes'], secrets);
		expect(said.code).toBe(2);
		expect(said.stderr).toContain('The unfinished create broken in the settings file cannot be read');
		expect(said.stderr).toContain('payload.plan.regionId should be text (found nothing)');
		expect(said.stderr).toContain('ecs-sg resume --delete');
		expect(said.stderr).not.toContain('Something went wrong');
		expect(said.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
		const forgot = await plain('resume --delete, unreadable entry', ['resume', '--delete', '--yes'], secrets);
		expect(forgot.code).toBe(0);
		expect(forgot.stdout).toContain('Forgot the unreadable entry broken');
		const left = JSON.parse(fs.readFileSync(configFile(), 'utf8')) as {journal?: object};
		expect(left.journal).toEqual({});
		private_();
	});

	it('a crash report (the last resort for a bug) cuts both values in every form, and JSON excerpts', () => {
		// No command can be made to crash on purpose any more (the journal was the last way), so the one function
		// every crash goes through (cli.tsx) is checked with the same values; its lines join the outputs below.
		setLang('en');
		const env = {ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN};
		const errors: unknown[] = [
			...hidden.map((value) => new Error(`request failed near ${value} (at x.js:1:2)`)),
			new Error(`https://ecs.aliyuncs.com/?AccessKeyId=${ID}&Signature=abc%3D&SecurityToken=${TOKEN}`),
			`thrown text with ${SECRET}`,
			new Error(`first line fine\n${SECRET} on the second line\n    at f (y.js:3:4)`),
		];
		for (const text of [`{"accessKeySecret": ${SECRET}}`, `{"securityToken":"${TOKEN}`, SECRET]) {
			try {
				JSON.parse(text);
			} catch (error) {
				errors.push(error);
			}
		}
		// A secret held by the process but not in the environment (a stored profile) is cut too.
		rememberSecrets(WRONG);
		errors.push(new Error(`bad ${WRONG}`));
		for (const [i, error] of errors.entries()) {
			const text = crashLine(error, env);
			expect(text).toContain('Something went wrong inside ecs-sg');
			expect(text).not.toContain('\n');
			for (const prefix of [SECRET, TOKEN, WRONG].map((v) => v.slice(0, 8)))
				expect(text, `crash line ${i}`).not.toContain(prefix);
			outputs.push({label: `crash line ${i}`, text});
		}
	});

	it('neither value appeared anywhere but the settings file', () => {
		expect(outputs.length).toBeGreaterThan(15);
		for (const {label, text} of outputs) {
			for (const value of hidden) expect(text.includes(value), `${label} shows a secret`).toBe(false);
			expect(text, label).not.toMatch(
				/Signature=[^[&\s]|SecurityToken=[^[&\s]|string\s*to\s*sign\s*(is)?:\s*\w/i,
			);
		}
		expect(commandLines.size).toBeGreaterThan(10);
		for (const line of commandLines) for (const value of hidden) expect(line).not.toContain(value);

		const files = (dir: string): string[] =>
			fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
				const full = path.join(dir, entry.name);
				return entry.isDirectory() ? files(full) : [full];
			});
		const all = files(home);
		expect(all).toContain(configFile());
		for (const file of all) {
			const text = fs.readFileSync(file, 'utf8');
			if (file === configFile()) {
				expect(text).toContain(SECRET);
				expect(text).toContain(TOKEN);
			} else for (const value of hidden) expect(text.includes(value), `${file} holds a secret`).toBe(false);
		}
		private_();
	});
});
