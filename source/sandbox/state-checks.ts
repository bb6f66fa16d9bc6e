// What one record of the state file says about another, checked once every record has the right shape:
// ids appear once, references point at records of the same region in the file, an instance sits in groups
// of its own network and type, and each region has at most one default VPC.
import {show} from './state-fields.js';
import type {GroupInput} from './state-schema-groups.js';
import type {GroupRecord, InstanceRecord, PrefixListRecord, VpcRecord} from './types.js';

export type Problems = {add: (path: string, text: string) => void};

function unique<T>(problems: Problems, items: readonly T[], key: (item: T) => string, path: string): void {
	const seen = new Set<string>();
	for (const item of items) {
		const id = key(item);
		if (id !== '' && seen.has(id)) problems.add(path, `${id} appears more than once`);
		seen.add(id);
	}
}

export function checkVpcs(problems: Problems, vpcs: readonly VpcRecord[]): void {
	unique(problems, vpcs, (vpc) => vpc.VpcId, 'vpcs');
	const defaults = new Set<string>();
	for (const vpc of vpcs.filter((v) => v.IsDefault)) {
		if (defaults.has(vpc.RegionId)) problems.add('vpcs', `${vpc.RegionId} has more than one default VPC`);
		defaults.add(vpc.RegionId);
	}
}

/** Checks the groups against the VPCs and prefix lists, and gives each rule its NicType default. */
export function completeGroups(
	problems: Problems,
	groups: readonly GroupInput[],
	vpcs: readonly VpcRecord[],
	prefixLists: readonly PrefixListRecord[],
): GroupRecord[] {
	unique(problems, groups, (group) => group.SecurityGroupId, 'securityGroups');
	unique(
		problems,
		groups.flatMap((group) => group.Permissions),
		(rule) => rule.SecurityGroupRuleId,
		'securityGroups[].Permissions',
	);
	const byId = new Map(groups.map((group) => [group.SecurityGroupId, group]));
	return groups.map((group, i) => {
		const path = `securityGroups[${i}]`;
		const vpc = vpcs.find((v) => v.VpcId === group.VpcId);
		if (group.VpcId !== '' && (!vpc || vpc.RegionId !== group.RegionId)) {
			problems.add(`${path}.VpcId`, `${show(group.VpcId)} is not a VPC of ${group.RegionId} in this file`);
		}
		const classic = group.VpcId === '';
		const Permissions = group.Permissions.map((rule, j) => {
			const at = `${path}.Permissions[${j}]`;
			for (const key of ['SourceGroupId', 'DestGroupId'] as const) {
				const other = byId.get(rule[key]);
				if (rule[key] !== '' && (!other || other.RegionId !== group.RegionId)) {
					problems.add(
						`${at}.${key}`,
						`${show(rule[key])} is not a security group of ${group.RegionId} in this file`,
					);
				}
			}
			for (const key of ['SourcePrefixListId', 'DestPrefixListId'] as const) {
				const id = rule[key];
				if (id !== '' && !prefixLists.some((l) => l.PrefixListId === id && l.RegionId === group.RegionId)) {
					problems.add(`${at}.${key}`, `${show(id)} is not a prefix list of ${group.RegionId} in this file`);
				}
			}
			const NicType = rule.NicType ?? (classic ? 'internet' : 'intranet');
			if (!classic && NicType === 'internet')
				problems.add(`${at}.NicType`, 'a VPC group only has intranet rules');
			return {...rule, NicType};
		});
		return {...group, Permissions};
	});
}

export function checkInstances(
	problems: Problems,
	instances: readonly InstanceRecord[],
	vpcs: readonly VpcRecord[],
	groups: readonly GroupRecord[],
	maxGroups: number,
): void {
	unique(problems, instances, (instance) => instance.InstanceId, 'instances');
	instances.forEach((instance, i) => {
		const path = `instances[${i}]`;
		const {VpcId} = instance.VpcAttributes;
		const {RegionId} = instance;
		if (instance.InstanceNetworkType === 'vpc') {
			const vpc = vpcs.find((v) => v.VpcId === VpcId);
			if (VpcId === '') problems.add(`${path}.VpcAttributes.VpcId`, 'missing (a vpc instance needs its VPC)');
			else if (!vpc || vpc.RegionId !== RegionId)
				problems.add(
					`${path}.VpcAttributes.VpcId`,
					`${show(VpcId)} is not a VPC of ${RegionId} in this file`,
				);
		} else if (VpcId !== '') {
			problems.add(`${path}.VpcAttributes.VpcId`, 'a classic instance has no VPC');
		}
		const ids = instance.SecurityGroupIds.SecurityGroupId;
		if (ids.length > maxGroups) problems.add(`${path}.SecurityGroupIds`, `at most ${maxGroups} groups`);
		const types = new Set<string>();
		for (const id of ids) {
			const group = groups.find((g) => g.SecurityGroupId === id);
			if (!group || group.RegionId !== RegionId) {
				problems.add(
					`${path}.SecurityGroupIds`,
					`${show(id)} is not a security group of ${RegionId} in this file`,
				);
			} else if (group.VpcId !== VpcId) {
				problems.add(
					`${path}.SecurityGroupIds`,
					`${id} is not in the instance's network (${VpcId || 'classic'})`,
				);
			} else {
				types.add(group.SecurityGroupType);
			}
		}
		if (types.size > 1)
			problems.add(`${path}.SecurityGroupIds`, 'an instance cannot mix normal and enterprise groups');
	});
}

export function checkPrefixLists(problems: Problems, lists: readonly PrefixListRecord[]): void {
	unique(problems, lists, (list) => list.PrefixListId, 'prefixLists');
}
