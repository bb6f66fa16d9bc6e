import {afterEach, describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/commands/args.js';
import {type CreateFlags, fromFlags} from '../../source/domain/from-flags.js';
import {planFromAnswers, planRules} from '../../source/domain/plan.js';
import type {SubmitResult} from '../../source/domain/plan-types.js';
import {ruleKey} from '../../source/domain/rules.js';
import {
	dryRunLines,
	ecsSgCommand,
	inspectionLines,
	planLines,
	resultLines,
	rulesTable,
} from '../../source/domain/summary.js';
import {setLang} from '../../source/text/index.js';
import {answers, tcp} from './fixtures.js';
import {shellWords} from './shell.js';

afterEach(() => setLang('en'));

/** Runs an `ecs-sg create ...` command line back through the real argument parser and flag reader. */
function answersOfCommand(command: string) {
	const parsed = parseArgs(shellWords(command).slice(1));
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	const read = fromFlags(parsed.args.flags as CreateFlags);
	expect(read.problems).toEqual([]);
	return {...read.answers, tags: read.answers.tags ?? [], type: read.answers.type ?? 'normal'};
}

describe('rulesTable', () => {
	it('lines up a header and one row per rule, ports as people read them', () => {
		const lines = rulesTable(answers().rules);
		expect(lines).toHaveLength(5);
		expect(lines[0]).toMatch(/Direction\s+Protocol\s+Ports\s+Source\s+Policy\s+Priority\s+Description/);
		expect(lines[3]).toMatch(/inbound\s+TCP\s+22\s+0\.0\.0\.0\/0\s+accept\s+1\s+SSH/);
		expect(lines[4]).toMatch(/ICMP\s+all/);
		const column = lines[0]?.indexOf('Source');
		expect(lines.slice(1).every((l) => l.indexOf('0.0.0.0/0') === column)).toBe(true);
	});

	it('says so when there are no rules, and speaks Chinese', () => {
		expect(rulesTable([])[0]).toContain('no rules');
		setLang('zh');
		expect(rulesTable(answers().rules)[0]).toContain('授权对象');
	});

	it('cleans rule descriptions before drawing them', () => {
		const [, row] = rulesTable([{...tcp(22), description: 'a\u001B[31mred\u0007'}]);
		expect(row).not.toContain('\u001B');
		expect(row).not.toContain('\u0007');
		expect(row).toContain('ared');
	});
});

describe('planLines and dryRunLines', () => {
	const plan = planFromAnswers(answers(), {newId: () => 'p1'});

	it('lists the calls in order with their parameters and tokens', () => {
		const lines = planLines(plan);
		expect(lines[0]).toMatch(
			/1\. CreateSecurityGroup .*RegionId=cn-hangzhou VpcId=vpc-abc123 SecurityGroupName=web-sg/,
		);
		expect(lines[0]).toContain('ClientToken=ecs-sg-p1');
		expect(lines[1]).toMatch(
			/2\. AuthorizeSecurityGroup \(4 rules\).*NicType=intranet.*ClientToken=ecs-sg-p1-a1/,
		);
	});

	it('shows the plan, the rules, the warnings and the equivalent commands', () => {
		const text = dryRunLines(plan, {
			warnings: ['SSH (port 22) is open to the whole internet'],
			duplicates: [
				{
					id: 'sg-old',
					name: 'web-sg',
					description: '',
					vpcId: 'vpc-abc123',
					type: 'normal',
					creationTime: '',
					resourceGroupId: '',
					tags: [],
				},
			],
		}).join('\n');
		expect(text).toContain('Plan: 2 API calls');
		expect(text).toMatch(/inbound\s+TCP\s+443/);
		expect(text).toContain('! SSH (port 22) is open');
		expect(text).toContain('sg-old');
		expect(text).toContain('--allow-duplicate-name');
		expect(text).toContain('aliyun ecs CreateSecurityGroup');
		expect(text).toContain('--Permissions.4.PortRange=-1/-1');
		expect(text).toContain('ecs-sg create --region cn-hangzhou --template web-linux');
		expect(text).toContain('nothing was created');
	});
});

describe('ecsSgCommand', () => {
	it('gives back the template, source and extra rules so the flags make the same plan', () => {
		const original = answers({
			rules: [
				...answers({}).rules.map((r) =>
					r.description === 'SSH' ? {...r, peer: {kind: 'ipv4' as const, cidr: '203.0.113.0/24'}} : r,
				),
				tcp(8080),
				tcp(9000, '1.2.3.4'),
			],
			tags: [{key: 'env', value: 'dev team'}],
			resourceGroupId: 'rg-abc',
			type: 'enterprise',
		});
		const plan = planFromAnswers(original);
		const {command, exact} = ecsSgCommand(plan);
		expect(exact).toBe(true);
		expect(command).toContain('--template web-linux --source 203.0.113.0/24');
		expect(command.endsWith('--yes')).toBe(true);
		const back = answersOfCommand(command);
		expect(back).toMatchObject({
			regionId: 'cn-hangzhou',
			name: 'web-sg',
			description: 'web servers',
			vpcId: 'vpc-abc123',
			type: 'enterprise',
			resourceGroupId: 'rg-abc',
			tags: [{key: 'env', value: 'dev team'}],
		});
		expect(back.rules).toEqual(planRules(plan));
	});

	it('falls back to custom with one --rule per rule when the rules are not a template', () => {
		const plan = planFromAnswers(
			answers({
				rules: [
					{...answers().rules[0], peer: {kind: 'ipv4', cidr: '10.0.0.0/8'}} as never,
					tcp(22, '1.2.3.4/32'),
				],
			}),
		);
		const {command, exact} = ecsSgCommand(plan);
		expect(command).toContain('--template custom');
		expect(command).toContain(',desc=HTTP'); // --rule now carries the description too
		expect(exact).toBe(true);
		const back = answersOfCommand(command);
		expect(back.rules?.map(ruleKey)).toEqual(planRules(plan).map(ruleKey));
	});

	it('says --classic for a classic group', () => {
		expect(ecsSgCommand(planFromAnswers(answers({network: 'classic'}))).command).toContain('--classic');
	});
});

describe('resultLines and inspectionLines', () => {
	const plan = planFromAnswers(answers());
	const result: SubmitResult = {
		groupId: 'sg-123',
		regionId: 'cn-hangzhou',
		vpcId: 'vpc-abc123',
		name: 'web-sg',
		type: 'normal',
		rules: planRules(plan),
		requestIds: ['r1', 'r2'],
	};

	it('shows the id, where, the rules and the follow-up commands', () => {
		const text = resultLines(result).join('\n');
		expect(text).toContain('Created security group sg-123 ("web-sg") in cn-hangzhou, VPC vpc-abc123.');
		expect(text).toContain('Rules applied (4)');
		expect(text).toContain('ecs-sg rules add --region cn-hangzhou --group sg-123');
		expect(text).toContain('ecs-sg instances add --region cn-hangzhou --group sg-123');
	});

	it('tells exactly what exists and what is missing', () => {
		const rules = planRules(plan);
		const text = inspectionLines({
			journalId: plan.id,
			plan,
			group: 'exists',
			groupId: 'sg-123',
			applied: rules.slice(0, 2),
			missing: rules.slice(2),
			createdAt: '2024-05-01T10:00:00.000Z',
		}).join('\n');
		expect(text).toContain(
			'Unfinished create of "web-sg", started 2024-05-01 10:00 UTC:\n  in cn-hangzhou, ',
		);
		expect(text).toContain('security group sg-123 exists; 2 of 4 rules are applied');
		expect(text).toContain('missing: TCP 22 from 0.0.0.0/0');
		expect(text).toContain('missing: ICMP all from 0.0.0.0/0');
		expect(text).not.toContain('missing: TCP 80');
	});

	it('says when the group may or may not exist', () => {
		const text = inspectionLines({
			journalId: plan.id,
			plan,
			group: 'unknown',
			applied: [],
			missing: planRules(plan),
			createdAt: 'x',
		}).join('\n');
		expect(text).toContain('may or may not exist');
	});
});
