// Terminal safety: strings from the API and from files (region names, VPC names and descriptions, server error
// messages, a hand-edited journal, a cached region list) hold OSC and CSI sequences, BEL, backspaces, a carriage
// return, C1 controls, bidi overrides, zero-width characters and very wide CJK text. None of it may reach the
// terminal as anything but plain text, in the wizard, configure, the flags path and resume; `--json` stays
// valid JSON whose strings are clean; and wide names keep the list columns aligned.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type Sandbox, type SandboxStateFile, startSandbox} from '../../source/sandbox/index.js';
import {width} from '../../source/text/index.js';
import {runCli, webLinuxFlags} from '../helpers/cli.js';
import {enterKeys, keys, sandboxEnv} from '../helpers/pty.js';
import {esc, firstUnsafe, foreignCsi, withoutOwnSequences} from '../helpers/unsafe-text.js';
import {type BreakingProxy, startProxy} from './proxy.js';
import {type ShellPty, startShellPty} from './shell-pty.js';

const bel = String.fromCharCode(7);
const c1Csi = String.fromCharCode(0x9b);
/** Everything a hostile name can carry, after a readable label. */
const nasty = (label: string) =>
	`${label}${esc}]0;pwned${bel}${foreignCsi.join('')}\u202Eevil\u2066x\u2069\u200B\uFEFF` +
	`${String.fromCharCode(8).repeat(3)}${bel}${c1Csi}31m${esc}]52;c;ZWNobyBoaQ==${bel}\rEND`;
const wide = '网站'.repeat(40);

const vpcs = [
	{
		VpcId: 'vpc-hostile0001',
		VpcName: nasty('alpha'),
		CidrBlock: '10.0.0.0/16',
		RegionId: 'cn-hangzhou',
		IsDefault: true,
		Description: nasty('described'),
	},
	{
		VpcId: 'vpc-hostile0002',
		VpcName: `${wide}${nasty('wide')}`,
		CidrBlock: '10.1.0.0/16',
		RegionId: 'cn-hangzhou',
		Description: wide,
	},
	{VpcId: 'vpc-plain00003', VpcName: 'plain', CidrBlock: '10.2.0.0/16', RegionId: 'cn-hangzhou'},
];

const groups = [
	{
		SecurityGroupId: 'sg-hostile0001',
		SecurityGroupName: nasty('group'),
		Description: nasty('about'),
		VpcId: 'vpc-hostile0001',
		RegionId: 'cn-hangzhou',
		Tags: {Tag: [{TagKey: nasty('key'), TagValue: nasty('value')}]},
		Permissions: {
			Permission: [
				{
					Direction: 'ingress',
					IpProtocol: 'TCP',
					PortRange: '22/22',
					SourceCidrIp: '10.0.0.0/8',
					Description: nasty('ssh'),
				},
			],
		},
	},
];
const instances = [
	{
		InstanceId: 'i-hostile0001',
		InstanceName: nasty('server'),
		RegionId: 'cn-hangzhou',
		VpcAttributes: {VpcId: 'vpc-hostile0001', PrivateIpAddress: {IpAddress: ['10.0.0.5']}},
		SecurityGroupIds: {SecurityGroupId: ['sg-hostile0001']},
	},
];

let sandbox: Sandbox;
let proxy: BreakingProxy;
let home: string;
const sessions: ShellPty[] = [];

beforeEach(async () => {
	sandbox = await startSandbox({
		port: 0,
		initialState: {vpcs, securityGroups: groups, instances} as unknown as SandboxStateFile,
	});
	proxy = await startProxy(sandbox.endpoint);
	// Every region list the proxy passes on has hostile names.
	proxy.always('DescribeRegions', {
		kind: 'rewrite',
		change: (json) => {
			const regions = (json.Regions as {Region: {LocalName: string}[]}).Region;
			for (const region of regions) region.LocalName = nasty(region.LocalName);
			return json;
		},
	});
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-hostile-'));
});
afterEach(async () => {
	for (const session of sessions.splice(0)) session.kill();
	await proxy.close();
	await sandbox.close();
	fs.rmSync(home, {recursive: true, force: true});
});

const configDir = () => path.join(home, 'config');
const env = () => sandboxEnv(home, sandbox);

