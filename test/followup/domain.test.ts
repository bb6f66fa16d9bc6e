// The pure parts of the follow-ups: presets, the rule-change check and plan, membership refusals, and the
// follow-up commands' target flags.
import {describe, expect, it} from 'vitest';
import {followUpCommand, targetFlags} from '../../source/domain/followup.js';
import {
	joinRefusal,
	leaveRefusal,
	maxGroupsPerInstance,
	planMembership,
	refusalOf,
} from '../../source/domain/membership.js';
import type {GroupType, Instance, Rule} from '../../source/domain/model.js';
import {presetIds, presetRule, suggestedCidr} from '../../source/domain/presets.js';
import {
	checkRuleChange,
	type GroupRule,
	planRuleChange,
	rulesMatching,
} from '../../source/domain/rule-change.js';
import {validateRule} from '../../source/domain/rules.js';

const rule = (over: Partial<Rule> = {}): Rule => ({
	direction: 'ingress',
	protocol: 'tcp',
	portRange: '22/22',
	peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
	policy: 'accept',
	priority: 1,
	...over,
});
const described = (over: Partial<GroupRule> = {}): GroupRule => ({
	...rule(),
	nicType: 'intranet',
	createTime: '2026-01-01T00:00:00Z',
	...over,
});

describe('presets', () => {
	it('cover the services the issue names, each a valid accept rule in either direction', () => {
		// The console's quick-add list in its order (issue 12 item 3), then ICMP and ALL.
		expect(presetIds).toEqual([
			'ssh',
			'telnet',
			'http',
			'https',
			'mssql',
			'oracle',
			'mysql',
			'rdp',
			'postgresql',
			'redis',
			'icmp',
			'all',
		]);
		for (const id of presetIds) {
			for (const direction of ['ingress', 'egress'] as const) {
				const r = presetRule(id, direction, '10.0.0.0/8');
				expect(validateRule(r)).toBeUndefined();
				expect(r).toMatchObject({
					direction,
					peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
					policy: 'accept',
					priority: 1,
				});
			}
		}
		expect(presetRule('mysql').portRange).toBe('3306/3306');
		expect(presetRule('icmp').portRange).toBe('-1/-1');
		expect(presetRule('all').protocol).toBe('all');
	});

	it('never suggest opening administration or databases to the internet', () => {
		for (const id of [
			'ssh',
			'telnet',
			'mssql',
			'oracle',
			'rdp',
			'mysql',
			'postgresql',
			'redis',
			'all',
		] as const)
			expect(suggestedCidr(id, 'ingress')).not.toBe('0.0.0.0/0');
		expect(suggestedCidr('https', 'ingress')).toBe('0.0.0.0/0');
		expect(suggestedCidr('ssh', 'egress')).toBe('0.0.0.0/0');
	});

	it('start administration in the CIDR of the group VPC when it is known (issue 15 item 12)', () => {
		expect(suggestedCidr('ssh', 'ingress', '172.16.0.0/12')).toBe('172.16.0.0/12');
		expect(suggestedCidr('rdp', 'ingress', '192.168.0.0/16')).toBe('192.168.0.0/16');
		expect(suggestedCidr('ssh', 'ingress')).toBe('10.0.0.0/8');
		expect(suggestedCidr('https', 'ingress', '172.16.0.0/12')).toBe('0.0.0.0/0');
		expect(suggestedCidr('ssh', 'egress', '172.16.0.0/12')).toBe('0.0.0.0/0');
	});
});

