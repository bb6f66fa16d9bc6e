// `ecs-sg rules` in a real terminal against the sandbox, editing and then removing one rule of each peer kind
// (IPv4, IPv6, another group, a prefix list) in place; what the group really holds is read with pop-core.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {followup, followupState, ids, makeGroup, region, vpcId} from './followup-helpers.js';
import {keys, openWorld, type World} from './wizard-helpers.js';

const IPV6 = '2001:db8::/32';
const IPV6_NARROW = '2001:db8:1::/48';
/** Ctrl+U: clears a text input. */
const clear = '\u0015';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

type Permission = Record<string, string | number>;

/** The group's inbound rules as `proto ports peer policy priority description` plus their rule ids (pop-core). */
async function inbound(groupId: string): Promise<{rules: string[]; ids: string[]}> {
	const answer = (await world.ecs.request(
		'DescribeSecurityGroupAttribute',
		{RegionId: region, SecurityGroupId: groupId, Direction: 'ingress'},
		{method: 'POST'},
	)) as {Permissions: {Permission: Permission[]}};
	const list = answer.Permissions.Permission;
	const peerOf = (p: Permission) =>
		[p.SourceCidrIp, p.Ipv6SourceCidrIp, p.SourceGroupId, p.SourcePrefixListId].find(
			(v) => typeof v === 'string' && v !== '',
		);
	return {
		rules: list
			.map((p) =>
				`${String(p.IpProtocol).toLowerCase()} ${p.PortRange} ${peerOf(p)} ${String(p.Policy).toLowerCase()} ${p.Priority} ${p.Description ?? ''}`.trim(),
			)
			.sort(),
		ids: list.map((p) => String(p.SecurityGroupRuleId)).sort(),
	};
}

async function aPrefixList(): Promise<string> {
	const answer = (await world.ecs.request('DescribePrefixLists', {RegionId: region}, {method: 'POST'})) as {
		PrefixLists: {PrefixList: {PrefixListId: string; AddressFamily: string}[]};
	};
	const list = answer.PrefixLists.PrefixList.find((l) => l.AddressFamily === 'IPv4');
	if (!list) throw new Error('the sandbox seeds no IPv4 prefix list');
	return list.PrefixListId;
}

