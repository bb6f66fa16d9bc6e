import {describe, expect, it} from 'vitest';
import type {Rule} from '../../source/domain/model.js';
import {
	authorizeParams,
	chunk,
	createParams,
	maxTokenLength,
	planFromAnswers,
	planRules,
	specOf,
} from '../../source/domain/plan.js';
import {answers, tcp} from './fixtures.js';

describe('planFromAnswers', () => {
	it('makes one create and one authorize carrying every rule, with one token base', () => {
		const plan = planFromAnswers(answers(), {newId: () => 'plan-1'});
		expect(plan.id).toBe('plan-1');
		expect(plan.create).toEqual({
			regionId: 'cn-hangzhou',
			vpcId: 'vpc-abc123',
			name: 'web-sg',
			description: 'web servers',
			type: 'normal',
			tags: [],
			clientToken: 'ecs-sg-plan-1',
		});
		expect(plan.authorize).toHaveLength(1);
		expect(plan.authorize[0]?.rules.map((r) => r.portRange)).toEqual(['80/80', '443/443', '22/22', '-1/-1']);
		expect(plan.authorize[0]?.nicType).toBe('intranet');
		expect(plan.authorize[0]?.clientToken).toBe('ecs-sg-plan-1-a1');
	});

	it('makes a fresh id and token each time, ASCII and at most 64 characters', () => {
		const a = planFromAnswers(answers());
		const b = planFromAnswers(answers());
		expect(a.id).not.toBe(b.id);
		expect(a.create.clientToken).not.toBe(b.create.clientToken);
		for (const token of [a.create.clientToken, ...a.authorize.map((x) => x.clientToken)]) {
			expect(token.length).toBeLessThanOrEqual(maxTokenLength);
			expect(token).toMatch(/^[\x21-\x7e]+$/);
		}
	});

	it('cuts a long injected token so that every batch token still fits', () => {
		const rules = Array.from({length: 150}, (_, i) => tcp(i + 1));
		const plan = planFromAnswers(answers({rules}), {newToken: () => 'x'.repeat(100)});
		for (const b of plan.authorize) expect(b.clientToken.length).toBeLessThanOrEqual(64);
		expect(new Set(plan.authorize.map((b) => b.clientToken)).size).toBe(2);
	});

	it('splits at 100 rules per call, in order', () => {
		const rules = Array.from({length: 201}, (_, i) => tcp(i + 1));
		const plan = planFromAnswers(answers({rules}));
		expect(plan.authorize.map((b) => b.rules.length)).toEqual([100, 100, 1]);
		expect(planRules(plan).map((r) => r.portRange)).toEqual(rules.map((r) => r.portRange));
	});

	it('has no authorize step for a group without rules', () => {
		const plan = planFromAnswers(answers({template: 'custom', rules: []}));
		expect(plan.authorize).toEqual([]);
	});

	it('drops duplicate rules, carries outbound ones in their own batch, and leaves out empty optional fields', () => {
		const egress = {...tcp(25), direction: 'egress' as const};
		const rules = [egress, tcp(22), tcp(22)];
		const plan = planFromAnswers(answers({rules, description: ''}));
		expect(planRules(plan)).toEqual([tcp(22), egress]);
		expect(plan.authorize.map((b) => b.direction)).toEqual(['ingress', 'egress']);
		expect(plan.authorize[1]?.clientToken).toMatch(/-e1$/);
		expect(plan.create).not.toHaveProperty('description');
		expect(plan.create).not.toHaveProperty('resourceGroupId');
	});

	it('uses the internet NIC type and no VPC for the classic network', () => {
		const plan = planFromAnswers(answers({network: 'classic', vpcId: 'vpc-ignored'}));
		expect(plan.create.vpcId).toBeUndefined();
		expect(plan.authorize[0]?.nicType).toBe('internet');
	});

	it('carries tags and the resource group', () => {
		const plan = planFromAnswers(
			answers({tags: [{key: 'env', value: 'dev'}], resourceGroupId: 'rg-abc', type: 'enterprise'}),
		);
		expect(plan.create.tags).toEqual([{key: 'env', value: 'dev'}]);
		expect(plan.create.resourceGroupId).toBe('rg-abc');
		expect(plan.create.type).toBe('enterprise');
	});

	it('does not share rule objects with the answers', () => {
		const a = answers();
		const plan = planFromAnswers(a);
		(plan.authorize[0]?.rules[0] as Rule).peer = {kind: 'ipv4', cidr: '1.2.3.4/32'};
		expect(a.rules[0]?.peer).toEqual({kind: 'ipv4', cidr: '0.0.0.0/0'});
	});
});

describe('API parameters', () => {
	it('names CreateSecurityGroup parameters as the API does', () => {
		const spec = specOf(planFromAnswers(answers({tags: [{key: 'k', value: 'v'}], resourceGroupId: 'rg-1'})));
		expect(createParams(spec, 'tok')).toEqual([
			['RegionId', 'cn-hangzhou'],
			['VpcId', 'vpc-abc123'],
			['SecurityGroupName', 'web-sg'],
			['Description', 'web servers'],
			['SecurityGroupType', 'normal'],
			['ResourceGroupId', 'rg-1'],
			['Tag.1.Key', 'k'],
			['Tag.1.Value', 'v'],
			['ClientToken', 'tok'],
		]);
	});

	it('numbers Permissions from 1 with every field', () => {
		const params = authorizeParams(
			'cn-hangzhou',
			'sg-1',
			[{...tcp(22), description: 'SSH'}, tcp(80)],
			'intranet',
		);
		const map = new Map(params);
		expect(map.get('Permissions.1.PortRange')).toBe('22/22');
		expect(map.get('Permissions.1.Description')).toBe('SSH');
		expect(map.get('Permissions.2.IpProtocol')).toBe('tcp');
		expect(map.get('Permissions.2.Priority')).toBe('1');
		expect(map.get('Permissions.2.NicType')).toBe('intranet');
		expect(map.has('Permissions.2.Description')).toBe(false);
		expect(map.has('ClientToken')).toBe(false);
	});

	it('describes a result like the plan it came from', () => {
		const plan = planFromAnswers(answers());
		const fromPlan = specOf(plan);
		const fromResult = specOf({
			groupId: 'sg-1',
			regionId: 'cn-hangzhou',
			vpcId: 'vpc-abc123',
			name: 'web-sg',
			type: 'normal',
			rules: planRules(plan),
			requestIds: [],
			description: 'web servers',
			tags: [],
		});
		expect(fromResult).toEqual(fromPlan);
	});

	it('chunks evenly and keeps the remainder', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 100)).toEqual([]);
	});
});