describe('checkRuleChange', () => {
	it('sorts additions into new and already present, matching case and description loosely', () => {
		const current = [described({description: 'old note'})];
		const check = checkRuleChange(current, {
			add: [rule({description: 'new note'}), rule({portRange: '443/443'}), rule({portRange: '443/443'})],
			remove: [],
		});
		expect(check.present).toHaveLength(1);
		expect(check.fresh.map((r) => r.portRange)).toEqual(['443/443']);
		expect(check).toMatchObject({before: 1, after: 2});
		expect(check.problem).toBeUndefined();
	});

	it('a different policy or priority is a different rule', () => {
		const check = checkRuleChange([described()], {
			add: [rule({policy: 'drop'}), rule({priority: 2})],
			remove: [],
		});
		expect(check.fresh).toHaveLength(2);
	});

	it('only rules of the same NIC type make an addition a duplicate (classic groups hold both)', () => {
		const check = checkRuleChange(
			[described({nicType: 'intranet'})],
			{add: [rule()], remove: []},
			'internet',
		);
		expect(check.fresh).toHaveLength(1);
	});

	it('refuses to go over 200 rules, counting removals first, and names the numbers', () => {
		const current = Array.from({length: 199}, (_, i) => described({portRange: `${i + 1}/${i + 1}`}));
		const over = checkRuleChange(current, {
			add: [rule({portRange: '1000/1000'}), rule({portRange: '1001/1001'})],
			remove: [],
		});
		expect(over.problem).toMatch(/at most 200 rules/);
		expect(over.problem).toContain('201');
		const fits = checkRuleChange(current, {
			add: [rule({portRange: '1000/1000'}), rule({portRange: '1001/1001'})],
			remove: [current[0] as GroupRule],
		});
		expect(fits.problem).toBeUndefined();
		expect(fits.after).toBe(200);
	});

	it('removes a rule that points at a group as any other (issue 12: every rule is removable)', () => {
		const byGroup = described({peer: {kind: 'group', groupId: 'sg-other'}});
		const check = checkRuleChange([byGroup], {add: [], remove: [byGroup]});
		expect(check.problem).toBeUndefined();
		expect(check.remove).toEqual([byGroup]);
	});
});

describe('planRuleChange', () => {
	const target = {regionId: 'cn-hangzhou', groupId: 'sg-1', vpcId: 'vpc-1'};

	it('revokes before it authorizes, one call per direction, batches of 100, a token per call', () => {
		const fresh = [
			...Array.from({length: 150}, (_, i) => rule({portRange: `${i + 1}/${i + 1}`})),
			rule({direction: 'egress', protocol: 'all', portRange: '-1/-1'}),
		];
		const remove = [
			described({portRange: '9999/9999'}),
			described({direction: 'egress', portRange: '53/53'}),
		];
		const plan = planRuleChange(target, {fresh, remove}, {newToken: () => 'tok'});
		expect(plan.calls.map((c) => ('input' in c ? `${c.kind}:${c.input.rules.length}` : c.kind))).toEqual([
			'revoke:1',
			'revoke-egress:1',
			'authorize:100',
			'authorize:50',
			'authorize-egress:1',
		]);
		const tokens = plan.calls.map((c) => ('input' in c ? c.input.clientToken : ''));
		expect(new Set(tokens).size).toBe(tokens.length);
		expect(tokens[0]).toBe('tok-1');
		for (const c of plan.calls) if ('input' in c) expect(c.input.nicType).toBe('intranet');
	});

	it('uses internet for additions to a classic group, and a removal keeps its own NIC type', () => {
		const plan = planRuleChange(
			{...target, vpcId: ''},
			{fresh: [rule()], remove: [described({nicType: 'intranet', portRange: '80/80'})]},
		);
		expect(plan.calls.map((c) => ('input' in c ? `${c.kind}:${c.input.nicType}` : ''))).toEqual([
			'revoke:intranet',
			'authorize:internet',
		]);
		// Only the port's fields go out (not the creation time the API returned).
		const first = plan.calls[0];
		expect(first && 'input' in first ? Object.keys(first.input.rules[0] ?? {}) : []).not.toContain(
			'createTime',
		);
	});

	it('makes no call for an empty change', () => {
		expect(planRuleChange(target, {fresh: [], remove: []}).calls).toEqual([]);
	});
});

describe('rulesMatching', () => {
	it('matches direction, protocol, ports and CIDR, whatever the policy and priority', () => {
		const current = [
			described(),
			described({policy: 'drop', priority: 50}),
			described({direction: 'egress'}),
			described({peer: {kind: 'ipv4', cidr: '10.0.0.0/8'}}),
		];
		expect(rulesMatching(current, rule())).toHaveLength(2);
		expect(rulesMatching(current, rule({direction: 'egress'}))).toHaveLength(1);
		expect(rulesMatching(current, rule({portRange: '80/80'}))).toEqual([]);
	});
});

