// `ecs-sg create` without a terminal: the built CLI as its own process against `ecs-sg sandbox` (another
// process, with --fault), checked with an independent client.
import pty from '@lydell/node-pty';
import {afterEach, describe, expect, it} from 'vitest';
import {webLinuxFlags} from '../helpers/cli.js';
import {cleanEnv} from '../helpers/env.js';
import {type E2eWorld, runCli, startE2eWorld, webLinuxRules} from '../submit/cli.js';

let world: E2eWorld | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

async function flags(w: E2eWorld, name = 'web-sg'): Promise<string[]> {
	return [...webLinuxFlags(name, await w.vpc()), '--yes'];
}

describe('ecs-sg create (no terminal)', () => {
	it('creates the group and prints one JSON object on stdout, progress on stderr', async () => {
		world = await startE2eWorld();
		const r = await runCli(['create', ...world.target, ...(await flags(world)), '--json'], world.env);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(r.stdout.trim().split('\n')).toHaveLength(1);
		expect(out).toMatchObject({
			regionId: 'cn-hangzhou',
			name: 'web-sg',
			type: 'normal',
			vpcId: await world.vpc(),
		});
		expect(r.stderr).toContain(`› CreateSecurityGroup … ${out.securityGroupId}`);
		expect(r.stderr).toContain('› AuthorizeSecurityGroup (4 rules) … done');
		const groups = await world.groupsNamed('web-sg');
		expect(groups).toEqual([{id: out.securityGroupId, rules: webLinuxRules}]);
		expect(world.journal()).toEqual([]);
	});

	it('names every missing flag, exits 2 and creates nothing', async () => {
		world = await startE2eWorld();
		const before = world.sandbox.state().securityGroups;
		const r = await runCli(['create', ...world.target, '--name', 'web-sg'], world.env);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('missing: --region, --template, --vpc VPC_ID (or --classic)');
		expect(r.stderr).toContain('--yes');
		expect(world.sandbox.state().securityGroups).toEqual(before);
	});

	it('makes no change with --dry-run (the sandbox state file is byte for byte the same)', async () => {
		world = await startE2eWorld();
		const {readFileSync} = await import('node:fs');
		const before = readFileSync(world.sandbox.statePath, 'utf8');
		const r = await runCli(['create', ...world.target, ...(await flags(world)), '--dry-run'], world.env);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Plan: 2 API calls');
		expect(r.stdout).toContain('aliyun ecs CreateSecurityGroup');
		expect(readFileSync(world.sandbox.statePath, 'utf8')).toBe(before);
		expect(world.journal()).toEqual([]);
	});

	it('refuses a name already used in the VPC unless --allow-duplicate-name', async () => {
		world = await startE2eWorld();
		expect((await runCli(['create', ...world.target, ...(await flags(world))], world.env)).code).toBe(0);
		const again = await runCli(['create', ...world.target, ...(await flags(world))], world.env);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('already exists');
		expect(again.stderr).toContain('--allow-duplicate-name');
		expect(await world.groupsNamed('web-sg')).toHaveLength(1);
		const allowed = await runCli(
			['create', ...world.target, ...(await flags(world)), '--allow-duplicate-name'],
			world.env,
		);
		expect(allowed.code).toBe(0);
		expect(await world.groupsNamed('web-sg')).toHaveLength(2);
	});
});

describe('faults (ecs-sg sandbox --fault)', () => {
	it('a lost CreateSecurityGroup response ends with exactly one group', async () => {
		world = await startE2eWorld(['CreateSecurityGroup:lose']);
		const r = await runCli(['create', ...world.target, ...(await flags(world)), '--json'], world.env);
		expect(r.code).toBe(0);
		const groups = await world.groupsNamed('web-sg');
		expect(groups).toHaveLength(1);
		expect(groups[0]?.id).toBe(JSON.parse(r.stdout).securityGroupId);
		expect(groups[0]?.rules).toEqual(webLinuxRules);
	});

	it('a burst of throttling still succeeds', async () => {
		world = await startE2eWorld(['CreateSecurityGroup:throttle:2', 'AuthorizeSecurityGroup:throttle:1']);
		const r = await runCli(['create', ...world.target, ...(await flags(world))], world.env);
		expect(r.code).toBe(0);
		expect(r.stderr.match(/Throttling/g)).toHaveLength(3);
		expect(await world.groupsNamed('web-sg')).toEqual([{id: expect.any(String), rules: webLinuxRules}]);
	});
});

const cliPath = new URL('../../dist/cli.mjs', import.meta.url).pathname;

describe('help for each command', () => {
	it("prints the command's own page for COMMAND --help and help COMMAND, and the global page for help", async () => {
		const env = cleanEnv({LANG: 'en_US.UTF-8'});
		for (const [argv, first] of [
			[['rules', '--help'], 'ecs-sg rules: add or remove rules'],
			[['help', 'instances'], 'ecs-sg instances: put instances'],
			[['configure', '-h'], 'ecs-sg configure: store credentials'],
			[['help'], 'ecs-sg: create an Alibaba Cloud ECS security group'],
		] as const) {
			const r = await runCli(argv, env);
			expect(r.code).toBe(0);
			expect(r.stdout.split('\n')[0]).toContain(first);
		}
		const typo = await runCli(['help', 'rulse'], env);
		expect(typo.code).toBe(2);
		expect(typo.stderr).toContain('did you mean "rules"?');
	});
});

