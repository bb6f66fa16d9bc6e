// The follow-ups' reducers and the rule form, without rendering: steps, queueing, refusals, the apply guard,
// Ctrl+C while calls run, and what each flow reports when it ends.
import {describe, expect, it} from 'vitest';
import type {ChangeOutcome} from '../../source/cloud/change-types.js';
import type {Members} from '../../source/cloud/members.js';
import {planMembership} from '../../source/domain/membership.js';
import type {Instance, Rule, SecurityGroupDetail} from '../../source/domain/model.js';
import {presetRule} from '../../source/domain/presets.js';
import {planRuleChange} from '../../source/domain/rule-change.js';
import {instancesOutcome} from '../../source/wizard/followup/instances-app.js';
import {
	type InstancesAction,
	type InstancesState,
	initialInstancesState,
	instancesReducer,
} from '../../source/wizard/followup/instances-state.js';
import {rulesOutcome} from '../../source/wizard/followup/rules-app.js';
import {
	initialRulesState,
	type RulesAction,
	type RulesState,
	rowsOf,
	rulesReducer,
} from '../../source/wizard/followup/rules-state.js';
import {exitCodeOf} from '../../source/wizard/followup/services.js';
import {
	type FormAction,
	formReducer,
	newForm,
	type RuleForm,
	saveForm,
} from '../../source/wizard/steps/rule-form.js';

const summary = {
	id: 'sg-web',
	name: 'web',
	description: '',
	vpcId: 'vpc-1',
	type: 'normal' as const,
	creationTime: '2026-01-01T00:00:00Z',
	resourceGroupId: '',
	tags: [],
};
const ssh = {
	direction: 'ingress' as const,
	protocol: 'tcp' as const,
	portRange: '22/22',
	peer: {kind: 'ipv4' as const, cidr: '0.0.0.0/0'},
	policy: 'accept' as const,
	priority: 1,
	nicType: 'intranet' as const,
	createTime: '',
};
const detail: SecurityGroupDetail = {...summary, innerAccessPolicy: 'Accept', rules: [ssh]};
const ok: ChangeOutcome = {outcomes: [], cancelled: false};

const run = <S, A>(reducer: (s: S, a: A) => S, state: S, ...actions: A[]): S =>
	actions.reduce(reducer, state);
const rules = (state: RulesState, ...actions: RulesAction[]) => run(rulesReducer, state, ...actions);

