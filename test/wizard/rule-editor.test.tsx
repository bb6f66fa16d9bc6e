// The create wizard's rule editor on screen (issue 12 item 3): a rule added field by field with a group peer
// picked from the region's live list (filtered as typed), a prefix list from DescribePrefixLists, a group of
// another VPC refused with the reason, the console's presets defaulting to the VPC CIDR, an existing rule
// edited in both directions, and every key whole at 50x20.
import {useState, useSyncExternalStore} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {PrefixList, Rule, SecurityGroupSummary, Vpc} from '../../source/domain/model.js';
import {templateRules} from '../../source/domain/rules.js';
import {width} from '../../source/text/index.js';
import {App} from '../../source/wizard/app.js';
import {CloudData} from '../../source/wizard/cloud-data.js';
import {RuleEditor} from '../../source/wizard/steps/rule-editor.js';
import {fakeServices, makeVpcs} from '../helpers/fake-api.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const REGION = 'cn-hangzhou';
const VPC = 'vpc-app1';
const VPC_CIDR = '172.16.0.0/12';
const NARROW = {columns: 50, rows: 20};

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
const GROUPS = [
	group('sg-app1', 'app-tier', VPC),
	group('sg-web1', 'web-tier', VPC),
	group('sg-far1', 'far-tier', 'vpc-other1'),
];
const LISTS: PrefixList[] = [
	{
		id: 'pl-office6',
		name: 'office-v6',
		addressFamily: 'IPv6',
		description: 'office',
		maxEntries: 10,
		associationCount: 0,
	},
	{
		id: 'pl-office4',
		name: 'office-v4',
		addressFamily: 'IPv4',
		description: 'office',
		maxEntries: 10,
		associationCount: 0,
	},
];

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
});

function world() {
	const services = fakeServices({groups: GROUPS});
	vi.spyOn(services.api, 'describePrefixLists').mockResolvedValue(LISTS);
	return services;
}

/** The editor as the Template step holds it: the rules in state, re-rendered as the loader hears back. */
function Harness({
	start,
	data,
	vpc,
	seen,
}: {
	readonly start: Rule[];
	readonly data: CloudData;
	readonly vpc?: {id: string; cidr?: string};
	readonly seen: {rules: Rule[]};
}) {
	const [rules, setRules] = useState(start);
	useSyncExternalStore(data.subscribe, data.getVersion);
	return (
		<RuleEditor
			title="db-tier"
			rules={rules}
			onChange={(next) => {
				seen.rules = next;
				setRules(next);
			}}
			onDone={() => {}}
			height={12}
			regionId={REGION}
			data={data}
			vpc={vpc}
		/>
	);
}

function editor(options: {rules?: Rule[]; vpc?: {id: string; cidr?: string}} = {}) {
	const services = world();
	const data = new CloudData(services.api, undefined, 'en-US');
	const seen = {rules: options.rules ?? []};
	const s = renderInk(<Harness start={seen.rules} data={data} vpc={options.vpc} seen={seen} />, {
		columns: 100,
		rows: 30,
	});
	session = s;
	return {s, services, last: () => seen.rules};
}

