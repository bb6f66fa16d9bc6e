// The state file's new records (issue 11 item 5, issue 12 item 6) read through the valibot schemas: every
// problem with its JSON path and what would be right; the seeded prefix lists when the file has none.
import {describe, expect, it} from 'vitest';
import {worldFromFile, worldToFile} from '../../source/sandbox/state-file.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const vpc = {VpcId: 'vpc-a', RegionId: 'cn-hangzhou'};
const problemsOf = (data: unknown): string[] => {
	const read = worldFromFile(data, NOW);
	return 'problems' in read ? read.problems : [];
};
const group = (rule: Record<string, unknown>) => ({
	vpcs: [vpc],
	securityGroups: [{SecurityGroupId: 'sg-a', RegionId: 'cn-hangzhou', VpcId: 'vpc-a', Permissions: [rule]}],
});
const list = (extra: Record<string, unknown>) => ({
	prefixLists: [{PrefixListId: 'pl-a', RegionId: 'cn-hangzhou', ...extra}],
});

describe('state file problems', () => {
	it.each([
		[list({AddressFamily: 'IPv5'}), 'prefixLists[0].AddressFamily: must be one of IPv4, IPv6, not "IPv5"'],
		[list({MaxEntries: 0}), 'prefixLists[0].MaxEntries: must be a whole number from 1 to 200, not 0'],
		[
			list({AddressFamily: 'IPv6', Entries: {Entry: [{Cidr: '10.0.0.0/8'}]}}),
			'prefixLists[0]: every Entries.Entry[].Cidr must be an IPv6 CIDR block',
		],
		[list({PrefixListId: 'list-1'}), 'prefixLists[0].PrefixListId: "list-1" is not a valid id (like pl-'],
		[{prefixLists: {}}, 'prefixLists: must be a list, not {}'],
		[{credentials: []}, 'credentials: must be an object, not []'],
		[{vpcs: [[]]}, 'vpcs[0]: must be an object, not []'],
		[
			group({IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Priority: 'high'}),
			'securityGroups[0].Permissions[0].Priority: must be a whole number from 1 to 100, not "high"',
		],
		[
			group({IpProtocol: 'tcp', PortRange: '22/22', SourcePrefixListId: 'pl-gone'}),
			'securityGroups[0].Permissions[0].SourcePrefixListId: "pl-gone" is not a prefix list of cn-hangzhou in this file',
		],
		[
			group({IpProtocol: 'tcp', PortRange: '22/22', Ipv6SourceCidrIp: '10.0.0.0/8'}),
			'securityGroups[0].Permissions[0].Ipv6SourceCidrIp: "10.0.0.0/8" is not an IPv6 CIDR block or address',
		],
		[
			{credentials: {accessKeyId: 'a', accessKeySecret: 'b', extra: 1}},
			'credentials.extra: unknown key (use accessKeyId',
		],
	])('%j -> %s', (data, problem) => {
		expect(problemsOf(data).join('\n')).toContain(problem);
	});

	it('reads a rule with a group of the file, a prefix list and a string Priority', () => {
		const read = worldFromFile(
			{
				...group({IpProtocol: 'tcp', PortRange: '443/443', SourcePrefixListId: 'pl-a', Priority: '5'}),
				...list({AddressFamily: 'IPv4', Entries: {Entry: [{Cidr: '10.0.0.0/8'}]}}),
			},
			NOW,
		);
		expect('world' in read && read.world.groups[0]?.Permissions[0]).toMatchObject({
			Priority: 5,
			NicType: 'intranet',
			SourcePrefixListId: 'pl-a',
		});
	});
});

describe('prefix lists in the file', () => {
	it('a file without prefixLists gets the seeded ones, and they are not written back', () => {
		const read = worldFromFile({vpcs: [vpc]}, NOW);
		if (!('world' in read)) throw new Error(read.problems.join('; '));
		const hangzhou = read.world.prefixLists.filter((l) => l.RegionId === 'cn-hangzhou');
		expect(hangzhou.map((l) => l.AddressFamily).sort()).toEqual(['IPv4', 'IPv6']);
		expect(worldToFile(read.world).prefixLists).toBeUndefined();
	});

	it('a file with its own prefixLists keeps exactly those', () => {
		const read = worldFromFile(list({PrefixListName: 'mine', Entries: [{Cidr: '10.0.0.0/8'}]}), NOW);
		if (!('world' in read)) throw new Error(read.problems.join('; '));
		expect(read.world.prefixLists.map((l) => l.PrefixListName)).toEqual(['mine']);
		expect(worldToFile(read.world).prefixLists).toHaveLength(1);
	});
});
