// The flags path's validation, without any cloud: every flag, a bad value for each, all named in one message.
import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/commands/args.js';
import {checkFlags, problemLines} from '../../source/commands/create-check.js';
import {progressLine} from '../../source/commands/create-output.js';
import {peerText} from '../../source/domain/peers.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import {webLinuxFlags} from '../helpers/cli.js';
import {answers} from './fixtures.js';

const flagsOf = (argv: string[]) => {
	const parsed = parseArgs(['create', ...argv]);
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.args.flags;
};

const good = [...webLinuxFlags('web-sg', 'vpc-abc123'), '--yes'];

/** Replaces (or adds) one flag's value in the good set. */
const withFlag = (flag: string, value?: string): string[] => {
	const at = good.indexOf(flag);
	if (at < 0) return value === undefined ? [...good, flag] : [...good, flag, value];
	const copy = [...good];
	if (value !== undefined) copy[at + 1] = value;
	return copy;
};

describe('checkFlags', () => {
	it('turns a full set of flags into answers, with the defaults for what was left out', () => {
		const check = checkFlags(flagsOf(good));
		expect(check.ok).toBe(true);
		if (!check.ok) return;
		expect(check.answers).toMatchObject({
			regionId: 'cn-hangzhou',
			template: 'web-linux',
			name: 'web-sg',
			description: '',
			network: 'vpc',
			vpcId: 'vpc-abc123',
			type: 'normal',
			tags: [],
		});
		expect(check.answers.rules).toHaveLength(4);
		expect(check.warnings.join('\n')).toMatch(/SSH \(port 22\)/);
	});

	it('reads every optional flag', () => {
		const check = checkFlags(
			flagsOf([
				...good,
				'--description',
				'web servers',
				'--type',
				'enterprise',
				'--source',
				'203.0.113.0/24',
				'--rule',
				'tcp:8080:10.0.0.0/8',
				'--rule',
				'udp:53:10.0.0.0/8',
				'--resource-group',
				'rg-abc123',
				'--tag',
				'env=dev',
				'--tag',
				'team=web',
				'--allow-duplicate-name',
			]),
		);
		expect(check.ok).toBe(true);
		if (!check.ok) return;
		expect(check.answers.description).toBe('web servers');
		expect(check.answers.type).toBe('enterprise');
		expect(check.answers.rules.map((r) => `${r.protocol}:${r.portRange}:${peerText(r.peer)}`)).toEqual([
			// --source narrows SSH only (issue 15 item 5).
			'tcp:80/80:0.0.0.0/0',
			'tcp:443/443:0.0.0.0/0',
			'tcp:22/22:203.0.113.0/24',
			'icmp:-1/-1:0.0.0.0/0',
			'tcp:8080/8080:10.0.0.0/8',
			'udp:53/53:10.0.0.0/8',
		]);
		expect(check.answers.resourceGroupId).toBe('rg-abc123');
		expect(check.answers.tags).toEqual([
			{key: 'env', value: 'dev'},
			{key: 'team', value: 'web'},
		]);
		expect(check.warnings).toEqual([]);
	});

	it('reads --classic as the classic network', () => {
		const check = checkFlags(flagsOf([...good.slice(0, 6), '--classic', '--yes']));
		expect(check.ok && check.answers.network).toBe('classic');
		expect(check.ok && check.answers.vpcId).toBeUndefined();
	});

	it('names every missing flag at once', () => {
		const check = checkFlags(flagsOf(['--yes']));
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.missing).toEqual(['--region', '--template', '--name', '--vpc VPC_ID (or --classic)']);
		const text = problemLines(check).join('\n');
		expect(text).toContain('missing: --region, --template, --name, --vpc VPC_ID (or --classic)');
	});

	it('needs --yes to create, but not to dry-run or export', () => {
		const noYes = good.filter((f) => f !== '--yes');
		const check = checkFlags(flagsOf(noYes));
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.problems.map((p) => p.flag)).toEqual(['--yes']);
		expect(checkFlags(flagsOf([...noYes, '--dry-run'])).ok).toBe(true);
		expect(checkFlags(flagsOf([...noYes, '--export', 'terraform'])).ok).toBe(true);
	});

	const bad: [string, string, RegExp][] = [
		['--region', 'Hangzhou', /not a region ID/],
		['--template', 'web-mac', /web-linux, web-windows or custom/],
		['--name', '1web', /must start with a letter/],
		['--name', 'a', /2 to 128 characters/],
		['--name', 'web sg', /" " is not allowed/],
		['--name', 'http://x', /cannot start with http/],
		['--description', 'x', /2 to 256 characters/],
		['--description', 'https://example.com', /cannot start with http/],
		['--vpc', 'VPC_1', /not a VPC ID/],
		['--type', 'premium', /normal or enterprise/],
		['--source', '10.0.0.0/33', /prefix length/],
		['--source', 'anywhere', /not an IPv4 address/],
		['--rule', 'tcp:99999:0.0.0.0/0', /Ports must be 1 to 65535/],
		['--rule', 'tcp:22', /PROTOCOL:PORTS:PEER/],
		['--rule', 'sctp:22:0.0.0.0/0', /not a protocol/],
		['--rule', 'icmp:22:0.0.0.0/0', /icmp has no ports/],
		['--resource-group', 'group-1', /not a resource group ID/],
		['--tag', 'novalue', /KEY=VALUE/],
		['--tag', 'aliyun:x=1', /cannot start with "aliyun"/],
		['--export', 'pulumi', /aliyun or terraform/],
	];
	for (const [flag, value, message] of bad) {
		it(`refuses ${flag} ${value}, naming the flag`, () => {
			const check = checkFlags(flagsOf(withFlag(flag, value)));
			expect(check.ok).toBe(false);
			if (check.ok) return;
			const problem = check.problems.find((p) => p.flag === flag);
			expect(problem?.message).toMatch(message);
			// Given but invalid is not also reported as missing.
			expect(check.missing).toEqual([]);
		});
	}

	it('refuses --vpc with --classic, and enterprise on classic', () => {
		const both = checkFlags(flagsOf([...good, '--classic']));
		expect(!both.ok && both.problems.map((p) => p.flag)).toEqual(['--vpc']);
		const enterprise = checkFlags(
			flagsOf([...good.slice(0, 6), '--classic', '--type', 'enterprise', '--yes']),
		);
		expect(!enterprise.ok && enterprise.problems.map((p) => p.flag)).toEqual(['--type']);
	});

	it('refuses more rules than a group holds', () => {
		const rules = Array.from({length: 200}, (_, i) => ['--rule', `tcp:${i + 1}:10.0.0.0/8`]).flat();
		const check = checkFlags(flagsOf([...good, ...rules]));
		expect(!check.ok && check.problems.map((p) => p.message).join()).toMatch(
			/at most 200 rules; these flags give 204/,
		);
	});

	it('puts every problem of a bad command line in one message', () => {
		const check = checkFlags(
			flagsOf(['--region', 'cn-hangzhou', '--name', '9x', '--rule', 'tcp:99999:0.0.0.0/0', '--type', 'x']),
		);
		expect(check.ok).toBe(false);
		if (check.ok) return;
		const text = problemLines(check).join('\n');
		expect(text).toMatch(/missing: --template, --vpc VPC_ID \(or --classic\)/);
		for (const flag of ['--name', '--rule', '--type', '--yes']) expect(text).toContain(`${flag}:`);
		expect(text.split('\n')[0]).toMatch(/nothing was created/);
	});
});

describe('progressLine', () => {
	const plan = planFromAnswers(answers());
	it('says what each finished step did, and why a call is tried again', () => {
		expect(progressLine(plan, {step: 'create', state: 'running', attempt: 1})).toBeUndefined();
		expect(progressLine(plan, {step: 'create', state: 'done', attempt: 1, groupId: 'sg-1'})).toBe(
			'› CreateSecurityGroup … sg-1',
		);
		expect(progressLine(plan, {step: 'authorize-1', state: 'done', attempt: 1})).toBe(
			'› AuthorizeSecurityGroup (4 rules) … done',
		);
		expect(
			progressLine(plan, {
				step: 'create',
				state: 'retrying',
				attempt: 2,
				code: 'Throttling.User',
				delayMs: 1500,
			}),
		).toMatch(/CreateSecurityGroup: Throttling.User; trying again within 1.5 s \(attempt 2\)/);
	});
});