describe('the rule editor', () => {
	it('adds MySQL from a group picked from the live list (filtered as typed), as a drop at priority 1', async () => {
		const {s, last, services} = editor({vpc: {id: VPC}});
		await s.waitFor('Enter done');
		await s.press('a');
		await s.waitFor('New rule for db-tier');
		await s.type('3306');
		// Down to the source type, two to the right is a security group, down to it, Enter opens the list.
		await s.press(keys.down, keys.right, keys.right);
		await s.waitFor('‹ Security group ›');
		await s.press(keys.down, keys.enter);
		await s.waitFor('Security groups in cn-hangzhou');
		await s.waitFor('app-tier');
		await s.type('app-t');
		const list = await s.waitFor('(1 of 3)');
		expect(list).not.toContain('web-tier');
		await s.press(keys.enter);
		await s.waitFor('app-tier (sg-app1)');
		// The cursor is on the policy now: right is drop.
		await s.press(keys.right);
		await s.waitFor('‹ drop ›');
		await s.press(keys.down, keys.down);
		await s.type('from app');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+3306\s+app-tier \(sg-app1\)\s+drop\s+1\s+from app/);
		expect(last()).toEqual([
			{
				direction: 'ingress',
				protocol: 'tcp',
				portRange: '3306/3306',
				peer: {kind: 'group', groupId: 'sg-app1', name: 'app-tier'},
				policy: 'drop',
				priority: 1,
				description: 'from app',
			},
		]);
		// The list came through the wizard's one loader, once.
		expect(services.api.calls.filter((c) => c.method === 'describeSecurityGroups')).toHaveLength(1);
	});

	it('keeps text typed in the same chunk as the arrow that leaves its field (a paste, tmux send-keys)', async () => {
		const {s, last} = editor();
		await s.waitFor('Enter done');
		await s.press('a');
		await s.waitFor('New rule for db-tier');
		// Each write is one chunk: the text, then the arrow that moves on, then more text and arrows.
		await s.press(`80${keys.down}${keys.down}10.1.0.0/16${keys.down}${keys.down}${keys.down}web${keys.up}`);
		await s.waitFor(/Ports\s+80\b/);
		await s.press(`7${keys.up}${keys.up}${keys.up}`);
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+80\s+10\.1\.0\.0\/16\s+accept\s+7\s+web/);
		expect(last()[0]).toMatchObject({
			portRange: '80/80',
			peer: {kind: 'ipv4', cidr: '10.1.0.0/16'},
			priority: 7,
			description: 'web',
		});
		// Enter in the chunk saves the form as the keys before it left it.
		await s.press('a');
		await s.waitFor('New rule for db-tier');
		await s.press('443\r');
		await s.waitFor(/TCP\s+443\s+0\.0\.0\.0\/0/);
		expect(last().map((r) => r.portRange)).toContain('443/443');
	});

	it("takes the keys after those that open a peer's list in the same chunk: the list gets them", async () => {
		const {s, last} = editor({vpc: {id: VPC}});
		await s.waitFor('Enter done');
		await s.press('a');
		await s.waitFor('New rule for db-tier');
		await s.press(`22${keys.down}${keys.right}${keys.right}${keys.down}`);
		await s.waitFor(/Source type\s+Security group/);
		// Typing on the peer opens its list; the Enter in the same write chooses what the filter left.
		await s.press('app-t\r');
		await s.waitFor('app-tier (sg-app1)');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+22\s+app-tier \(sg-app1\)/);
		expect(last()[0]?.peer).toEqual({kind: 'group', groupId: 'sg-app1', name: 'app-tier'});
	});

	it('refuses a group in another VPC with the reason, and keeps the form', async () => {
		const {s, last} = editor({vpc: {id: VPC}});
		await s.waitFor('Enter done');
		await s.press('a');
		await s.waitFor('New rule for');
		await s.type('5432');
		await s.press(keys.down, keys.right, keys.right, keys.down);
		await s.type('far');
		await s.waitFor('Security groups in');
		const frame = await s.waitFor('(1 of 3)');
		expect(frame).toMatch(/far-tier\s+sg-far1\s+vpc-other1\s+other VPC/);
		await s.press(keys.enter);
		const refused = (await s.waitFor('the API refuses')).replace(/\s+/g, ' ');
		expect(refused).toContain(
			'far-tier is in vpc-other1, but this group is made in vpc-app1: the API refuses a peer group in another VPC.',
		);
		await s.press(keys.escape, keys.escape);
		await s.waitFor('New rule for');
		expect(last()).toEqual([]);
	});

	it('takes an IPv6 block typed, and a prefix list from DescribePrefixLists', async () => {
		const {s, last} = editor();
		await s.waitFor('Enter done');
		await s.press('a');
		await s.waitFor('New rule for');
		await s.type('443');
		await s.press(keys.down, keys.down);
		await s.type('2001:db8::/32');
		await s.waitFor('IPv6 CIDR');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+443\s+2001:db8::\/32/);
		await s.press('a');
		await s.waitFor('New rule for');
		await s.type('443');
		await s.press(keys.down, keys.left);
		await s.waitFor('‹ Prefix list ›');
		await s.press(keys.down);
		await s.type('v6');
		await s.waitFor('Prefix lists in cn-hangzhou');
		await s.waitFor(/office-v6\s+pl-office6\s+IPv6/);
		await s.press(keys.enter);
		await s.waitFor('office-v6 (pl-office6)');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+443\s+office-v6 \(pl-office6\)/);
		expect(last().map((r) => r.peer)).toEqual([
			{kind: 'ipv6', cidr: '2001:db8::/32'},
			{kind: 'prefix-list', prefixListId: 'pl-office6', name: 'office-v6'},
		]);
	});

	it("offers the console's quick-add ports, SSH starting from the VPC's CIDR", async () => {
		const {s, last} = editor({vpc: {id: VPC, cidr: VPC_CIDR}});
		await s.waitFor('Enter done');
		await s.press('p');
		const frame = await s.waitFor('Quick add to db-tier');
		// The console's order; the window shows the first of them, the rest below.
		expect(frame).toMatch(/SSH[\s\S]*Telnet[\s\S]*HTTP[\s\S]*HTTPS[\s\S]*MS SQL[\s\S]*Oracle[\s\S]*MySQL/);
		expect(frame).toMatch(/MS SQL\s+TCP 1433\s+172\.16\.0\.0\/12/);
		expect(frame).toMatch(/HTTPS\s+TCP 443\s+0\.0\.0\.0\/0/);
		expect(frame).toMatch(/SSH\s+TCP 22\s+172\.16\.0\.0\/12/);
		await s.type('ssh');
		await s.press(keys.enter);
		await s.waitFor('New rule for');
		expect(s.lastFrame()).toContain('172.16.0.0/12');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+22\s+172\.16\.0\.0\/12/);
		expect(last()[0]).toMatchObject({
			portRange: '22/22',
			peer: {kind: 'ipv4', cidr: VPC_CIDR},
			description: 'SSH',
		});
	});

	it('edits every field of an existing rule: outbound, UDP, priority 5', async () => {
		const {s, last} = editor({rules: templateRules('web-linux').slice(0, 1)});
		await s.waitFor('Enter done');
		await s.press('e');
		await s.waitFor('Editing rule 1 of 1 of db-tier');
		await s.press(keys.right);
		await s.waitFor('‹ outbound ›');
		expect(s.lastFrame()).toContain('Destination type');
		await s.press(keys.down, keys.right);
		await s.waitFor('‹ UDP ›');
		for (let i = 0; i < 5; i++) await s.press(keys.down);
		await s.type('5');
		await s.press(keys.enter);
		await s.waitFor(/outbound\s+UDP\s+80\s+0\.0\.0\.0\/0\s+accept\s+5/);
		expect(last()[0]).toMatchObject({direction: 'egress', protocol: 'udp', priority: 5});
	});

	it('says why e does nothing when there is no rule', async () => {
		const {s} = editor();
		await s.waitFor('Enter done');
		await s.press('e');
		await s.waitFor('No rule to change yet');
	});
});

