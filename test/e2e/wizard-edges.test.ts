// The wizard's unhappy paths in a real terminal: Ctrl+C, a region without VPCs, an API error on submit, a retry,
// a resize, Chinese, no terminal at all, and the first run without credentials.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {sandboxKeysEnv} from '../helpers/env.js';
import {enterKeys, noKeysEnv, startPty} from '../helpers/pty.js';
import {allGroups, groupsNamed, keys, openWorld, rulesOf, type World} from './wizard-helpers.js';

let world: World | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

const oneVpc = {
	VpcId: 'vpc-bp1only0000000000001',
	VpcName: 'only-vpc',
	CidrBlock: '172.16.0.0/12',
	IsDefault: true,
	Status: 'Available',
	RegionId: 'cn-hangzhou',
	Description: '',
};

describe('leaving and failing', () => {
	it('Ctrl+C mid-way exits 130, says nothing was created, and nothing was', async () => {
		world = await openWorld();
		const before = (await allGroups(world.ecs, 'cn-hangzhou')).length;
		const p = world.wizard(['--region', 'cn-hangzhou', '--template', 'web-linux']);
		await p.waitForText('Step 3 of 7');
		await p.press('half-made', keys.enter);
		await p.waitForText('Step 4 of 7');
		await p.press(keys.ctrlC);
		await p.waitForText('Cancelled. Nothing was created.');
		expect(await p.exited).toBe(130);
		expect(await allGroups(world.ecs, 'cn-hangzhou')).toHaveLength(before);
		expect(await groupsNamed(world.ecs, 'cn-hangzhou', 'half-made')).toEqual([]);
	});

	it('Esc on the first step cancels with 130', async () => {
		world = await openWorld();
		const p = world.wizard();
		await p.waitForText('Step 1 of 7');
		await p.press(keys.escape);
		await p.waitForText('Nothing was created.');
		expect(await p.exited).toBe(130);
	});

	it('a region with no VPC says so and how to make one; the user can go back', async () => {
		world = await openWorld({vpcs: [], account: {classicRegions: []}});
		const p = world.wizard(['--region', 'cn-hangzhou', '--template', 'custom', '--name', 'empty-sg']);
		await p.waitForText('Step 4 of 7');
		await p.press(keys.enter);
		await p.waitForText('Step 5 of 7');
		await p.press(keys.enter);
		const screen = await p.waitForText('cn-hangzhou has no VPC yet.');
		expect(screen).toContain('aliyun vpc CreateVpc --RegionId cn-hangzhou');
		await p.press(keys.escape);
		await p.waitForText('Step 5 of 7');
		await p.press(keys.ctrlC);
		expect(await p.exited).toBe(130);
	});

	it('an API error on submit is a readable message with the next step; exit 1', async () => {
		world = await openWorld({vpcs: [oneVpc], account: {maxSecurityGroups: 0, classicRegions: []}});
		const p = world.wizard([
			'--region',
			'cn-hangzhou',
			'--template',
			'custom',
			'--name',
			'over-quota',
			'--description',
			'too many',
			'--vpc',
			oneVpc.VpcId,
		]);
		await p.waitForText('Step 7 of 7');
		await p.press(keys.enter);
		const screen = await p.waitForText('Failed');
		expect(await p.exited).toBe(1);
		expect(screen).toMatch(/✖ CreateSecurityGroup\s+failed/);
		expect(screen).toContain('Next:');
		expect(screen).toContain('QuotaExceed.SecurityGroup');
		expect(screen).toContain('Nothing was created.');
		expect(screen).not.toMatch(/at \S+ \(|Error: /);
	});

	it('a throttled create shows the retry, then succeeds', async () => {
		world = await openWorld();
		world.sandbox.addFault({action: 'CreateSecurityGroup', kind: 'throttle', count: 1});
		const p = world.wizard(['--region', 'cn-qingdao', '--template', 'custom', '--name', 'retry-sg', '--yes']);
		await p.waitForText('Step 5 of 7');
		await p.press(keys.enter);
		await p.waitForText('default-vpc');
		await p.press(keys.enter);
		const screen = await p.waitForText('Next (follow-up operations)');
		expect(await p.exited).toBe(0);
		expect(p.raw()).toMatch(/retrying \(attempt 2: Throttling/);
		expect(screen).toMatch(/Created security group sg-/);
		expect(await groupsNamed(world.ecs, 'cn-qingdao', 'retry-sg')).toHaveLength(1);
	});
});

describe('an interrupted create', () => {
	it('is reported at the next start with what exists, and finished on request', async () => {
		world = await openWorld();
		world.sandbox.addFault({action: 'AuthorizeSecurityGroup', kind: 'internal', count: 4});
		const first = world.wizard([
			'--region',
			'cn-qingdao',
			'--template',
			'web-linux',
			'--name',
			'half-sg',
			'--yes',
		]);
		await first.waitForText('Step 5 of 7');
		await first.press(keys.enter);
		await first.waitForText('default-vpc');
		await first.press(keys.enter);
		const failed = await first.waitForText('Failed', 20_000);
		expect(await first.exited).toBe(1);
		expect(failed).toMatch(/sg-[a-z0-9]+ exists in cn-qingdao without all of its\s+rules/);
		expect(failed).toContain('ecs-sg resume');
		const [group] = await groupsNamed(world.ecs, 'cn-qingdao', 'half-sg');
		expect(group).toBeDefined();
		expect(await rulesOf(world.ecs, 'cn-qingdao', group?.SecurityGroupId ?? '')).toEqual([]);

		const second = world.wizard();
		const gate = await second.waitForText('Unfinished create');
		expect(gate).toContain('half-sg in cn-qingdao');
		await second.waitForText('exists with 0 of its rules; 4 still to add');
		await second.press('f');
		await second.waitForText('Finished: group');
		await second.press(keys.enter);
		await second.waitForText('Step 1 of 7');
		await second.press(keys.ctrlC);
		expect(await second.exited).toBe(130);
		expect(await rulesOf(world.ecs, 'cn-qingdao', group?.SecurityGroupId ?? '')).toHaveLength(4);
	});
});

describe('terminals', () => {
	it('survives a resize mid-way and keeps working', async () => {
		world = await openWorld();
		const p = world.wizard([], {cols: 100, rows: 30});
		await p.waitForText('Step 1 of 7');
		p.resize(60, 16);
		await p.press('qingdao');
		await p.waitForText('(1 of');
		p.resize(80, 24);
		await p.press(keys.enter);
		await p.waitForText('Rules of Web Server Linux');
		await p.press(keys.ctrlC);
		expect(await p.exited).toBe(130);
	});

	it('speaks Chinese with --lang zh, region names included', async () => {
		world = await openWorld();
		const p = world.wizard([], {lang: 'zh'});
		const screen = await p.waitForText('华东1（杭州）');
		expect(screen).toContain('地域');
		expect(screen).toMatch(/华东1（杭州）\s+cn-hangzhou/);
		await p.press(keys.ctrlC);
		await p.waitForText('没有创建任何资源');
		expect(await p.exited).toBe(130);
	});

	it('draws colour, and none with NO_COLOR', async () => {
		world = await openWorld();
		const sgr = new RegExp(`${String.fromCharCode(27)}\\[(3\\d|9\\d|1|2)m`);
		for (const [env, coloured] of [
			[{}, true],
			[{NO_COLOR: '1'}, false],
		] as const) {
			const p = world.wizard([], {env});
			await p.waitForText('China (Hangzhou)');
			expect(sgr.test(p.raw())).toBe(coloured);
			await p.press(keys.ctrlC);
			expect(await p.exited).toBe(130);
		}
	});

	it('without a terminal never renders, and exits 2 naming the missing flags', async () => {
		world = await openWorld();
		const {code, stdout, stderr} = await runCli(
			['--lang', 'en', 'create', '--endpoint', world.sandbox.endpoint],
			sandboxKeysEnv(world.home, world.sandbox),
			{stdin: 'pipe'},
		);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('--region');
		expect(stderr).toContain('--name');
		expect(stderr).not.toContain('Step 1 of 7');
	});

	it('first run without credentials: configure now, then straight into the wizard', async () => {
		world = await openWorld();
		const {sandbox, home} = world;
		const p = startPty(['--lang', 'en', 'create', '--endpoint', sandbox.endpoint], {
			env: noKeysEnv(home),
		});
		try {
			await p.waitForText('How do you want to continue?');
			await p.press(keys.enter);
			await enterKeys(p, sandbox.accessKeyId, sandbox.accessKeySecret);
			await p.waitForText('Default region');
			await p.press(keys.down, keys.enter);
			const screen = await p.waitForText('Step 1 of 7');
			expect(screen).not.toContain(sandbox.accessKeySecret);
			// The region stored with the new profile is offered first.
			const stored = /Saved profile "default" \(AccessKey ID \S+, region ([a-z0-9-]+)\)/.exec(screen)?.[1];
			expect(stored).toBeDefined();
			await p.waitForText(new RegExp(`❯ .+\\s+${stored}\\s+your profile's region`));
			await p.press(keys.ctrlC);
			expect(await p.exited).toBe(130);
		} finally {
			p.kill('SIGKILL');
		}
	});

	it('first run without credentials: says so and offers configure or the sandbox', async () => {
		world = await openWorld();
		const home = world.home;
		const p = startPty(['--lang', 'en', 'create'], {
			env: noKeysEnv(home),
		});
		try {
			const screen = await p.waitForText('How do you want to continue?');
			expect(screen).toContain('No Alibaba Cloud credentials were found');
			expect(screen).toContain('ecs-sg configure');
			await p.press(keys.down, keys.enter);
			await p.waitForText('China (Hangzhou)');
			await p.press(keys.ctrlC);
			expect(await p.exited).toBe(130);
			expect(fs.existsSync(path.join(home, 'config', 'sandbox-state.json'))).toBe(true);
		} finally {
			p.kill('SIGKILL');
		}
	});
});