describe('rules reducer', () => {
	const atRules = () =>
		rules(
			initialRulesState({}),
			{type: 'region', regionId: 'cn-hangzhou'},
			{type: 'group', group: summary},
			{type: 'detail', detail},
		);

	it('starts at the first step the flags leave open', () => {
		expect(initialRulesState({}).step).toBe('region');
		expect(initialRulesState({regionId: 'cn-hangzhou'}).step).toBe('group');
		expect(initialRulesState({regionId: 'cn-hangzhou', groupId: 'sg-web'}).step).toBe('rules');
	});

	it('queues additions in the tab showing, toggles removals, and reviews the change', () => {
		let s = atRules();
		s = rules(
			s,
			{type: 'open', step: 'preset'},
			{type: 'preset', id: 'https'},
			{
				type: 'add',
				rule: presetRule('https', 'ingress', '0.0.0.0/0'),
			},
		);
		expect(s.step).toBe('rules');
		expect(rowsOf(s).map((r) => r.kind)).toEqual(['current', 'added']);
		s = rules(s, {type: 'toggle', index: 0});
		expect(rowsOf(s)[0]).toMatchObject({kind: 'current', removing: true});
		s = rules(s, {type: 'direction'});
		expect(s.direction).toBe('egress');
		expect(rowsOf(s)).toEqual([]);
		s = rules(s, {type: 'review'});
		expect(s.step).toBe('review');
		expect(s.check).toMatchObject({before: 1, after: 1});
		expect(s.check?.remove).toHaveLength(1);
	});

	it('refuses an invalid rule, the same rule queued twice, and an empty review, with the reason', () => {
		let s = rules(atRules(), {type: 'open', step: 'manual'});
		s = rules(s, {type: 'add', rule: {...presetRule('ssh'), priority: 101}});
		expect(s.problem).toMatch(/priority/);
		s = rules(
			s,
			{type: 'add', rule: presetRule('http')},
			{type: 'open', step: 'manual'},
			{type: 'add', rule: presetRule('http')},
		);
		expect(s.problem).toMatch(/already queued/);
		const empty = rules(atRules(), {type: 'review'});
		expect(empty.step).toBe('rules');
		expect(empty.problem).toMatch(/Nothing is queued/);
	});

	it('queueing back a rule marked for removal just keeps it', () => {
		const s = rules(
			atRules(),
			{type: 'toggle', index: 0},
			{type: 'open', step: 'manual'},
			{type: 'add', rule: ssh},
		);
		expect(s.remove).toEqual([]);
		expect(s.add).toEqual([]);
	});

	it('a rule that points at a group is marked for removal like any other (issue 12)', () => {
		const byGroup = {...ssh, peer: {kind: 'group' as const, groupId: 'sg-other'}};
		const s = rules(
			atRules(),
			{type: 'detail', detail: {...detail, rules: [byGroup]}},
			{type: 'toggle', index: 0},
		);
		expect(s.remove).toHaveLength(1);
		expect(s.problem).toBeUndefined();
	});

	it('applies once: keys while calls run change nothing, and the result reads the group again', () => {
		let s = rules(
			atRules(),
			{type: 'open', step: 'manual'},
			{type: 'add', rule: presetRule('http')},
			{type: 'review'},
		);
		const check = s.check;
		if (!check) throw new Error('no check');
		const plan = planRuleChange({regionId: 'cn-hangzhou', groupId: 'sg-web', vpcId: 'vpc-1'}, check);
		s = rules(s, {type: 'confirm', plan});
		expect(s.status).toBe('applying');
		expect(rules(s, {type: 'confirm', plan}, {type: 'back'}, {type: 'review'})).toBe(s);
		s = rules(s, {type: 'call-event', event: {index: 0, state: 'done', attempt: 1, requestId: 'r1'}});
		expect(s.calls[0]).toMatchObject({state: 'done', requestId: 'r1'});
		s = rules(s, {
			type: 'applied',
			outcome: {outcomes: [{call: plan.calls[0] as never, state: 'done', requestId: 'r1'}], cancelled: false},
		});
		expect(s).toMatchObject({step: 'done', status: 'done', rounds: 1, add: [], remove: []});
		expect(s.detail).toBeUndefined();
		expect(rulesOutcome(s)).toBeUndefined();
		s = rules(s, {type: 'more'});
		expect(s.step).toBe('rules');
		s = rules(s, {type: 'detail', detail}, {type: 'back'}, {type: 'back'}, {type: 'back'});
		// Leaving after a round was applied is not a cancel.
		expect(rulesOutcome(s)).toMatchObject({status: 'applied', groupId: 'sg-web'});
	});

	it('Esc from the first step cancels; a fixed start (the create Done screen) just leaves', () => {
		expect(rulesOutcome(rules(initialRulesState({}), {type: 'back'}))).toEqual({status: 'cancelled'});
		const fixed = initialRulesState({regionId: 'cn-hangzhou', groupId: 'sg-web', fixed: true});
		const left = rulesOutcome(rules(fixed, {type: 'detail', detail}, {type: 'back'}));
		expect(left).toEqual({status: 'left'});
		expect(exitCodeOf(left ?? {status: 'cancelled'})).toBe(0);
	});

	it('Esc with changes queued asks first: n (or Esc) keeps them, y discards them and leaves', () => {
		const https = presetRule('https', 'ingress', '0.0.0.0/0');
		const queued = (start: RulesState) =>
			rules(start, {type: 'open', step: 'preset'}, {type: 'preset', id: 'https'}, {type: 'add', rule: https});
		const fixed = queued(
			rules(initialRulesState({regionId: 'cn-hangzhou', groupId: 'sg-web', fixed: true}), {
				type: 'detail',
				detail,
			}),
		);
		let s = rules(fixed, {type: 'back'});
		expect(s).toMatchObject({step: 'rules', status: 'editing', discarding: true, add: [https]});
		expect(rulesOutcome(s)).toBeUndefined();
		// While the question is up, other keys change nothing.
		expect(rules(s, {type: 'review'})).toBe(s);
		expect(rules(s, {type: 'toggle', index: 0})).toBe(s);
		s = rules(s, {type: 'keep'});
		expect(s).toMatchObject({step: 'rules', status: 'editing', add: [https]});
		expect(s.discarding).toBeUndefined();
		s = rules(s, {type: 'back'}, {type: 'discard'});
		expect(rulesOutcome(s)).toEqual({status: 'left'});
		expect(s.add).toEqual([]);

		// Not fixed: y goes back to the group list with nothing queued.
		const loose = rules(queued(atRules()), {type: 'back'}, {type: 'discard'});
		expect(loose).toMatchObject({step: 'group', status: 'editing', add: [], remove: []});
		// Removals count as changes too; with nothing queued Esc leaves at once.
		expect(rules(atRules(), {type: 'toggle', index: 0}, {type: 'back'}).discarding).toBe(true);
		expect(rules(atRules(), {type: 'back'}).step).toBe('group');
		// Ctrl+C during the question cancels as ever.
		expect(rulesOutcome(rules(fixed, {type: 'back'}, {type: 'cancel'}))).toEqual({status: 'cancelled'});
	});

	it('Ctrl+C while calls run waits for the call in flight, then ends with what was done; twice leaves at once', () => {
		let s = rules(
			atRules(),
			{type: 'open', step: 'manual'},
			{type: 'add', rule: presetRule('http')},
			{type: 'review'},
		);
		const plan = planRuleChange(
			{regionId: 'cn-hangzhou', groupId: 'sg-web', vpcId: 'vpc-1'},
			s.check as never,
		);
		s = rules(s, {type: 'confirm', plan}, {type: 'cancel'});
		expect(s).toMatchObject({status: 'cancelled', stopping: true});
		expect(rulesOutcome(s)).toBeUndefined();
		expect(rulesOutcome(rules(s, {type: 'cancel'}))).toEqual({status: 'cancelled'});
		const settled = rules(s, {type: 'applied', outcome: {...ok, cancelled: true}});
		expect(rulesOutcome(settled)).toMatchObject({status: 'cancelled', outcome: {cancelled: true}});
		expect(exitCodeOf(rulesOutcome(settled) ?? {status: 'left'})).toBe(130);
	});

	it('queues what the flags asked once the rules are read; a removal that matches nothing is said', () => {
		const queued = (r: Rule[]) => ({regionId: 'cn-hangzhou', groupId: 'sg-web', queue: {add: [], remove: r}});
		const s = rules(
			initialRulesState(
				queued([
					{...ssh, priority: 1},
					{...ssh, portRange: '80/80'},
				]),
			),
			{type: 'detail', detail},
		);
		expect(s.remove).toHaveLength(1);
		expect(s.problem).toMatch(/No rule of the group matches TCP 80/);
		// Read again later (after a round): the queue is not put in twice.
		expect(rules(s, {type: 'toggle', index: 0}, {type: 'detail', detail}).remove).toEqual([]);
	});
});

