import type {SecurityGroupSummary} from '../../domain/model.js';
import {cleanLine} from '../../text/index.js';
import {FitText} from '../components/fit-text.js';
import {groupTypeText, networkText} from './pickers.js';

/** `web (sg-…) · cn-hangzhou · vpc-… · normal`: which group a follow-up screen works on. */
function groupText(group: SecurityGroupSummary, regionId: string): string {
	const name = cleanLine(group.name);
	const id = cleanLine(group.id);
	const parts = [name ? `${name} (${id})` : id, cleanLine(regionId)];
	// The network and type are known once the group has been read (a flag gives only the id).
	if (group.creationTime || group.name || group.vpcId)
		parts.push(networkText(group.vpcId), groupTypeText(group.type));
	return parts.join(' · ');
}

export function GroupLine({
	group,
	regionId,
}: {
	readonly group: SecurityGroupSummary;
	readonly regionId: string;
}) {
	return <FitText bold>{groupText(group, regionId)}</FitText>;
}
