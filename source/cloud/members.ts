// What the instances follow-up reads about a group: the group itself, the instances of its network (its VPC,
// or the region's classic instances for a classic group), and the groups of that network (their names and
// types: an instance may not mix normal and enterprise groups).

import type {Instance, SecurityGroupSummary} from '../domain/model.js';
import type {EcsApi} from './port.js';

export type Members = {
	group: SecurityGroupSummary;
	/** The instances that could be in the group: same region and network. */
	instances: Instance[];
	/** The groups of the same network, for names and types. */
	groups: SecurityGroupSummary[];
};

export async function readMembers(api: EcsApi, regionId: string, groupId: string): Promise<Members> {
	const detail = await api.describeSecurityGroupAttribute(regionId, groupId);
	const {rules: _rules, innerAccessPolicy: _policy, ...group} = detail;
	const vpcId = group.vpcId || undefined;
	const [instances, groups] = await Promise.all([
		api.describeInstances(regionId, vpcId ? {vpcId} : {}),
		api.describeSecurityGroups(regionId, vpcId ? {vpcId} : {}),
	]);
	return {
		group,
		instances: instances.filter((i) => i.vpcId === group.vpcId),
		groups: groups.filter((g) => g.vpcId === group.vpcId),
	};
}
