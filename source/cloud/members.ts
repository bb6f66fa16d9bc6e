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
	// The group's summary (its type above all) comes with the groups of its network: no call of its own.
	const detail = await api.describeSecurityGroupAttribute(regionId, groupId, {summary: false});
	const {rules: _rules, innerAccessPolicy: _policy, ...attribute} = detail;
	const vpcId = attribute.vpcId || undefined;
	const [instances, all] = await Promise.all([
		api.describeInstances(regionId, vpcId ? {vpcId} : {}),
		api.describeSecurityGroups(regionId, vpcId ? {vpcId} : {}),
	]);
	const groups = all.filter((g) => g.vpcId === attribute.vpcId);
	return {
		group: groups.find((g) => g.id === groupId) ?? attribute,
		instances: instances.filter((i) => i.vpcId === attribute.vpcId),
		groups,
	};
}
