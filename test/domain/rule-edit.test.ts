// Editing a rule in place: one ModifySecurityGroupRule(Egress) when the API allows it, else revoke + authorize,
// with the reason; and the change runner sends a modify call with the rule's SecurityGroupRuleId.
import {describe, expect, it} from 'vitest';
import {applyChanges} from '../../source/cloud/changes.js';
import type {EcsApi} from '../../source/cloud/port.js';
import type {ModifyRuleInput, Rule} from '../../source/domain/model.js';
import {type GroupRule, planRuleEdit} from '../../source/domain/rule-change.js';
import {parseRuleSpec} from '../../source/domain/rules.js';

const TARGET = {regionId: 'cn-hangzhou', groupId: 'sg-1', vpcId: 'vpc-1'};

const rule = (spec: string): Rule => {
	const parsed = parseRuleSpec(spec);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.rule;
};
const described = (spec: string, ruleId?: string): GroupRule => ({
	...rule(spec),
	nicType: 'intranet',
	createTime: '',
	...(ruleId ? {ruleId} : {}),
});
const kinds = (plan: {calls: {kind: string}[]}) => plan.calls.map((c) => c.kind);

describe('planRuleEdit', () => {
	it('priority, policy, description and an address of the same kind: one Modify call with the rule id', () => {
		const current = described('tcp:22:10.0.0.0/8,desc=ssh', 'sgr-1');
		const plan = planRuleEdit(TARGET, current, rule('tcp:22:10.1.0.0/16,drop,priority=5,desc=ops'));
		expect(plan.route).toBe('modify');
		expect(kinds(plan)).toEqual(['modify']);
		const call = plan.calls[0];
		expect(call && 'input' in call ? call.input.ruleIds : undefined).toEqual(['sgr-1']);
		const egress = planRuleEdit(TARGET, described('out:tcp:443:pl-a', 'sgr-2'), rule('out:tcp:443:pl-b'));
		expect(kinds(egress)).toEqual(['modify-egress']);
	});

	it.each([
		['tcp:22:10.0.0.0/8', 'sgr-1', 'tcp:22:sg-app', 'peer-kind'],
		['tcp:22:10.0.0.0/8', 'sgr-1', 'tcp:22:2001:db8::/32', 'peer-kind'],
		['tcp:22:10.0.0.0/8', 'sgr-1', 'out:tcp:22:10.0.0.0/8', 'direction'],
		['tcp:22:10.0.0.0/8,desc=ssh', 'sgr-1', 'tcp:22:10.0.0.0/8', 'description-cleared'],
		['tcp:22:10.0.0.0/8', undefined, 'tcp:22:10.0.0.0/8,priority=2', 'no-rule-id'],
	])('%s -> %s is revoke + authorize (%s)', (from, id, to, route) => {
		const plan = planRuleEdit(TARGET, described(from, id), rule(to));
		expect(plan.route).toBe(route);
		expect(kinds(plan)[0]).toMatch(/^revoke/);
		expect(kinds(plan)[1]).toMatch(/^authorize/);
	});
});

describe('applyChanges with a modify call', () => {
	it('calls ModifySecurityGroupRule with the id and the rule as it becomes', async () => {
		const seen: ModifyRuleInput[] = [];
		const api = {
			modifySecurityGroupRule: async (input: ModifyRuleInput) => {
				seen.push(input);
				return {requestId: 'req-m'};
			},
		} as unknown as EcsApi;
		const edited = rule('tcp:22:10.1.0.0/16,priority=5');
		const plan = planRuleEdit(TARGET, described('tcp:22:10.0.0.0/8', 'sgr-9'), edited);
		const outcome = await applyChanges(api, plan.calls);
		expect(outcome.outcomes.map((o) => o.state)).toEqual(['done']);
		expect(seen).toEqual([
			expect.objectContaining({regionId: 'cn-hangzhou', groupId: 'sg-1', ruleId: 'sgr-9', rule: edited}),
		]);
	});
});
