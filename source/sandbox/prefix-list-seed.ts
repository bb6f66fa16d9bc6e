// The prefix lists every region starts with (when the state file does not list its own): one IPv4 and one
// IPv6 list, in documentation ranges (RFC 5737, RFC 3849) so a seeded list never names a real network.
import {seededId, seedTime} from './ids.js';
import {regions} from './regions.js';
import type {PrefixListRecord} from './types.js';

const prefixListPlans = [
	{
		name: 'office-ipv4',
		family: 'IPv4',
		description: 'Office and VPN egress addresses',
		entries: [
			{Cidr: '198.51.100.0/24', Description: 'office'},
			{Cidr: '203.0.113.0/24', Description: 'vpn'},
		],
	},
	{
		name: 'office-ipv6',
		family: 'IPv6',
		description: 'Office IPv6 block',
		entries: [{Cidr: '2001:db8:1::/48', Description: 'office'}],
	},
] as const;

function seedPrefixList(regionId: string, plan: (typeof prefixListPlans)[number]): PrefixListRecord {
	return {
		PrefixListId: seededId('pl', regionId, plan.name),
		PrefixListName: plan.name,
		RegionId: regionId,
		AddressFamily: plan.family,
		MaxEntries: 20,
		Description: plan.description,
		CreationTime: seedTime,
		ResourceGroupId: '',
		Entries: {Entry: plan.entries.map((entry) => ({...entry}))},
	};
}

export const seedPrefixLists = (): PrefixListRecord[] =>
	regions.flatMap((region) => prefixListPlans.map((plan) => seedPrefixList(region.id, plan)));