const inst = (id: string, groups: string[], over: Partial<Instance> = {}): Instance => ({
	id,
	name: id,
	status: 'Running',
	regionId: 'cn-hangzhou',
	zoneId: 'z',
	vpcId: 'vpc-1',
	privateIp: '10.0.0.1',
	securityGroupIds: groups,
	...over,
});
const members: Members = {
	group: summary,
	instances: [
		inst('i-member', ['sg-web', 'sg-other']),
		inst('i-only', ['sg-web']),
		inst('i-free', ['sg-other']),
		inst('i-ent', ['sg-ent']),
		inst('i-busy', ['sg-other'], {status: 'Starting'}),
	],
	groups: [
		summary,
		{...summary, id: 'sg-other', name: 'other'},
		{...summary, id: 'sg-ent', name: 'ent', type: 'enterprise'},
	],
};
const inst$ = (state: InstancesState, ...actions: InstancesAction[]) =>
	run(instancesReducer, state, ...actions);

describe('instances reducer', () => {
	const atList = () =>
		inst$(initialInstancesState({regionId: 'cn-hangzhou', groupId: 'sg-web'}), {type: 'members', members});

	it('selecting a member means leaving, anyone else joining; refused ones say why and stay unselected', () => {
		let s = inst$(atList(), {type: 'toggle', instanceId: 'i-member'}, {type: 'toggle', instanceId: 'i-free'});
		expect(s.selected).toEqual([
			{instanceId: 'i-member', change: 'leave'},
			{instanceId: 'i-free', change: 'join'},
		]);
		s = inst$(s, {type: 'toggle', instanceId: 'i-only'});
		expect(s.problem).toMatch(/at least one security group/);
		s = inst$(s, {type: 'toggle', instanceId: 'i-ent'});
		expect(s.problem).toMatch(/normal and enterprise/);
		s = inst$(s, {type: 'toggle', instanceId: 'i-busy'});
		expect(s.problem).toMatch(/Running or Stopped/);
		expect(s.selected).toHaveLength(2);
		s = inst$(s, {type: 'toggle', instanceId: 'i-member'});
		expect(s.selected).toEqual([{instanceId: 'i-free', change: 'join'}]);
	});

	it('Ctrl+A selects every shown instance that can join, and again clears them', () => {
		const ids = members.instances.map((i) => i.id);
		const all = inst$(atList(), {type: 'toggle-all', instanceIds: ids});
		expect(all.selected).toEqual([{instanceId: 'i-free', change: 'join'}]);
		expect(inst$(all, {type: 'toggle-all', instanceIds: ids}).selected).toEqual([]);
	});

	it('reviews only a selection, applies once, and reports the round', () => {
		let s = inst$(atList(), {type: 'review'});
		expect(s.problem).toMatch(/Nothing is selected/);
		s = inst$(s, {type: 'toggle', instanceId: 'i-free'}, {type: 'review'});
		expect(s.step).toBe('review');
		const plan = planMembership({regionId: 'cn-hangzhou', groupId: 'sg-web'}, s.selected);
		s = inst$(s, {type: 'confirm', plan});
		expect(inst$(s, {type: 'toggle', instanceId: 'i-member'})).toBe(s);
		s = inst$(s, {
			type: 'applied',
			outcome: {outcomes: [{call: plan.calls[0] as never, state: 'done'}], cancelled: false},
		});
		expect(s).toMatchObject({step: 'done', rounds: 1, selected: []});
		s = inst$(s, {type: 'quit'});
		expect(instancesOutcome(s)).toMatchObject({status: 'applied', groupId: 'sg-web'});
	});

	it('Esc with instances selected asks first: n (or Esc) keeps them, y drops them and leaves', () => {
		const fixed = inst$(
			initialInstancesState({regionId: 'cn-hangzhou', groupId: 'sg-web', fixed: true}),
			{type: 'members', members},
			{type: 'toggle', instanceId: 'i-free'},
		);
		let s = inst$(fixed, {type: 'back'});
		expect(s).toMatchObject({step: 'instances', status: 'editing', discarding: true});
		expect(s.selected).toHaveLength(1);
		expect(inst$(s, {type: 'toggle', instanceId: 'i-member'})).toBe(s);
		s = inst$(s, {type: 'keep'});
		expect(s.discarding).toBeUndefined();
		expect(s.selected).toHaveLength(1);
		s = inst$(s, {type: 'back'}, {type: 'discard'});
		expect(instancesOutcome(s)).toEqual({status: 'left'});
		expect(s.selected).toEqual([]);
		const loose = inst$(atList(), {type: 'toggle', instanceId: 'i-free'}, {type: 'back'}, {type: 'discard'});
		expect(loose).toMatchObject({step: 'group', status: 'editing', selected: []});
		expect(inst$(atList(), {type: 'back'}).step).toBe('group');
	});

	it('pre-selects what the flags named, saying what cannot be', () => {
		const s = inst$(
			initialInstancesState({
				regionId: 'cn-hangzhou',
				groupId: 'sg-web',
				select: {change: 'join', instanceIds: ['i-free', 'i-ent', 'i-member', 'i-nowhere']},
			}),
			{type: 'members', members},
		);
		expect(s.selected).toEqual([{instanceId: 'i-free', change: 'join'}]);
		expect(s.problem).toMatch(/normal and enterprise/);
		expect(s.problem).toMatch(/i-nowhere is not an instance of vpc-1/);
	});
});

