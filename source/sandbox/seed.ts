// The state a missing state file starts from, and the defaults of what a file leaves out: in every region a
// default VPC plus `prod` and `staging` (different CIDRs) and two prefix lists, and in three regions a default
// security group with two instances or one, so every flow (create, rules, instances) can be tried at once. Ids
// are derived from names, so the seed is the same everywhere; only the keys are random.
import {randomChars, seededId, seedTime} from './ids.js';
import {defaultClassicRegions, regions} from './regions.js';
import type {
	Account,
	Credentials,
	GroupRecord,
	InstanceRecord,
	PermissionRecord,
	PrefixListRecord,
	VpcRecord,
	World,
} from './types.js';

/** What a file that does not say gets: an old account (classic offered where it was) with the usual quota. */
export const defaultAccount = (): Account => ({
	maxSecurityGroups: 100,
	classicRegions: [...defaultClassicRegions],
	ownerId: '1858326174526983562',
});

export function newCredentials(): Credentials {
	return {accessKeyId: `LTAI5t${randomChars(18)}`, accessKeySecret: randomChars(30)};
}

/** The DescribeInstances fields a record may leave out. */
export function instanceDefaults(instanceId: string, now: string): Record<string, unknown> {
	return {
		Description: '',
		HostName: instanceId,
		InstanceType: 'ecs.g7.large',
		InstanceTypeFamily: 'ecs.g7',
		Cpu: 2,
		Memory: 8192,
		OSName: 'Alibaba Cloud Linux 3.2104 LTS 64 bit',
		OSType: 'linux',
		ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
		InnerIpAddress: {IpAddress: []},
		PublicIpAddress: {IpAddress: []},
		EipAddress: {AllocationId: '', IpAddress: '', InternetChargeType: ''},
		CreationTime: now,
		StartTime: now,
		ExpiredTime: '2099-12-31T15:59Z',
		InstanceChargeType: 'PostPaid',
		InternetChargeType: 'PayByTraffic',
		InternetMaxBandwidthOut: 0,
		ResourceGroupId: '',
		Tags: {Tag: []},
	};
}

// The prefix lists every region starts with (when the state file does not list its own): one IPv4 and one
// IPv6 list, in documentation ranges (RFC 5737, RFC 3849) so a seeded list never names a real network.
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

const vpcPlans = [
	{name: 'default-vpc', cidr: '172.16.0.0/12', isDefault: true, description: ''},
	{name: 'prod', cidr: '10.0.0.0/16', isDefault: false, description: 'Production services'},
	{name: 'staging', cidr: '10.1.0.0/16', isDefault: false, description: 'Staging and tests'},
];

function seedVpc(regionId: string, plan: (typeof vpcPlans)[number]): VpcRecord {
	const VpcId = seededId('vpc', regionId, plan.name);
	return {
		VpcId,
		VpcName: plan.name,
		CidrBlock: plan.cidr,
		IsDefault: plan.isDefault,
		Status: 'Available',
		RegionId: regionId,
		Description: plan.description,
		CreationTime: seedTime,
		VRouterId: seededId('vrt', regionId, plan.name),
		VSwitchIds: {VSwitchId: [seededId('vsw', regionId, plan.name)]},
		ResourceGroupId: '',
		Tags: {Tag: []},
	};
}

function seedRule(regionId: string, n: number, protocol: string, ports: string): PermissionRecord {
	return {
		SecurityGroupRuleId: seededId('sgr', regionId, `default-sg/${n}`),
		Direction: 'ingress',
		IpProtocol: protocol,
		PortRange: ports,
		SourceCidrIp: '0.0.0.0/0',
		DestCidrIp: '',
		Ipv6SourceCidrIp: '',
		Ipv6DestCidrIp: '',
		SourceGroupId: '',
		SourceGroupOwnerAccount: '',
		DestGroupId: '',
		DestGroupOwnerAccount: '',
		SourcePortRange: '',
		SourcePrefixListId: '',
		DestPrefixListId: '',
		Policy: 'Accept',
		Priority: 100,
		NicType: 'intranet',
		Description: '',
		CreateTime: seedTime,
	};
}

const instancePlans = [
	{regionId: 'cn-hangzhou', names: ['web-01', 'web-02']},
	{regionId: 'cn-shanghai', names: ['app-01']},
	{regionId: 'ap-southeast-1', names: ['edge-01']},
];

export function seedWorld(): World {
	const vpcs = regions.flatMap((region) => vpcPlans.map((plan) => seedVpc(region.id, plan)));
	const groups: GroupRecord[] = [];
	const instances: InstanceRecord[] = [];
	for (const plan of instancePlans) {
		const vpc = vpcs.find((v) => v.RegionId === plan.regionId && v.IsDefault) as VpcRecord;
		const group: GroupRecord = {
			SecurityGroupId: seededId('sg', plan.regionId, 'default-sg'),
			SecurityGroupName: 'default-sg',
			Description: 'Created with the default VPC',
			VpcId: vpc.VpcId,
			RegionId: plan.regionId,
			SecurityGroupType: 'normal',
			InnerAccessPolicy: 'Accept',
			CreationTime: seedTime,
			ResourceGroupId: '',
			Tags: {Tag: []},
			Permissions: [seedRule(plan.regionId, 1, 'TCP', '22/22'), seedRule(plan.regionId, 2, 'ICMP', '-1/-1')],
		};
		groups.push(group);
		const zone = `${plan.regionId}-${regions.find((r) => r.id === plan.regionId)?.zones[0] ?? 'a'}`;
		plan.names.forEach((name, i) => {
			const InstanceId = seededId('i', plan.regionId, name);
			const core: InstanceRecord = {
				InstanceId,
				InstanceName: name,
				Status: i === 1 ? 'Stopped' : 'Running',
				RegionId: plan.regionId,
				ZoneId: zone,
				InstanceNetworkType: 'vpc',
				VpcAttributes: {
					VpcId: vpc.VpcId,
					VSwitchId: vpc.VSwitchIds.VSwitchId[0] ?? '',
					NatIpAddress: '',
					PrivateIpAddress: {IpAddress: [`172.16.0.${10 + i}`]},
				},
				SecurityGroupIds: {SecurityGroupId: [group.SecurityGroupId]},
			};
			instances.push({...core, ...instanceDefaults(InstanceId, seedTime), HostName: name});
		});
	}
	return {
		credentials: newCredentials(),
		persistCredentials: true,
		vpcs,
		groups,
		instances,
		prefixLists: seedPrefixLists(),
		account: defaultAccount(),
		tokens: [],
	};
}
