// A broken network and a broken server, seen from the command line (`ecs-sg create --json ... --yes`, no
// terminal): connection refused, a name that does not resolve, resets, HTML error pages, empty bodies, a 4xx
// without Code, truncated JSON and a huge answer. Each ends with a readable message (one sentence and what to do,
// never a stack or the server's raw page), exit 1, one JSON object on stdout once a create was under way, and,
// when the create was in flight, a journal entry that `ecs-sg resume` finishes into exactly one complete group.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {runCli, webLinuxFlags} from '../helpers/cli.js';
import {sandboxEnv} from '../helpers/env.js';
import {defaultVpcOf, groupsNamedIn, journalIn, type SnapshotGroup} from '../helpers/snapshot.js';
import {type Breakage, startProxy} from './proxy.js';

type Ran = {code: number | null; stdout: string; stderr: string};
type World = {
	sandbox: Sandbox;
	home: string;
	run(args: string[], endpoint: string): Promise<Ran>;
	groups(name: string): SnapshotGroup[];
	journal(): {payload: {groupId?: string}}[];
	vpc: string;
	close(): Promise<void>;
};

async function world(): Promise<World> {
	const sandbox = await startSandbox({port: 0});
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-broken-'));
	const vpc = defaultVpcOf(sandbox);
	return {
		sandbox,
		home,
		vpc,
		run: (args, endpoint) =>
			runCli(['--lang', 'en', ...args, '--endpoint', endpoint], sandboxEnv(home, sandbox)),
		groups: (name) => groupsNamedIn(sandbox, name),
		journal: () => journalIn(path.join(home, 'config')),
		async close() {
			await sandbox.close();
			fs.rmSync(home, {recursive: true, force: true});
		},
	};
}

const create = (w: World, name: string) => ['create', ...webLinuxFlags(name, w.vpc), '--yes', '--json'];

