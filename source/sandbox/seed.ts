// The state a missing state file starts from: in every region a default VPC plus `prod` and `staging`
// (different CIDRs), and in three regions a default security group with two instances or one, so every
// flow (create, rules, instances) can be tried at once. Ids are derived from names, so the seed is the
// same everywhere; only the keys are random.
import {seededId, seedTime} from './ids.js';
import {seedPrefixLists} from './prefix-list-seed.js';
import {regions} from './regions.js';
import {defaultAccount, instanceDefaults, newCredentials} from './state-file.js';
import type {GroupRecord, InstanceRecord, PermissionRecord, VpcRecord, World} from './types.js';

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
