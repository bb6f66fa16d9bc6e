// Editing rules in place on the rules screen (issue 12 item 4): `e` opens the form on the rule, the edit is
// queued and planned as one Modify call or a revoke + authorize (and Review says which), a refusal the API would
// give is said on the form, and `e`/`d` never do nothing silently.
import {describe, expect, it} from 'vitest';
import {applyChanges} from '../../source/cloud/changes.js';
import {CloudError} from '../../source/cloud/errors.js';
import type {EcsApi} from '../../source/cloud/port.js';
import type {Rule, SecurityGroupDetail} from '../../source/domain/model.js';
import {roundPlan, routeOf} from '../../source/wizard/followup/rules-edit.js';
import {
	initialRulesState,
	type RulesAction,
	type RulesState,
	rowsOf,
	rulesReducer,
} from '../../source/wizard/followup/rules-state.js';
import {groupItems, groupRefusal} from '../../source/wizard/steps/peer-picker.js';
import {formOf, formReducer, newForm, saveForm} from '../../source/wizard/steps/rule-form.js';

const REGION = 'cn-hangzhou';
const summary = {
	id: 'sg-db',
	name: 'db',
	description: '',
	vpcId: 'vpc-1',
	creationTime: '2026-01-01T00:00:00Z',
	resourceGroupId: '',
	tags: [],
};
const base = {nicType: 'intranet' as const, createTime: '', policy: 'accept' as const, priority: 1};
const v4 = {
	...base,
	direction: 'ingress' as const,
	protocol: 'tcp' as const,
	portRange: '22/22',
	peer: {kind: 'ipv4' as const, cidr: '10.0.0.0/8'},
	ruleId: 'sgr-v4',
};
const v6 = {
	...base,
	direction: 'ingress' as const,
	protocol: 'tcp' as const,
	portRange: '443/443',
	peer: {kind: 'ipv6' as const, cidr: '2001:db8::/32'},
	ruleId: 'sgr-v6',
	description: 'web',
};
const group = {
	...base,
	direction: 'ingress' as const,
	protocol: 'tcp' as const,
	portRange: '3306/3306',
	peer: {kind: 'group' as const, groupId: 'sg-app'},
	ruleId: 'sgr-sg',
};
const list = {
	...base,
	direction: 'egress' as const,
	protocol: 'tcp' as const,
	portRange: '80/80',
	peer: {kind: 'prefix-list' as const, prefixListId: 'pl-x'},
	ruleId: 'sgr-pl',
};
const noId = {
	...base,
	direction: 'ingress' as const,
	protocol: 'udp' as const,
	portRange: '53/53',
	peer: {kind: 'ipv4' as const, cidr: '10.0.0.0/8'},
};

const detailOf = (type: 'normal' | 'enterprise'): SecurityGroupDetail => ({
	...summary,
	type,
	innerAccessPolicy: 'Accept',
	rules: [v4, v6, group, noId, list],
});

const reduce = (state: RulesState, ...actions: RulesAction[]) => actions.reduce(rulesReducer, state);
const atRules = (type: 'normal' | 'enterprise' = 'normal') =>
	reduce(
		initialRulesState({}),
		{type: 'region', regionId: REGION},
		{type: 'group', group: {...summary, type}},
		{type: 'detail', detail: detailOf(type)},
	);
const indexOf = (s: RulesState, ruleId: string | undefined, portRange: string) =>
	rowsOf(s).findIndex(
		(r) => r.kind === 'current' && r.rule.ruleId === ruleId && r.rule.portRange === portRange,
	);

/** Opens the edit form on a row and answers it with `rule` (as the form's last field does). */
const edit = (s: RulesState, index: number, rule: Rule) =>
	reduce(s, {type: 'edit', index}, {type: 'edited', rule});

