// Whatever argv holds, the parser answers: never a throw, and a refusal is a list of clean lines (exit 2). The
// built CLI, given the same kind of argv without a terminal and without credentials, ends with 0, 1 or 2 and
// never prints a stack trace or the "unexpected error" line.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/commands/args.js';
import {checkFlags, problemLines} from '../../source/commands/create-check.js';
import {setLang} from '../../source/text/index.js';
import {firstUnsafe} from '../helpers/unsafe-text.js';
import {limit, runs} from './runs.js';

const commands = ['create', 'configure', 'sandbox', 'resume', 'rules', 'instances'];
const flagNames = [
	'profile',
	'endpoint',
	'sandbox',
	'lang',
	'help',
	'version',
	'region',
	'template',
	'name',
	'description',
	'vpc',
	'classic',
	'type',
	'source',
	'rule',
	'resource-group',
	'tag',
	'yes',
	'json',
	'dry-run',
	'export',
	'allow-duplicate-name',
	'port',
	'state',
	'latency',
	'fault',
	'delete',
	'group',
	'egress',
	'instance',
	'nope',
];
const hostile = [
	'',
	'-',
	'--',
	'---',
	'-h',
	'-v',
	'-hv',
	'-x',
	'--=',
	'=',
	'zh',
	'en',
	'web-linux',
	'custom',
	'cn-hangzhou',
	'vpc-bp1',
	'tcp:22:0.0.0.0/0',
	'tcp:0-70000:1.2.3.4/99',
	'k=v',
	'aliyun=x',
	'\u001B]0;pwned\u0007',
	'\u001B[2J',
	'a\u0008b',
	'\u202Eevil',
	'网站',
	'x'.repeat(3000),
	'__proto__',
	'constructor',
];
const value = fc.oneof(
	fc.constantFrom(...hostile),
	fc.string({maxLength: 20}),
	fc.string({unit: 'binary', maxLength: 8}),
);
const word = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...flagNames).map((f) => `--${f}`)},
	{weight: 2, arbitrary: fc.tuple(fc.constantFrom(...flagNames), value).map(([f, v]) => `--${f}=${v}`)},
	{weight: 1, arbitrary: fc.constantFrom(...commands)},
	{weight: 3, arbitrary: value},
);
const argv = fc.array(word, {maxLength: 12});

describe('the argument parser', () => {
	beforeAll(() => setLang('en'));

	it('never throws, and refuses with clean lines', () => {
		fc.assert(
			fc.property(argv, (args) => {
				const parsed = parseArgs(args);
				if (parsed.ok) return;
				expect(parsed.errors.length).toBeGreaterThan(0);
				for (const error of parsed.errors) expect(firstUnsafe(error)).toBeUndefined();
			}),
			runs(2_000, 50_000),
		);
	});

	it('hands create a set of flags that checkFlags judges without throwing', () => {
		fc.assert(
			fc.property(argv, (args) => {
				const parsed = parseArgs(['create', ...args]);
				if (!parsed.ok || parsed.args.command !== 'create') return;
				const check = checkFlags(parsed.args.flags);
				if (check.ok) return;
				for (const text of problemLines(check)) expect(firstUnsafe(text)).toBeUndefined();
			}),
			runs(2_000, 50_000),
		);
	});
});

describe('the built CLI on arbitrary argv (no terminal, no credentials)', () => {
	const cli = new URL('../../dist/cli.mjs', import.meta.url).pathname;
	let home: string;
	beforeAll(() => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-argv-'));
	});
	afterAll(() => fs.rmSync(home, {recursive: true, force: true}));

	const run = (args: string[]) =>
		new Promise<{code: number | null; out: string}>((resolve) => {
			const env: NodeJS.ProcessEnv = {};
			for (const [k, v] of Object.entries(process.env))
				if (v !== undefined && !/^(CI|ALIBABA_CLOUD_|ALICLOUD_)/.test(k)) env[k] = v;
			const child = spawn(process.execPath, [cli, ...args], {
				env: {...env, HOME: home, ECS_SG_CONFIG_DIR: path.join(home, 'config'), LANG: 'C.UTF-8'},
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let out = '';
			child.stdout.on('data', (c) => {
				out += c;
			});
			child.stderr.on('data', (c) => {
				out += c;
			});
			// A run that would serve forever (a valid `sandbox`) is excluded below; this is only a backstop.
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({code, out});
			});
		});

	it(
		'ends with 0, 1 or 2 and never a stack trace',
		async () => {
			const serves = (args: string[]) =>
				args.includes('sandbox') || args.some((a) => a.startsWith('--sandbox'));
			// The operating system cannot pass a NUL byte in an argument at all.
			const passable = (args: string[]) => !args.some((a) => a.includes('\u0000'));
			await fc.assert(
				fc.asyncProperty(
					argv.filter((args) => !serves(args) && passable(args)),
					async (args) => {
						const {code, out} = await run(args);
						expect([0, 1, 2]).toContain(code);
						expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
						expect(out).not.toContain('Something went wrong inside ecs-sg');
					},
				),
				runs(8, 150),
			);
		},
		limit(120_000),
	);
});