const instance = (over: Partial<Instance> = {}): Instance => ({
	id: 'i-1',
	name: 'web',
	status: 'Running',
	regionId: 'cn-hangzhou',
	zoneId: 'cn-hangzhou-h',
	vpcId: 'vpc-1',
	privateIp: '10.0.0.5',
	securityGroupIds: ['sg-a'],
	...over,
});
const group = {id: 'sg-new', vpcId: 'vpc-1', type: 'normal' as GroupType};

describe('membership refusals', () => {
	const types = new Map<string, GroupType>([
		['sg-a', 'normal'],
		['sg-ent', 'enterprise'],
	]);

	it('lets a running or stopped instance of the VPC join', () => {
		expect(joinRefusal(instance(), group, types)).toBeUndefined();
		expect(joinRefusal(instance({status: 'Stopped'}), group, types)).toBeUndefined();
	});

	it('refuses what the API refuses, with the reason', () => {
		expect(joinRefusal(instance({securityGroupIds: ['sg-new']}), group, types)).toMatch(
			/already in this group/,
		);
		expect(joinRefusal(instance({vpcId: 'vpc-2'}), group, types)).toMatch(/another network/);
		expect(joinRefusal(instance({status: 'Starting'}), group, types)).toMatch(/Running or Stopped/);
		expect(joinRefusal(instance({securityGroupIds: ['sg-ent']}), group, types)).toMatch(
			/cannot be in normal and enterprise groups at once/,
		);
		const five = Array.from({length: maxGroupsPerInstance}, (_, i) => `sg-${i}`);
		expect(joinRefusal(instance({securityGroupIds: five}), group, types)).toMatch(
			/most an instance may be in \(5\)/,
		);
	});

	it('an unknown group type is not held against the instance (the API decides)', () => {
		expect(joinRefusal(instance({securityGroupIds: ['sg-unknown']}), group, types)).toBeUndefined();
	});

	it('refuses leaving the last group, or a group the instance is not in', () => {
		expect(leaveRefusal(instance({securityGroupIds: ['sg-new']}), group)).toMatch(
			/at least one security group/,
		);
		expect(leaveRefusal(instance(), group)).toMatch(/not in this group/);
		expect(leaveRefusal(instance({securityGroupIds: ['sg-new', 'sg-a']}), group)).toBeUndefined();
		expect(refusalOf(instance({securityGroupIds: ['sg-new']}), group, types)).toMatch(/at least one/);
	});

	it('plans leaves before joins, one call each', () => {
		const plan = planMembership({regionId: 'cn-hangzhou', groupId: 'sg-new'}, [
			{instanceId: 'i-1', change: 'join'},
			{instanceId: 'i-2', change: 'leave'},
		]);
		expect(plan.calls.map((c) => ('instanceId' in c ? `${c.kind}:${c.instanceId}` : ''))).toEqual([
			'leave:i-2',
			'join:i-1',
		]);
	});
});

describe('follow-up commands', () => {
	it('carry the target of the run, so a sandbox run never prints a command for the real cloud', () => {
		expect(followUpCommand('rules', 'cn-hangzhou', 'sg-1', {sandbox: true})).toBe(
			'ecs-sg rules --sandbox --region cn-hangzhou --group sg-1',
		);
		expect(
			followUpCommand('instances', 'cn-hangzhou', 'sg-1', {
				endpoint: 'http://127.0.0.1:9',
				profile: 'dev team',
			}),
		).toBe(
			"ecs-sg instances --endpoint http://127.0.0.1:9 --profile 'dev team' --region cn-hangzhou --group sg-1",
		);
		expect(targetFlags(undefined)).toEqual([]);
		expect(followUpCommand('rules', 'cn-hangzhou', 'sg-1')).toBe(
			'ecs-sg rules --region cn-hangzhou --group sg-1',
		);
	});
});