describe('editing rules in place', () => {
	it('fills the form with the rule, and the form gives the rule back unchanged', () => {
		const form = formOf(v6);
		expect(form).toMatchObject({
			protocol: 'tcp',
			ports: '443',
			cidr: '2001:db8::/32',
			description: 'web',
		});
		const saved = saveForm(form);
		expect(saved.ok && saved.rule).toMatchObject({peer: v6.peer, description: 'web'});
	});

	it('plans a Modify for a priority, policy, description or same-kind peer change of each peer kind', () => {
		let s = atRules();
		s = edit(s, indexOf(s, 'sgr-v4', '22/22'), {...v4, priority: 5, policy: 'drop'});
		s = edit(s, indexOf(s, 'sgr-v6', '443/443'), {...v6, peer: {kind: 'ipv6', cidr: '2001:db8:1::/48'}});
		s = edit(s, indexOf(s, 'sgr-sg', '3306/3306'), {...group, description: 'app tier'});
		s = reduce(s, {type: 'direction'});
		s = edit(s, indexOf(s, 'sgr-pl', '80/80'), {...list, peer: {kind: 'prefix-list', prefixListId: 'pl-y'}});
		expect(s.step).toBe('rules');
		expect(s.edits.map(routeOf)).toEqual(['modify', 'modify', 'modify', 'modify']);
		s = reduce(s, {type: 'review'});
		expect(s.step).toBe('review');
		const plan = roundPlan(
			{regionId: REGION, groupId: 'sg-db', vpcId: 'vpc-1'},
			s.check ?? {fresh: [], remove: [], after: 0},
			s.edits,
		);
		expect(plan.calls.map((c) => c.kind)).toEqual(['modify', 'modify', 'modify', 'modify-egress']);
		const ids = plan.calls.map((c) => ('input' in c ? c.input.ruleIds : undefined));
		expect(ids).toEqual([['sgr-v4'], ['sgr-v6'], ['sgr-sg'], ['sgr-pl']]);
	});

	it('revokes and authorizes where Modify cannot: another kind of peer, a cleared description, no rule id', () => {
		let s = atRules();
		s = edit(s, indexOf(s, 'sgr-v4', '22/22'), {...v4, peer: {kind: 'prefix-list', prefixListId: 'pl-x'}});
		s = edit(s, indexOf(s, 'sgr-v6', '443/443'), {...v6, description: undefined});
		s = edit(s, indexOf(s, undefined, '53/53'), {...noId, priority: 9});
		expect(s.edits.map(routeOf)).toEqual(['peer-kind', 'description-cleared', 'no-rule-id']);
		s = reduce(s, {type: 'review'});
		const plan = roundPlan(
			{regionId: REGION, groupId: 'sg-db', vpcId: 'vpc-1'},
			s.check ?? {fresh: [], remove: [], after: 0},
			s.edits,
		);
		// A new rule is added before the old one goes (and the revoke waits on it); a cleared description is the
		// same rule to the API, so it is revoked first (an authorize first would add nothing).
		expect(plan.calls.map((c) => c.kind)).toEqual([
			'authorize',
			'revoke',
			'revoke',
			'authorize',
			'authorize',
			'revoke',
		]);
		expect(plan.calls.map((c) => ('after' in c ? c.after : undefined))).toEqual([
			undefined,
			0,
			undefined,
			undefined,
			undefined,
			4,
		]);
	});

	it('never revokes the old rule when its replacement is refused', async () => {
		const sent: string[] = [];
		const api = {
			authorizeSecurityGroup: async () => {
				sent.push('authorize');
				throw new CloudError('invalid', 'InvalidSourceGroupId.NotFound', 'No such group.', 'Fix it.');
			},
			revokeSecurityGroup: async () => {
				sent.push('revoke');
				return {requestId: 'r'};
			},
		} as unknown as EcsApi;
		let s = atRules();
		s = edit(s, indexOf(s, 'sgr-v4', '22/22'), {
			...v4,
			peer: {kind: 'group', groupId: 'sg-bp1nope0000000000001'},
		});
		s = reduce(s, {type: 'review'});
		const plan = roundPlan(
			{regionId: REGION, groupId: 'sg-db', vpcId: 'vpc-1'},
			s.check ?? {fresh: [], remove: [], after: 0},
			s.edits,
		);
		const outcome = await applyChanges(api, plan.calls);
		expect(sent).toEqual(['authorize']);
		expect(outcome.outcomes.map((o) => o.state)).toEqual(['failed', 'skipped']);
	});

	it('shows the edited rule in the table and drops an edit that comes back to the rule as read', () => {
		let s = atRules();
		const at = indexOf(s, 'sgr-v4', '22/22');
		s = edit(s, at, {...v4, priority: 7});
		const row = rowsOf(s)[at];
		expect(row?.kind === 'current' && row.edited?.priority).toBe(7);
		s = edit(s, at, {...v4});
		expect(s.edits).toEqual([]);
	});

	it('says why on the form when an enterprise group would refuse a group peer, and queues nothing', () => {
		let s = atRules('enterprise');
		s = edit(s, indexOf(s, 'sgr-v4', '22/22'), {...v4, peer: {kind: 'group', groupId: 'sg-app'}});
		expect(s.step).toBe('edit');
		expect(s.problem).toMatch(/enterprise.*sg-app/);
		expect(s.edits).toEqual([]);
		s = reduce(
			s,
			{type: 'back'},
			{type: 'open', step: 'manual'},
			{type: 'add', rule: {...v4, peer: {kind: 'group', groupId: 'sg-app'}}},
		);
		expect(s.problem).toMatch(/enterprise/);
		expect(s.add).toEqual([]);
	});

	it('refuses an edit that duplicates another rule, and e on a rule marked for removal says why', () => {
		let s = atRules();
		s = edit(s, indexOf(s, undefined, '53/53'), {...noId, protocol: 'tcp', portRange: '22/22'});
		expect(s.problem).toMatch(/already has/);
		s = reduce(s, {type: 'back'});
		const at = indexOf(s, 'sgr-v4', '22/22');
		s = reduce(s, {type: 'toggle', index: at}, {type: 'edit', index: at});
		expect(s.step).toBe('rules');
		expect(s.problem).toMatch(/marked for removal/);
	});

	it('e on a queued addition edits it; e on an empty tab says there is nothing to edit', () => {
		let s = atRules();
		const extra = {...v4, portRange: '8080/8080', peer: {kind: 'ipv4' as const, cidr: '10.1.0.0/16'}};
		s = reduce(s, {type: 'open', step: 'manual'}, {type: 'add', rule: extra});
		const at = rowsOf(s).findIndex((r) => r.kind === 'added');
		s = edit(s, at, {...extra, priority: 4});
		expect(s.add).toEqual([{...extra, priority: 4}]);
		expect(s.edits).toEqual([]);
		const empty = reduce(
			initialRulesState({}),
			{type: 'region', regionId: REGION},
			{type: 'group', group: {...summary, type: 'normal'}},
			{type: 'detail', detail: {...detailOf('normal'), rules: []}},
			{type: 'edit', index: 0},
		);
		expect(empty.step).toBe('rules');
		expect(empty.problem).toMatch(/No rule under the cursor/);
	});

	it('removing an edited rule drops the edit; leaving drops every edit', () => {
		let s = atRules();
		const at = indexOf(s, 'sgr-v4', '22/22');
		s = edit(s, at, {...v4, priority: 3});
		s = reduce(s, {type: 'toggle', index: at});
		expect(s.edits).toEqual([]);
		expect(s.remove).toHaveLength(1);
		s = edit(reduce(s, {type: 'toggle', index: at}), at, {...v4, priority: 3});
		s = reduce(s, {type: 'back'});
		expect(s.discarding).toBe(true);
		s = reduce(s, {type: 'discard'});
		expect(s.edits).toEqual([]);
	});
});