/** No line wider than the terminal, each hint shown whole, the keys not cut with an ellipsis. */
function expectUncut(frame: string, whole: readonly string[]) {
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThan(NARROW.rows);
	for (const line of lines) expect(width(line)).toBeLessThanOrEqual(NARROW.columns);
	// Only table cells may be cut: the key lines (hints joined by " · ") never.
	for (const line of lines.filter((l) => l.includes(' · ') || /^(Enter|Esc|↑↓) /.test(l)))
		expect(line.trimEnd().endsWith('…'), line).toBe(false);
	const flat = frame.replace(/\s+/g, ' ');
	for (const text of whole) expect(flat).toContain(text);
}

describe('the rule editor at 50x20: no hint is cut', () => {
	it('the list of rules, the form, the group list and the presets', async () => {
		const services = world();
		session = renderInk(
			<App services={services} initial={{answers: {regionId: REGION}}} onExit={() => {}} />,
			NARROW,
		);
		await session.waitFor('Rules of');
		await session.press(keys.tab);
		const rules = await session.waitFor('Editing');
		expectUncut(rules, ['e edit rule', 's change source', 'd delete', 'a add', 'p presets', 'Enter done']);
		await session.press('a');
		const form = await session.waitFor('New rule for');
		expectUncut(form, ['↑↓ field', 'Enter save rule', 'Esc discard', 'Description']);
		await session.press(keys.enter);
		const refused = await session.waitFor('Type the ports');
		expectUncut(refused, [
			'Enter save rule',
			'Esc discard',
			'Type the ports: a port (22) or a range (8000-8100).',
		]);
		await session.press(keys.down, keys.right, keys.right);
		const choice = await session.waitFor('‹ Security group ›');
		expectUncut(choice, ['←→ change', 'Esc discard']);
		await session.press(keys.down);
		expectUncut(await session.waitFor('pick a group'), ['Enter pick a group', 'Esc discard']);
		await session.press(keys.enter);
		const picker = await session.waitFor('app-tier');
		expectUncut(picker, ['Enter choose', 'type filter', 'Esc back']);
		// Esc leaves the list for the form, the form for the rules.
		await session.press(keys.escape, keys.escape);
		await session.waitFor('Enter done');
		await session.press('p');
		const presets = await session.waitFor('Quick add');
		expectUncut(presets, ['Enter choose', 'type filter', 'Esc back']);
	});
});