describe('errors in the mode the command runs in', () => {
	it('with --json, a usage error is one JSON object on stdout (code, message, exit) as well as text on stderr', async () => {
		world = await startE2eWorld();
		const r = await runCli(['create', ...world.target, '--name', 'web-sg', '--json'], world.env);
		expect(r.code).toBe(2);
		expect(r.stdout.trim().split('\n')).toHaveLength(1);
		const {error} = JSON.parse(r.stdout);
		expect(error).toMatchObject({code: 'usage', exit: 2});
		expect(error.message).toContain('missing: --region, --template, --vpc VPC_ID (or --classic)');
		expect(r.stderr).toContain('missing: --region');
		// A parse error too, and only once.
		const bad = await runCli(['--json', '--bogus'], world.env);
		expect(bad.code).toBe(2);
		expect(JSON.parse(bad.stdout)).toEqual({
			error: {code: 'usage', message: 'Unknown flag --bogus.', exit: 2},
		});
	});

	it('answers a mistyped --region with the region meant, not the list of every region', async () => {
		world = await startE2eWorld();
		const create = ['create', ...world.target, ...webLinuxFlags('web-sg', await world.vpc()), '--yes'];
		create[create.indexOf('--region') + 1] = 'cn-hangzou';
		const r = await runCli(create, world.env);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(
			'--region: ECS does not know the region "cn-hangzou"; did you mean cn-hangzhou?',
		);
		expect(r.stderr).not.toContain('cn-qingdao');
		const rules = await runCli(
			[
				'rules',
				'add',
				...world.target,
				'--region',
				'cn-hangzou',
				'--group',
				'sg-bp1fg655nh68xyz90000',
				'--rule',
				'tcp:22:10.0.0.0/8',
				'--yes',
			],
			world.env,
		);
		expect(rules.code).toBe(2);
		expect(rules.stderr).toContain('did you mean cn-hangzhou?');
		expect(rules.stderr).not.toContain('cn-qingdao');
	});

	it('says the wizard needs a terminal on stdout when a person pipes it (ecs-sg --sandbox | tee log)', async () => {
		const out = await piped('--sandbox');
		expect(out).toContain('The wizard needs a terminal on stdout, and stdout is a pipe or a file');
		expect(out).toContain('missing: --region, --template, --name, --vpc VPC_ID (or --classic)');
		expect(out).not.toContain('Some flags are missing or invalid');
	});

	it('says the same for the other commands that ask on screen, exit 2, and lets the flags path run when it can', async () => {
		const asking = [
			['rules', '--sandbox'],
			['rules', 'add', '--rule', 'tcp:22:10.0.0.0/8', '--group', 'sg-bp1fg655nh68xyz90000'],
			['instances', '--sandbox'],
			['groups', 'delete', '--group', 'sg-bp1fg655nh68xyz90000'],
			['configure'],
		];
		for (const args of asking) {
			const out = await piped(`--lang en ${args.join(' ')}`);
			const command = `${args[0]} asks on screen, which needs a terminal on stdout, and stdout is a pipe or a file`;
			expect(out, args.join(' ')).toContain(command);
			expect(out, args.join(' ')).toMatch(
				/Without a terminal, use flags: |In scripts, set ALIBABA_CLOUD_ACCESS_KEY_ID/,
			);
			expect(out, args.join(' ')).toContain('exit=2');
			// Nothing was drawn for a terminal: no cursor movement or screen clearing reached the pipe.
			expect(out, args.join(' ')).not.toContain('\u001B[');
		}
		// Listing needs no screen: the flags path answers (here: that there are no keys to read with), as in any pipe.
		const listing = await piped('--lang en rules --group sg-bp1fg655nh68xyz90000');
		expect(listing).toContain('No Alibaba Cloud credentials were found.');
		expect(listing).not.toContain('asks on screen');
	});
});

/**
 * The CLI run by a shell in a terminal with stdout piped to cat, as `ecs-sg … | cat` is run there: a terminal on
 * stdin, a pipe on stdout. The output ends with `exit=N`, the CLI's own exit code.
 */
async function piped(args: string): Promise<string> {
	const run = `{ "${process.execPath}" "${cliPath}" ${args}; echo "exit=$?" >&2; } | cat`;
	const shell = pty.spawn('/bin/sh', ['-c', run], {
		name: 'xterm-256color',
		cols: 100,
		rows: 30,
		env: cleanEnv({LANG: 'en_US.UTF-8', HOME: '/nonexistent', ECS_SG_CONFIG_DIR: '/nonexistent/config'}),
	});
	let out = '';
	shell.onData((d) => {
		out += d;
	});
	await new Promise<void>((resolve) => shell.onExit(() => resolve()));
	return out;
}
