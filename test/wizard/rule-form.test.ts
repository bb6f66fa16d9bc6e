// The rule editor's form as a pure reducer (issue 12 item 3): every field of a rule, each refused by the same
// validator the `--rule` flags path uses, a group or prefix list picked rather than typed, and the VPC rule of
// group peers.
import {describe, expect, it} from 'vitest';
import type {Rule, SecurityGroupSummary} from '../../source/domain/model.js';
import {normalisePorts, parseRuleSpec} from '../../source/domain/rules.js';
import {
	validateIpv6Cidr,
	validatePortRange,
	validateProtocolForPeer,
	validateRuleDescription,
} from '../../source/domain/validators.js';
import {t} from '../../source/text/index.js';
import {
	groupItems,
	groupRefusal,
	namedPeers,
	peerVpcWarnings,
} from '../../source/wizard/steps/peer-picker.js';
import {vpcScope} from '../../source/wizard/steps/rule-editor.js';
import {
	activeFields,
	type FormAction,
	formOf,
	formReducer,
	newForm,
	type RuleForm,
	saveForm,
} from '../../source/wizard/steps/rule-form.js';

const APP_VPC = 'vpc-app1';
const OTHER_VPC = 'vpc-other1';

const group = (id: string, name: string, vpcId: string): SecurityGroupSummary => ({
	id,
	name,
	description: '',
	vpcId,
	type: 'normal',
	creationTime: '2026-01-01T00:00:00Z',
	resourceGroupId: '',
	tags: [],
});
const APP = group('sg-app1', 'app-tier', APP_VPC);
const ELSEWHERE = group('sg-far1', 'far-tier', OTHER_VPC);

const run = (form: RuleForm, ...actions: FormAction[]): RuleForm => actions.reduce(formReducer, form);
/** The form with the cursor on `field`, then `value` typed into it. */
const typed = (form: RuleForm, field: RuleForm['field'], value: string): RuleForm =>
	formReducer({...form, field}, {type: 'text', value});

const refusal = (form: RuleForm) => {
	const saved = saveForm(form);
	if (saved.ok) throw new Error(`saved ${JSON.stringify(saved.rule)}`);
	return saved;
};

describe('the rule form', () => {
	it('starts a new rule as the API does, ports to type, and refuses it until they are typed', () => {
		const form = newForm();
		expect(form).toMatchObject({direction: 'ingress', protocol: 'tcp', policy: 'accept', priority: '1'});
		expect(form.field).toBe('ports');
		expect(refusal(form)).toMatchObject({field: 'ports'});
		const saved = saveForm(typed(form, 'ports', '443'));
		expect(saved).toEqual({
			ok: true,
			rule: {
				direction: 'ingress',
				protocol: 'tcp',
				portRange: '443/443',
				peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
				policy: 'accept',
				priority: 1,
			},
		});
	});

	it('refuses an address with host bits as --rule does (10.0.0.5/24 means 10.0.0.0/24)', () => {
		const base = typed(newForm(), 'ports', '22');
		const saved = refusal(typed(base, 'peer', '10.0.0.5/24'));
		expect(saved).toMatchObject({field: 'peer'});
		const flags = parseRuleSpec('tcp:22:10.0.0.5/24');
		expect(flags.ok ? '' : flags.problem).toContain(saved.problem);
		expect(saved.problem).toContain('10.0.0.0/24');
	});

	it('refuses each field with the validator the flags path uses, on that field', () => {
		const base = typed(newForm(), 'ports', '22');
		const ports = refusal(typed(base, 'ports', '99999'));
		expect(ports).toEqual({
			ok: false,
			field: 'ports',
			problem: validatePortRange('tcp', normalisePorts('tcp', '99999'), '99999'),
		});
		// The same words as `--rule tcp:99999:…`.
		const flags = parseRuleSpec('tcp:99999:0.0.0.0/0');
		expect(flags.ok ? '' : flags.problem).toContain(ports.problem);

		const six = run(base, {type: 'move', by: 1}, {type: 'cycle', by: 1});
		expect(six.peerKind).toBe('ipv6');
		expect(refusal(typed(six, 'peer', 'zz'))).toEqual({
			ok: false,
			field: 'peer',
			problem: validateIpv6Cidr('zz'),
		});

		expect(refusal(typed(base, 'priority', '101'))).toEqual({
			ok: false,
			field: 'priority',
			problem: t('domain.rule.priority', {value: '101'}),
		});
		expect(refusal(typed(base, 'priority', 'high')).problem).toContain('high');
		expect(refusal(typed(base, 'description', 'http://x'))).toEqual({
			ok: false,
			field: 'description',
			problem: validateRuleDescription('http://x'),
		});

		const icmpOnSix = typed({...newForm(), protocol: 'icmp'}, 'peer', '2001:db8::/32');
		expect(refusal(icmpOnSix)).toEqual({
			ok: false,
			field: 'protocol',
			problem: validateProtocolForPeer('icmp', {kind: 'ipv6', cidr: '2001:db8::/32'}),
		});
	});

	it('cycles the choices both ways and hides the ports of protocols without them', () => {
		let form: RuleForm = {...newForm(), field: 'direction'};
		form = run(form, {type: 'cycle', by: 1});
		expect(form.direction).toBe('egress');
		form = run(form, {type: 'cycle', by: -1});
		expect(form.direction).toBe('ingress');
		form = run(form, {type: 'move', by: 1}, {type: 'cycle', by: 1}, {type: 'cycle', by: 1});
		expect(form.protocol).toBe('icmp');
		expect(activeFields(form)).not.toContain('ports');
		// Down from the protocol skips the hidden ports field.
		expect(run(form, {type: 'move', by: 1}).field).toBe('peerKind');
		form = run({...form, field: 'policy'}, {type: 'cycle', by: 1});
		expect(form.policy).toBe('drop');
		// An icmp rule saves with the API's -1/-1 whatever was typed before.
		const saved = saveForm(form);
		expect(saved.ok && saved.rule).toMatchObject({protocol: 'icmp', portRange: '-1/-1', policy: 'drop'});
	});

	it('switches the address family to what is typed', () => {
		const form = typed(newForm(), 'peer', '2001:db8::/32');
		expect(form.peerKind).toBe('ipv6');
		expect(typed(form, 'peer', '10.1.0.0/16').peerKind).toBe('ipv4');
	});

	it('takes a group or prefix list only as picked, keeping its name', () => {
		let form = typed(newForm(), 'ports', '3306');
		form = run(form, {type: 'move', by: 1}, {type: 'cycle', by: 1}, {type: 'cycle', by: 1});
		expect(form.peerKind).toBe('group');
		expect(refusal(form)).toEqual({ok: false, field: 'peer', problem: t('wizard.form.pickGroup')});
		form = run(form, {type: 'pick', peer: {kind: 'group', groupId: APP.id, name: APP.name}});
		expect(form.field).toBe('policy');
		const saved = saveForm(form);
		expect(saved.ok && saved.rule.peer).toEqual({kind: 'group', groupId: 'sg-app1', name: 'app-tier'});
		// Changing the type away and back drops a pick of the other kind.
		const list = run({...form, field: 'peerKind'}, {type: 'cycle', by: 1});
		expect(list.peerKind).toBe('prefix-list');
		expect(refusal(list).problem).toBe(t('wizard.form.pickPrefixList'));
	});

	it('holds an existing rule field for field, and saves it back unchanged', () => {
		const rules: Rule[] = [
			{
				direction: 'egress',
				protocol: 'udp',
				portRange: '8000/8100',
				peer: {kind: 'ipv6', cidr: '2001:db8::/32'},
				policy: 'drop',
				priority: 7,
				description: 'block',
			},
			{
				direction: 'ingress',
				protocol: 'tcp',
				portRange: '443/443',
				peer: {kind: 'prefix-list', prefixListId: 'pl-office6', name: 'office-v6'},
				policy: 'accept',
				priority: 1,
			},
			{
				direction: 'ingress',
				protocol: 'all',
				portRange: '-1/-1',
				peer: {kind: 'group', groupId: 'sg-app1', name: 'app-tier'},
				policy: 'accept',
				priority: 100,
			},
		];
		for (const rule of rules) expect(saveForm(formOf(rule))).toEqual({ok: true, rule});
	});
});