describe('the rule form checks its peer as --rule does', () => {
	/** A TCP 22 (or ICMP) rule with `peer` typed into its peer field. */
	const withPeer = (protocol: 'tcp' | 'icmp', peer: string) =>
		formReducer(
			{...newForm('ingress'), protocol, ports: protocol === 'tcp' ? '22' : '', field: 'peer'},
			{type: 'text', value: peer},
		);

	it.each([
		['tcp', '10.0.0.1/8', /10\.0\.0\.0\/8/],
		['icmp', '2001:db8::/32', /ICMPv6|icmpv6/i],
		['tcp', 'sg-', /./],
	] as const)('%s with %s is refused', (protocol, peer, why) => {
		const saved = saveForm(withPeer(protocol, peer));
		expect(saved.ok).toBe(false);
		if (!saved.ok) expect(saved.problem).toMatch(why);
	});

	it.each(['10.0.0.0/8', '2001:db8::/32'])('takes %s typed', (peer) => {
		expect(saveForm(withPeer('tcp', peer)).ok).toBe(true);
	});

	it.each([
		{kind: 'group', groupId: 'sg-bp1web00000000000001'},
		{kind: 'prefix-list', prefixListId: 'pl-bp8nrrhijy3kezo9eqj8'},
	] as const)('takes $kind picked from its list', (peer) => {
		const picked = formReducer(withPeer('tcp', ''), {type: 'pick', peer});
		expect(saveForm(picked)).toMatchObject({ok: true, rule: {peer}});
	});
});

describe('the group picker in `rules`', () => {
	const inVpc = (id: string, vpcId: string) => ({...summary, id, name: id, vpcId, type: 'normal' as const});
	const scope = {vpcId: 'vpc-1', because: 'group' as const};

	it('refuses a group of another VPC, and the group itself, each saying why', () => {
		expect(groupRefusal(inVpc('sg-app', 'vpc-1'), scope, 'sg-db')).toBeUndefined();
		expect(groupRefusal(inVpc('sg-far', 'vpc-2'), scope, 'sg-db')).toBe(
			'sg-far is in vpc-2, but this group is in vpc-1: the API refuses a peer group in another VPC.',
		);
		expect(groupRefusal(inVpc('sg-db', 'vpc-1'), scope, 'sg-db')).toBe(
			'sg-db is the group this rule is for: the API refuses a rule that references its own group.',
		);
		// A classic group has no VPC scope, and still cannot be its own peer.
		expect(groupRefusal(inVpc('sg-db', ''), undefined, 'sg-db')).toMatch(/its own group/);
	});

	it('lists the groups that can be picked first, the others marked', () => {
		const items = groupItems(
			[inVpc('sg-db', 'vpc-1'), inVpc('sg-far', 'vpc-2'), inVpc('sg-app', 'vpc-1')],
			scope,
			'sg-db',
		);
		expect(items.map((i) => [i.key, i.mark])).toEqual([
			['sg-app', undefined],
			['sg-db', 'this group'],
			['sg-far', 'other VPC'],
		]);
	});
});