/** Nothing in the output but the program's own drawing: no foreign sequence, no control or format character. */
function safe(output: string): void {
	for (const sequence of foreignCsi) expect(output.includes(sequence), JSON.stringify(sequence)).toBe(false);
	expect(output).not.toContain(`${esc}]`);
	expect(firstUnsafe(withoutOwnSequences(output))).toBeUndefined();
}

/** Every string anywhere in a JSON value is clean. */
function cleanJson(value: unknown): void {
	if (typeof value === 'string') expect(firstUnsafe(value)).toBeUndefined();
	else if (Array.isArray(value)) value.forEach(cleanJson);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			expect(firstUnsafe(k)).toBeUndefined();
			cleanJson(v);
		}
}

function pty(args: string[]): ShellPty {
	const session = startShellPty(['--lang', 'en', ...args], {env: env(), cols: 100, rows: 30});
	sessions.push(session);
	return session;
}

const plain = (args: string[]) => runCli(['--lang', 'en', ...args], env());

/** A file source too: the cached region list in the settings, as if an older run (or a hand) wrote it. */
function writeHostileCache(): void {
	fs.mkdirSync(configDir(), {recursive: true, mode: 0o700});
	const regions = ['cn-hangzhou', 'cn-shanghai'].map((id) => ({
		id,
		localName: nasty(`Cached ${id}`),
		endpoint: `ecs.${id}.aliyuncs.com`,
	}));
	fs.writeFileSync(
		path.join(configDir(), 'config.json'),
		JSON.stringify({regionCache: {'en-US': {fetchedAt: Date.now() - 1000, regions}}}),
		{mode: 0o600},
	);
}

const apiError = (code: string, message: string) =>
	JSON.stringify({RequestId: 'req-hostile', HostId: 'ecs.aliyuncs.com', Code: code, Message: message});

