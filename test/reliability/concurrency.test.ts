// Several `ecs-sg create` processes at once sharing one settings file: three finish (each remembers its region
// and VPC), three stop after the group was made (each keeps a journal entry). Nothing is lost or corrupted: the
// file is valid JSON, private, holds every entry and every remembered VPC, no lock is left behind, and `ecs-sg
// resume` then finishes all three. (The store's own lock is tested with raw writers in test/config/store.test.ts;
// the sandbox under 50 concurrent clients and one ClientToken sent twice at once in test/sandbox/faults.test.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {runCli, webLinuxFlags} from '../helpers/cli.js';
import {sandboxEnv} from '../helpers/env.js';
import {defaultVpcOf, groupsOf} from '../helpers/snapshot.js';
import {type BreakingProxy, startProxy} from './proxy.js';

let sandbox: Sandbox;
let proxy: BreakingProxy;
let home: string;

beforeAll(async () => {
	sandbox = await startSandbox({port: 0});
	proxy = await startProxy(sandbox.endpoint);
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-concurrent-'));
});
afterAll(async () => {
	await proxy.close();
	await sandbox.close();
	fs.rmSync(home, {recursive: true, force: true});
});

const configDir = () => path.join(home, 'config');

const run = (args: string[]) =>
	runCli(['--lang', 'en', ...args, '--endpoint', proxy.endpoint], sandboxEnv(home, sandbox));

const defaultVpc = (regionId: string) => defaultVpcOf(sandbox, regionId);
const groups = () => groupsOf(sandbox);

type Settings = {
	defaults?: {region?: string; vpcs?: Record<string, string>};
	journal?: Record<string, {payload: {groupId?: string}}>;
};
const settings = (): Settings => JSON.parse(fs.readFileSync(path.join(configDir(), 'config.json'), 'utf8'));

describe('ecs-sg processes writing settings and journals at once', () => {
	it('lose nothing and corrupt nothing; resume then finishes every stopped create', async () => {
		// In cn-hangzhou every AuthorizeSecurityGroup fails for good: those creates stop with the group made.
		proxy.always(
			'AuthorizeSecurityGroup',
			{
				kind: 'body',
				status: 400,
				contentType: 'application/json',
				body: '{"RequestId":"r","Code":"InvalidParameter","Message":"no"}',
			},
			(params) => params.get('RegionId') === 'cn-hangzhou',
		);
		const finishing = ['cn-shanghai', 'cn-beijing', 'cn-shenzhen'];
		const runs = [
			...finishing.map((region) => ({region, name: `ok-${region}`})),
			...[1, 2, 3].map((n) => ({region: 'cn-hangzhou', name: `stopped-${n}`})),
		];
		const results = await Promise.all(
			runs.map(({region, name}) =>
				run(['create', ...webLinuxFlags(name, defaultVpc(region), region), '--yes', '--json']),
			),
		);
		expect(results.map((r) => r.code)).toEqual([0, 0, 0, 1, 1, 1]);

		const doc = settings();
		expect((fs.statSync(configDir()).mode & 0o777).toString(8)).toBe('700');
		expect((fs.statSync(path.join(configDir(), 'config.json')).mode & 0o777).toString(8)).toBe('600');
		expect(fs.readdirSync(configDir()).filter((f) => f.includes('lock'))).toEqual([]);
		// Every remembered VPC is there, whichever process wrote last.
		expect(doc.defaults?.vpcs).toEqual(Object.fromEntries(finishing.map((r) => [r, defaultVpc(r)])));
		expect(finishing).toContain(doc.defaults?.region);
		// Every stopped create has its entry, with the group it made.
		const stopped = groups().filter((g) => g.SecurityGroupName.startsWith('stopped-'));
		expect(stopped).toHaveLength(3);
		expect(
			Object.values(doc.journal ?? {})
				.map((e) => e.payload.groupId)
				.sort(),
		).toEqual(stopped.map((g) => g.SecurityGroupId).sort());

		proxy.always('AuthorizeSecurityGroup', undefined);
		const resumed = await run(['resume', '--yes', '--json']);
		expect(resumed.code).toBe(0);
		expect(JSON.parse(resumed.stdout).resumed).toHaveLength(3);
		expect(settings().journal ?? {}).toEqual({});
		const ours = groups().filter((g) => /^(ok|stopped)-/.test(g.SecurityGroupName));
		expect(ours).toHaveLength(6);
		for (const group of ours) expect(group.Permissions).toHaveLength(4);
	});
});