describe('group peers and the VPC', () => {
	it('refuses a group of another VPC than the one chosen, or than a peer group already named', () => {
		const chosen = vpcScope([], {id: APP_VPC}, [APP, ELSEWHERE]);
		expect(groupRefusal(APP, chosen)).toBeUndefined();
		expect(groupRefusal(ELSEWHERE, chosen)).toBe(
			t('wizard.picker.otherVpc', {group: 'far-tier', where: OTHER_VPC, vpc: APP_VPC}),
		);
		// The VPC not chosen yet: no limit until a rule names a group, then that group's VPC.
		expect(vpcScope([], undefined, [APP, ELSEWHERE])).toBeUndefined();
		const peer: Rule = {
			direction: 'ingress',
			protocol: 'tcp',
			portRange: '3306/3306',
			peer: {kind: 'group', groupId: APP.id},
			policy: 'accept',
			priority: 1,
		};
		const scope = vpcScope([peer], undefined, [APP, ELSEWHERE]);
		expect(scope).toEqual({vpcId: APP_VPC, because: 'peer', peerName: 'app-tier'});
		expect(groupRefusal(ELSEWHERE, scope)).toContain('app-tier');
		// Editing that very rule, its own peer does not hold the others back.
		expect(vpcScope([peer], undefined, [APP, ELSEWHERE], 0)).toBeUndefined();
		// The list shows the pickable first, each with its VPC, the others marked.
		const items = groupItems([ELSEWHERE, APP], chosen);
		expect(items.map((i) => i.key)).toEqual(['sg-app1', 'sg-far1']);
		expect(items[0]?.cells).toEqual(['app-tier', 'sg-app1', APP_VPC]);
		expect(items[1]?.mark).toBe(t('wizard.picker.otherVpcMark'));
	});

	it('names group peers typed by id and warns on Review of one in another VPC', () => {
		const rule: Rule = {
			direction: 'ingress',
			protocol: 'tcp',
			portRange: '3306/3306',
			peer: {kind: 'group', groupId: ELSEWHERE.id},
			policy: 'accept',
			priority: 1,
		};
		expect(namedPeers([rule], [APP, ELSEWHERE])[0]?.peer).toEqual({
			kind: 'group',
			groupId: 'sg-far1',
			name: 'far-tier',
		});
		const keys = {rulesKey: '2', vpcKey: '6'};
		expect(peerVpcWarnings([rule], [APP, ELSEWHERE], APP_VPC, keys)).toEqual([
			t('wizard.review.peerVpc', {group: 'far-tier (sg-far1)', where: OTHER_VPC, vpc: APP_VPC, ...keys}),
		]);
		expect(peerVpcWarnings([rule], [APP, ELSEWHERE], OTHER_VPC, keys)).toEqual([]);
	});
});