describe('ecs-sg rules edits and removes every kind of rule in place', () => {
	it('edits an IPv4, an IPv6, a group and a prefix-list rule with Modify, then removes all four', async () => {
		const list = await aPrefixList();
		const group = await makeGroup(world.ecs, region, vpcId, 'mixed');
		await world.ecs.request(
			'AuthorizeSecurityGroup',
			{
				RegionId: region,
				SecurityGroupId: group,
				Permissions: [
					{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'},
					{IpProtocol: 'tcp', PortRange: '443/443', Ipv6SourceCidrIp: IPV6},
					{IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: ids.web},
					{IpProtocol: 'tcp', PortRange: '80/80', SourcePrefixListId: list},
				],
			},
			{method: 'POST'},
		);
		const before = await inbound(group);

		const p = followup(world, 'rules', ['--region', region, '--group', group], {cols: 100, rows: 30});
		await p.waitForText(
			new RegExp(
				`TCP\\s+22\\s+10\\.0\\.0\\.0/8[\\s\\S]*TCP\\s+443\\s+2001:db8::/32[\\s\\S]*TCP\\s+3306[^\\n]*${ids.web}[\\s\\S]*TCP\\s+80[^\\n]*${list}`,
			),
		);

		/** `e` on row `row`, then the fields from the peer on (↓ from the direction): a value replaces one. */
		const edit = async (
			row: number,
			answers: {peer?: string; drop?: boolean; priority?: string; note?: string},
		) => {
			await p.press(keys.home, ...Array<string>(row).fill(keys.down), 'e');
			await p.waitForText(`Editing rule ${row + 1} of 4`);
			await p.press(keys.down, keys.down, keys.down, keys.down);
			await p.waitForText(/❯ Source\s|Source\s+❯/);
			await p.press(...(answers.peer ? [clear, answers.peer] : []), keys.down);
			await p.waitForText('Left and right arrows change this field');
			await p.press(...(answers.drop ? [keys.right] : []), keys.down);
			await p.waitForText('1 to 100, 1 first');
			await p.press(...(answers.priority ? [answers.priority] : []), keys.down);
			await p.waitForText('Optional, up to 512 characters');
			await p.press(...(answers.note ? [answers.note] : []), keys.enter);
			await p.waitForText(/Queued: .* to edit/);
		};
		await edit(0, {drop: true, priority: '9'});
		await edit(1, {peer: IPV6_NARROW});
		await edit(2, {note: 'app tier'});
		await edit(3, {priority: '3'});
		expect(p.screen()).toContain('0 to add, 0 to remove, 4 to edit');

		await p.press(keys.enter);
		const review = await p.waitForText('4 to edit:');
		expect(review.match(/changed in place/g)?.length, review).toBe(4);
		await p.press('y');
		const done = await p.waitForText('4 changed in place.');
		expect(done.match(/✔ ModifySecurityGroupRule \(1 rule\)\s+done/g)?.length).toBe(4);

		const edited = await inbound(group);
		expect(edited.rules).toEqual(
			[
				'tcp 22/22 10.0.0.0/8 drop 9',
				`tcp 443/443 ${IPV6_NARROW} accept 1`,
				`tcp 3306/3306 ${ids.web} accept 1 app tier`,
				`tcp 80/80 ${list} accept 3`,
			].sort(),
		);
		// In place: the same rule ids as before.
		expect(edited.ids).toEqual(before.ids);

		// Another round: remove all four.
		await p.press('m');
		await p.waitForText(/4 of at most 200 rules/);
		for (const row of [0, 1, 2, 3]) await p.press(keys.home, ...Array<string>(row).fill(keys.down), 'd');
		await p.waitForText('0 to add, 4 to remove, 0 to edit');
		await p.press(keys.enter);
		await p.waitForText('0 to add, 4 to remove: 4 → 0 rules');
		await p.press('y');
		await p.waitForText('Removed 4 rules.');
		await p.press('q');
		expect(await p.exited).toBe(0);
		expect((await inbound(group)).rules).toEqual([]);
	});

	it('replaces a rule whose peer changes kind (new rule first), and keeps it when the new peer is refused', async () => {
		const list = await aPrefixList();
		const group = await makeGroup(world.ecs, region, vpcId, 'swap');
		const doomed = await makeGroup(world.ecs, region, vpcId, 'doomed');
		await world.ecs.request(
			'AuthorizeSecurityGroup',
			{
				RegionId: region,
				SecurityGroupId: group,
				Permissions: [{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'}],
			},
			{method: 'POST'},
		);
		const p = followup(world, 'rules', ['--region', region, '--group', group], {cols: 100, rows: 30});
		await p.waitForText(/TCP\s+22\s+10\.0\.0\.0\/8/);
		/** `e` on the rule, its peer made a group or a prefix list picked from the list by `filter`, then applied. */
		const repoint = async (
			kind: 'group' | 'prefix-list',
			filter: string,
			beforeApply?: () => Promise<unknown>,
		) => {
			await p.press(keys.home, 'e');
			await p.waitForText('Editing rule 1 of 1');
			await p.press(keys.down, keys.down, keys.down, keys.right, keys.right);
			await p.press(...(kind === 'prefix-list' ? [keys.right] : []), keys.down);
			await p.waitForText('none yet: press Enter');
			await p.press(filter);
			await p.waitForText(/\(1 of \d+\)/);
			await p.press(keys.enter);
			await p.waitForText(`(${filter})`);
			await p.press(keys.enter);
			await p.waitForText(/Queued: .* 1 to edit/);
			await p.press(keys.enter);
			await p.waitForText(
				/replaced\s+\(the\s+new\s+rule\s+is\s+added,\s+then\s+the\s+old\s+one\s+removed\s+only\s+if\s+that\s+worked/,
			);
			await beforeApply?.();
			await p.press('y');
		};

		// A group that is gone by the time the change is sent: the authorize is refused, so the old rule is not
		// revoked.
		await repoint('group', doomed, () =>
			world.ecs.request('DeleteSecurityGroup', {RegionId: region, SecurityGroupId: doomed}, {method: 'POST'}),
		);
		const failed = await p.waitForText(/Rules of the group now \(1\)/);
		expect(failed).toMatch(/✖ AuthorizeSecurityGroup \(1 rule\)\s+failed/);
		expect(failed).toMatch(/RevokeSecurityGroup \(1 rule\)\s+not sent/);
		expect(failed).toContain('Kept 1 rule: its replacement was refused.');
		expect(failed).toContain('1 rule was not applied');
		expect((await inbound(group)).rules).toEqual(['tcp 22/22 10.0.0.0/8 accept 1']);

		// A prefix list: added, then the old rule revoked.
		await p.press('m');
		await p.waitForText(/1 of at most 200 rules/);
		await repoint('prefix-list', list);
		const done = await p.waitForText('Removed 1 rule.');
		expect(done).toContain('Added 1 rule.');
		expect((await inbound(group)).rules).toEqual([`tcp 22/22 ${list} accept 1`]);
		await p.press('q');
		expect(await p.exited).toBe(0);
	});

	it('an enterprise group refuses a group peer on the form, saying why, and nothing is sent', async () => {
		const p = followup(world, 'rules', ['--region', region, '--group', ids.isolated], {cols: 100, rows: 30});
		await p.waitForText('Inbound (0)');
		await p.press('a');
		await p.waitForText('New rule for isolated');
		await p.press('3306', keys.down, keys.right, keys.right, keys.down);
		await p.waitForText('none yet: press Enter');
		await p.press(keys.enter);
		await p.waitForText('Only groups in');
		await p.press(ids.web);
		await p.waitForText(/\(1 of \d+\)/);
		await p.press(keys.enter, keys.enter);
		await p.waitForText(`cannot reference another security group (${ids.web})`);
		await p.press(keys.escape);
		await p.waitForText('Inbound (0)');
		expect((await inbound(ids.isolated)).rules).toEqual([]);
		p.kill();
	});
});
