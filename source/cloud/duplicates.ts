// Alibaba Cloud lets two groups in one VPC share a name (AWS does not), and a repeated script quietly makes a
// second one. Before creating, look for groups with the same name in the same VPC so the caller can warn,
// offer the existing one, or refuse.

import type {SecurityGroupSummary} from '../domain/model.js';
import type {EcsApi} from './port.js';

/**
 * Groups named exactly `name` in the VPC (or, without `vpcId`, in the classic network of the region). The API's
 * name filter is only a pre-filter: the match is checked here, exactly and case-sensitively.
 */
export async function findSameName(
	api: Pick<EcsApi, 'describeSecurityGroups'>,
	regionId: string,
	vpcId: string | undefined,
	name: string,
): Promise<SecurityGroupSummary[]> {
	const groups = await api.describeSecurityGroups(regionId, vpcId ? {vpcId, name} : {name});
	return groups.filter((g) => g.name === name && (vpcId ? g.vpcId === vpcId : !g.vpcId));
}