describe('a group peer chosen before the VPC', () => {
	const vpcs = makeVpcs(REGION, 3);
	const far = vpcs[2] as Vpc;
	const peerRule: Rule = {
		direction: 'ingress',
		protocol: 'tcp',
		portRange: '3306/3306',
		peer: {kind: 'group', groupId: 'sg-peer1'},
		policy: 'accept',
		priority: 1,
	};
	const answers = {
		regionId: REGION,
		template: 'custom' as const,
		rules: [peerRule],
		name: 'db-tier',
		description: '',
		network: 'vpc' as const,
	};
	const services = () =>
		fakeServices({groups: [group('sg-peer1', 'app-tier', far.id)], vpcs: {[REGION]: vpcs}});

	it("offers the peer group's VPC first on the VPC step", async () => {
		session = renderInk(<App services={services()} initial={{answers}} onExit={() => {}} />, {
			columns: 100,
			rows: 30,
		});
		const frame = await session.waitFor(new RegExp(`❯ ${far.name}\\s+${far.id}`));
		expect(frame).not.toMatch(/❯ default-vpc/);
	});

	it('warns on Review when another VPC was chosen, and names the peer', async () => {
		const chosen = vpcs[0] as Vpc;
		session = renderInk(
			<App services={services()} initial={{answers: {...answers, vpcId: chosen.id}}} onExit={() => {}} />,
			{columns: 100, rows: 30},
		);
		const frame = (await session.waitFor('the API refuses it')).replace(/\s+/g, ' ');
		expect(frame).toContain(`Rule peer app-tier (sg-peer1) is in ${far.id}, not in ${chosen.id}`);
		expect(frame).toContain('Press 2 to change the rules or 6 the VPC.');
		expect(frame).toMatch(/TCP 3306 app-tier \(sg-peer1\) accept/);
	});
});
