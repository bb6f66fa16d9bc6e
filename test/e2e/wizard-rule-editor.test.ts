// Issue 12's first "Done when": in a pseudo-terminal against the sandbox, a wizard run that creates `db-tier`
// letting MySQL in from the `app-tier` group (picked from the region's live list), HTTPS from an IPv6 block, SSH
// from a prefix list (picked from DescribePrefixLists) and a drop rule at priority 1, all through the Template
// step's rule editor; Review and Done show the peers by name and id; pop-core checks what exists.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {defaultsToReview, keys, openWorld, shownGroupId, vpcNamed, type World} from './wizard-helpers.js';

const REGION = 'cn-hangzhou';
const IPV6 = '2001:db8::/32';
const MYSQL_PRIORITY = '10';

type Permission = {
	Direction: string;
	IpProtocol: string;
	PortRange: string;
	SourceCidrIp: string;
	Ipv6SourceCidrIp: string;
	SourceGroupId: string;
	SourcePrefixListId: string;
	Policy: string;
	Priority: string | number;
};

let world: World;
beforeEach(async () => {
	world = await openWorld();
});
afterEach(async () => {
	await world.close();
});

describe('the rule editor creates every kind of peer', () => {
	it('db-tier: MySQL from app-tier, HTTPS from IPv6, SSH from a prefix list, a drop at priority 1', async () => {
		// app-tier first, in the VPC the wizard will take by default, through the API itself.
		const vpcId = await vpcNamed(world.sandbox, REGION, 'default-vpc');
		const made = (await world.ecs.request(
			'CreateSecurityGroup',
			{RegionId: REGION, VpcId: vpcId, SecurityGroupName: 'app-tier'},
			{method: 'POST'},
		)) as {SecurityGroupId: string};
		const appId = made.SecurityGroupId;

		const p = world.wizard(['--region', REGION], {cols: 100, rows: 30});
		await p.waitForText('Rules of Web Server Linux');
		await p.press(keys.down, keys.down);
		await p.waitForText('Rules of Custom');
		await p.press(keys.tab);
		await p.waitForText('Editing the rules of Custom');

		// MySQL 3306 from the app-tier group: the source type two to the right, the list filtered by typing.
		await p.press('a');
		await p.waitForText('New rule for Custom');
		await p.press('3306', keys.down, keys.right, keys.right);
		await p.waitForText('‹ Security group ›');
		await p.press(keys.down, keys.enter);
		await p.waitForText('Security groups in cn-hangzhou');
		await p.waitForText('app-tier');
		await p.press('app-tier');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		await p.waitForText(`app-tier (${appId})`);
		// The cursor is on the policy: down to the priority, typed over.
		await p.press(keys.down, MYSQL_PRIORITY, keys.enter);
		await p.waitForText(/TCP\s+3306\s+app-tier \(sg-[a-z0-9]+\)\s+accept\s+10/);

		// HTTPS 443 from an IPv6 block: the type follows what is typed.
		await p.press('a');
		await p.waitForText('New rule for Custom');
		await p.press('443', keys.down, keys.down, IPV6);
		await p.waitForText('IPv6 CIDR');
		await p.press(keys.enter);
		await p.waitForText(/TCP\s+443\s+2001:db8::\/32/);

		// SSH 22 from the office IPv6 prefix list, picked from DescribePrefixLists.
		await p.press('a');
		await p.waitForText('New rule for Custom');
		await p.press('22', keys.down, keys.left);
		await p.waitForText('‹ Prefix list ›');
		await p.press(keys.down, 'ipv6');
		await p.waitForText('Prefix lists in cn-hangzhou');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		await p.waitForText(/office-ipv6 \(pl-[a-z0-9]+\)/);
		await p.press(keys.enter);
		await p.waitForText(/TCP\s+22\s+office-ipv6 \(pl-/);

		// A drop of Telnet 23 from anywhere at priority 1 (the form's default priority).
		await p.press('a');
		await p.waitForText('New rule for Custom');
		await p.press('23', keys.down, keys.down, keys.down, keys.right);
		await p.waitForText('‹ drop ›');
		await p.press(keys.enter);
		await p.waitForText(/TCP\s+23\s+0\.0\.0\.0\/0\s+drop\s+1/);

		await p.press(keys.enter);
		await p.waitForText('Rules of Custom');
		await p.press(keys.enter);
		await p.waitForText('Step 3 of 7');
		await p.press('db-tier', keys.enter);
		await defaultsToReview(p);
		const review = await p.waitForText('Step 7 of 7');
		expect(review).toContain(`app-tier (${appId})`);
		expect(review).toMatch(/office-ipv6 \(pl-[a-z0-9]+\)/);
		expect(review).toMatch(/TCP\s+23\s+0\.0\.0\.0\/0\s+drop\s+1/);
		await p.press('y');
		const done = await p.waitForText('Next (follow-up operations)');
		expect(done).toContain(`app-tier (${appId})`);
		expect(done).toMatch(/TCP\s+443\s+2001:db8::\/32/);
		await p.press('q');
		expect(await p.exited).toBe(0);

		// What exists, asked with pop-core directly.
		const id = shownGroupId(done);
		const answer = (await world.ecs.request(
			'DescribeSecurityGroupAttribute',
			{RegionId: REGION, SecurityGroupId: id},
			{method: 'POST'},
		)) as {SecurityGroupName: string; VpcId: string; Permissions: {Permission: Permission[]}};
		expect(answer.SecurityGroupName).toBe('db-tier');
		expect(answer.VpcId).toBe(vpcId);
		const rules = answer.Permissions.Permission.map((r) => ({
			direction: r.Direction,
			protocol: r.IpProtocol.toLowerCase(),
			ports: r.PortRange,
			peer: r.SourceGroupId || r.SourcePrefixListId || r.Ipv6SourceCidrIp || r.SourceCidrIp,
			policy: r.Policy.toLowerCase(),
			priority: Number(r.Priority),
		}));
		const lists = (await world.ecs.request('DescribePrefixLists', {RegionId: REGION}, {method: 'POST'})) as {
			PrefixLists: {PrefixList: {PrefixListId: string; PrefixListName: string}[]};
		};
		const office6 = lists.PrefixLists.PrefixList.find(
			(l) => l.PrefixListName === 'office-ipv6',
		)?.PrefixListId;
		expect(office6).toMatch(/^pl-/);
		expect(rules).toHaveLength(4);
		expect(rules).toEqual(
			expect.arrayContaining([
				{
					direction: 'ingress',
					protocol: 'tcp',
					ports: '3306/3306',
					peer: appId,
					policy: 'accept',
					priority: 10,
				},
				{direction: 'ingress', protocol: 'tcp', ports: '443/443', peer: IPV6, policy: 'accept', priority: 1},
				{direction: 'ingress', protocol: 'tcp', ports: '22/22', peer: office6, policy: 'accept', priority: 1},
				{
					direction: 'ingress',
					protocol: 'tcp',
					ports: '23/23',
					peer: '0.0.0.0/0',
					policy: 'drop',
					priority: 1,
				},
			]),
		);
	});
});