/** stderr says what happened and what to do, in a few plain lines: no stack, no raw page, no JSON dump. */
function readable(stderr: string, sentence: RegExp): void {
	expect(stderr).toMatch(sentence);
	expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	expect(stderr).not.toMatch(/<html|<body|Bad Gateway|\{"RequestId"/i);
	expect(stderr.split('\n').filter(Boolean).length).toBeLessThan(12);
}

describe.concurrent('the network or the endpoint is unusable: nothing was created, exit 1', () => {
	it('connection refused', async () => {
		const w = await world();
		try {
			const closed = await startProxy(w.sandbox.endpoint);
			const endpoint = closed.endpoint;
			await closed.close();
			const r = await w.run(create(w, 'refused-sg'), endpoint);
			expect(r.code).toBe(1);
			readable(r.stderr, /Cannot reach 127\.0\.0\.1:\d+ for DescribeVpcs \(ECONNREFUSED\)/);
			expect(r.stderr).toContain('Check the network connection');
			expect(w.journal()).toEqual([]);
		} finally {
			await w.close();
		}
	});

	it('a name that does not resolve', async () => {
		const w = await world();
		try {
			const r = await w.run(create(w, 'dns-sg'), 'http://ecs-sg-test.invalid');
			expect(r.code).toBe(1);
			readable(r.stderr, /Cannot reach ecs-sg-test\.invalid for DescribeVpcs \((ENOTFOUND|EAI_AGAIN)\)/);
			expect(w.journal()).toEqual([]);
		} finally {
			await w.close();
		}
	});
});

const huge = Buffer.alloc(17 * 1024 * 1024, 0x61);
const cases: [string, Breakage, RegExp][] = [
	[
		'resets on every try',
		{kind: 'reset'},
		/Cannot reach 127\.0\.0\.1:\d+ for AuthorizeSecurityGroup \(ECONNRESET\)/,
	],
	[
		'an HTML error page (502) on every try',
		{kind: 'body', status: 502, body: '<html><body>Bad Gateway</body></html>'},
		/answered AuthorizeSecurityGroup with HTTP 502 and no API answer/,
	],
	['an empty 503 on every try', {kind: 'body', status: 503, body: ''}, /with HTTP 503 and no API answer/],
	[
		'a 4xx without Code',
		{
			kind: 'body',
			status: 403,
			body: '{"RequestId":"r-1","Message":"denied"}',
			contentType: 'application/json',
		},
		/answered AuthorizeSecurityGroup with HTTP 403 but no error code/,
	],
	[
		'truncated JSON',
		{kind: 'body', status: 200, body: '{"RequestId":"r-1","Permis', contentType: 'application/json'},
		/answered AuthorizeSecurityGroup with incomplete or invalid JSON/,
	],
	[
		'a huge answer',
		{kind: 'body', status: 200, body: huge, contentType: 'application/json'},
		/answered AuthorizeSecurityGroup with more than 16 MB/,
	],
];

describe.concurrent('AuthorizeSecurityGroup broken after the group was made: exit 1, journal intact', () => {
	for (const [label, breakage, sentence] of cases) {
		it(label, async () => {
			const w = await world();
			const proxy = await startProxy(w.sandbox.endpoint);
			try {
				proxy.always('AuthorizeSecurityGroup', breakage);
				const r = await w.run(create(w, 'half-sg'), proxy.endpoint);
				expect(r.code).toBe(1);
				readable(r.stderr, sentence);
				const [group] = w.groups('half-sg');
				expect(group?.Permissions).toEqual([]);
				expect(r.stderr).toContain(`Security group ${group?.SecurityGroupId} was created in cn-hangzhou`);
				expect(r.stderr).toContain('ecs-sg resume');
				const lines = r.stdout.trim().split('\n');
				expect(lines).toHaveLength(1);
				expect(JSON.parse(lines[0] ?? '')).toMatchObject({
					securityGroupId: group?.SecurityGroupId,
					resume: true,
				});
				expect(w.journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);

				proxy.always('AuthorizeSecurityGroup', undefined);
				const resumed = await w.run(['resume', '--yes', '--json'], proxy.endpoint);
				expect(resumed.code).toBe(0);
				expect(w.groups('half-sg')).toHaveLength(1);
				expect(w.groups('half-sg')[0]?.Permissions).toHaveLength(4);
				expect(w.journal()).toEqual([]);
			} finally {
				await proxy.close();
				await w.close();
			}
		});
	}
});

describe.concurrent('CreateSecurityGroup carried out but its answer broken', () => {
	it('once: retried with the same ClientToken, exactly one group', async () => {
		const w = await world();
		const proxy = await startProxy(w.sandbox.endpoint);
		try {
			proxy.queue('CreateSecurityGroup', {
				kind: 'body',
				status: 502,
				body: '<html>Bad Gateway</html>',
				after: true,
			});
			const r = await w.run(create(w, 'once-sg'), proxy.endpoint);
			expect(r.code).toBe(0);
			expect(w.groups('once-sg')).toHaveLength(1);
			expect(JSON.parse(r.stdout).securityGroupId).toBe(w.groups('once-sg')[0]?.SecurityGroupId);
			expect(w.journal()).toEqual([]);
		} finally {
			await proxy.close();
			await w.close();
		}
	});

	it('on every try: exit 1, the group may exist, the journal keeps the create; resume makes it whole', async () => {
		const w = await world();
		const proxy = await startProxy(w.sandbox.endpoint);
		try {
			proxy.always('CreateSecurityGroup', {kind: 'reset', after: true});
			const r = await w.run(create(w, 'lost-sg'), proxy.endpoint);
			expect(r.code).toBe(1);
			readable(r.stderr, /for CreateSecurityGroup \(ECONNRESET\)/);
			expect(r.stderr).toContain('may or may not exist');
			expect(JSON.parse(r.stdout)).toMatchObject({securityGroupId: null, resume: true});
			expect(w.journal()).toHaveLength(1);
			expect(w.groups('lost-sg')).toHaveLength(1);

			proxy.always('CreateSecurityGroup', undefined);
			const resumed = await w.run(['resume', '--yes'], proxy.endpoint);
			expect(resumed.code).toBe(0);
			expect(w.groups('lost-sg')).toHaveLength(1);
			expect(w.groups('lost-sg')[0]?.Permissions).toHaveLength(4);
			expect(w.journal()).toEqual([]);
		} finally {
			await proxy.close();
			await w.close();
		}
	});
});