describe('hostile names and messages never reach the terminal as control sequences', () => {
	it('the wizard: cached and live region names, VPC names, a server error on submit', async () => {
		writeHostileCache();
		proxy.queue('AuthorizeSecurityGroup', {
			kind: 'body',
			status: 400,
			contentType: 'application/json',
			body: apiError('InvalidParameter', nasty('The rule was refused')),
		});
		const p = pty(['create', '--endpoint', proxy.endpoint]);
		await p.waitForText('Step 1 of 7');
		await p.press('hangzhou');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		await p.waitForText('Step 2 of 7');
		await p.press(keys.enter);
		await p.waitForText('Step 3 of 7');
		await p.press('safe-sg', keys.enter);
		await p.waitForText('Step 4 of 7');
		await p.press(keys.enter);
		await p.waitForText('Step 5 of 7');
		await p.press(keys.enter);
		await p.waitForText('Step 6 of 7');
		// The list, once it has arrived: all three VPCs drawn.
		const list = await p.waitForText(/(vpc-(hostile|plain)[\s\S]*){3}/);
		// Wide names are cut by display width, so the ids line up whatever the script.
		const rows = p
			.viewport()
			.split('\n')
			.filter((l) => /vpc-(hostile|plain)/.test(l));
		expect(rows).toHaveLength(3);
		const idColumn = (row: string) => width(row.slice(0, row.indexOf('vpc-')));
		expect(new Set(rows.map(idColumn)).size).toBe(1);
		for (const row of rows) expect(width(row)).toBeLessThanOrEqual(100);
		expect(list).toContain('alpha');
		await p.press(keys.enter);
		await p.waitForText('Step 7 of 7');
		await p.press(keys.enter);
		const screen = await p.waitForText('The rule was refused');
		expect(await p.exitCode).toBe(1);
		expect(screen).toContain('ecs-sg resume');
		safe(p.programOutput());
	});

	it('configure: the region names of the default-region prompt', async () => {
		const p = pty(['configure', '--endpoint', proxy.endpoint]);
		await enterKeys(p, sandbox.accessKeyId, sandbox.accessKeySecret);
		await p.waitForText('Default region');
		await p.waitForText('China');
		await p.press(keys.ctrlC);
		expect(await p.exitCode).toBe(130);
		safe(p.programOutput());
	});

	it('the flags path: VPC names in a refusal, a server message in --json, both valid and clean', async () => {
		const missing = await plain([
			'create',
			'--endpoint',
			proxy.endpoint,
			...webLinuxFlags('safe-sg', 'vpc-doesnotexist'),
			'--yes',
			'--json',
		]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('alpha');
		safe(missing.stderr);
		// With --json the refusal is also one JSON object on stdout, as clean as stderr.
		expect(JSON.parse(missing.stdout)).toMatchObject({error: {code: 'usage', exit: 2}});
		expect(missing.stdout.trim().split('\n')).toHaveLength(1);
		safe(missing.stdout);

		proxy.queue('CreateSecurityGroup', {
			kind: 'body',
			status: 400,
			contentType: 'application/json',
			body: apiError(`InvalidParameter${esc}[6n`, nasty('refused')),
		});
		const refused = await plain([
			'create',
			'--endpoint',
			proxy.endpoint,
			...webLinuxFlags('safe-sg', 'vpc-hostile0001'),
			'--yes',
			'--json',
		]);
		expect(refused.code).toBe(1);
		safe(refused.stderr);
		safe(refused.stdout);
		const lines = refused.stdout.trim().split('\n');
		expect(lines).toHaveLength(1);
		const parsed = JSON.parse(lines[0] ?? '') as {error: {message: string}};
		expect(parsed.error.message).toContain('refused');
		cleanJson(parsed);
	});

	it('the follow-ups: group names, descriptions, tags, rule notes and instance names, in lines and --json', async () => {
		const target = ['--endpoint', proxy.endpoint, '--region', 'cn-hangzhou', '--group', 'sg-hostile0001'];
		for (const [command, shown] of [
			['rules', 'ssh'],
			['instances', 'server'],
		] as const) {
			const listed = await plain([command, ...target]);
			expect(listed.code).toBe(0);
			expect(listed.stdout).toContain(shown);
			safe(listed.stdout);
			safe(listed.stderr);
			const json = await plain([command, ...target, '--json']);
			expect(json.code).toBe(0);
			safe(json.stdout);
			expect(json.stdout).toContain(shown);
			cleanJson(JSON.parse(json.stdout));
		}
		const picker = pty(['rules', '--endpoint', proxy.endpoint, '--region', 'cn-hangzhou']);
		const list = await picker.waitForText('sg-hostile0001');
		expect(list).toContain('group');
		await picker.press(keys.ctrlC);
		await picker.exitCode;
		safe(picker.programOutput());
	});

	it('resume: names from a hand-edited journal, in lines and in --json', async () => {
		fs.mkdirSync(configDir(), {recursive: true, mode: 0o700});
		const rule = {
			direction: 'ingress',
			protocol: 'tcp',
			portRange: '22/22',
			peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
			policy: 'accept',
			priority: 1,
			description: nasty('rule'),
		};
		const plan = {
			id: 'plan-hostile',
			regionId: 'cn-hangzhou',
			create: {
				regionId: 'cn-hangzhou',
				vpcId: 'vpc-hostile0001',
				name: nasty('journal'),
				description: nasty('desc'),
				type: 'normal',
				tags: [],
				clientToken: 'token-hostile-1',
			},
			authorize: [{rules: [rule], nicType: 'intranet', clientToken: 'token-hostile-2'}],
		};
		const at = new Date().toISOString();
		fs.writeFileSync(
			path.join(configDir(), 'config.json'),
			JSON.stringify({
				journal: {
					'plan-hostile': {
						id: 'plan-hostile',
						createdAt: at,
						updatedAt: at,
						target: {endpoint: proxy.endpoint},
						regionId: 'cn-hangzhou',
						payload: {version: 1, plan, authorized: 0, requestIds: []},
					},
				},
			}),
			{mode: 0o600},
		);
		const listed = await plain(['resume']);
		expect(listed.code).toBe(2);
		expect(listed.stderr).toContain('journal');
		safe(listed.stderr);

		const finished = await plain(['resume', '--yes', '--json']);
		safe(finished.stderr);
		safe(finished.stdout);
		const parsed: unknown = JSON.parse(finished.stdout.trim());
		cleanJson(parsed);
	});
});