describe('the rule form', () => {
	/** `value` typed into `field` (the one form `rules` and the create wizard share, steps/rule-form.ts). */
	const answer = (form: RuleForm, field: RuleForm['field'], value: string) =>
		formReducer({...form, field}, {type: 'text', value});
	const run = (form: RuleForm, ...actions: FormAction[]) => actions.reduce(formReducer, form);
	const refused = (form: RuleForm) => {
		const saved = saveForm(form);
		if (saved.ok) throw new Error(`saved ${JSON.stringify(saved.rule)}`);
		return saved;
	};

	it('asks every field for tcp and builds the rule', () => {
		let f = newForm('egress');
		expect(f.field).toBe('ports');
		f = answer(f, 'ports', '8000-8100');
		f = answer(f, 'peer', '10.0.0.0/8');
		f = run({...f, field: 'policy'}, {type: 'cycle', by: 1});
		f = answer(f, 'priority', '7');
		expect(saveForm(answer(f, 'description', 'batch jobs'))).toEqual({
			ok: true,
			rule: {
				direction: 'egress',
				protocol: 'tcp',
				portRange: '8000/8100',
				peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
				policy: 'drop',
				priority: 7,
				description: 'batch jobs',
			},
		});
	});

	it('skips the ports for icmp, and going back skips them too', () => {
		const f = run({...newForm('ingress'), field: 'protocol'}, {type: 'cycle', by: 2});
		expect(f.protocol).toBe('icmp');
		const next = run(f, {type: 'move', by: 1});
		expect(next.field).toBe('peerKind');
		expect(run(next, {type: 'move', by: -1}).field).toBe('protocol');
		// Nothing before the first field: Esc (not ↑) leaves the form.
		expect(run({...f, field: 'direction'}, {type: 'move', by: -1}).field).toBe('direction');
	});

	it('refuses each bad value with the validators’ reason, quoting what was typed', () => {
		const udp = {...newForm('ingress'), protocol: 'udp' as const};
		expect(refused(answer(udp, 'ports', '0'))).toMatchObject({field: 'ports'});
		expect(refused(answer(udp, 'ports', 'http'))).toMatchObject({
			field: 'ports',
			problem: expect.stringContaining('"http"'),
		});
		const cidr = answer(udp, 'ports', '53');
		expect(refused(answer(cidr, 'peer', '10.0.0.0/33'))).toMatchObject({field: 'peer'});
		const priority = answer(cidr, 'peer', '10.0.0.0/8');
		expect(refused(answer(priority, 'priority', 'high'))).toMatchObject({
			field: 'priority',
			problem: expect.stringContaining('"high"'),
		});
		expect(refused(answer(priority, 'priority', '0'))).toMatchObject({field: 'priority'});
		const description = answer(priority, 'priority', '100');
		expect(refused(answer(description, 'description', 'https://example.com'))).toMatchObject({
			field: 'description',
		});
	});
});
