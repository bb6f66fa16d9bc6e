// Which instances may join or leave a group, with the reason the API would give when one may not (checked up
// front, so the person is told before anything is sent), and the calls that carry out a selection.

import {cleanLine, t} from '../text/index.js';
import type {GroupType, Instance} from './model.js';
import type {ChangeCall, ChangePlan} from './plan-types.js';

/**
 * The API's default limit of security groups per instance (InstanceSecurityGroupLimitExceeded beyond it). An
 * account may have it raised; the API's own refusal is still shown when it differs.
 */
export const maxGroupsPerInstance = 5;

export type MemberGroup = {id: string; vpcId: string; type: GroupType};

export type Membership = 'join' | 'leave';

const canChange = (instance: Instance): boolean =>
	instance.status === 'Running' || instance.status === 'Stopped';

const statuses = ['Running', 'Stopped', 'Starting', 'Stopping', 'Pending'] as const;

/** An instance status as a person reads it (the API's word when it is one we do not know). */
export function statusText(status: string): string {
	return (statuses as readonly string[]).includes(status)
		? t(`followup.status.${status as (typeof statuses)[number]}`)
		: cleanLine(status) || '?';
}

const typeName = (type: GroupType): string =>
	type === 'enterprise' ? t('followup.group.enterprise') : t('followup.group.normal');

/**
 * Why `instance` cannot join `group`, or undefined when it can. `types` knows the type of the groups the instance
 * is in (a group it does not know is not held against the instance: the API has the last word).
 */
export function joinRefusal(
	instance: Instance,
	group: MemberGroup,
	types: ReadonlyMap<string, GroupType>,
	max: number = maxGroupsPerInstance,
): string | undefined {
	const id = cleanLine(instance.id);
	if (instance.securityGroupIds.includes(group.id)) return t('followup.member.alreadyIn', {id});
	// A group holds the instances of its VPC, or the classic ones for a classic group.
	if (instance.vpcId !== group.vpcId) return t('followup.member.otherNetwork', {id});
	if (!canChange(instance)) return t('followup.member.status', {id, status: statusText(instance.status)});
	const other = instance.securityGroupIds.find((g) => {
		const type = types.get(g);
		return type !== undefined && type !== group.type;
	});
	if (other) {
		return t('followup.member.mixed', {
			id,
			other,
			otherType: typeName(types.get(other) ?? 'normal'),
			type: typeName(group.type),
		});
	}
	if (instance.securityGroupIds.length >= max)
		return t('followup.member.limit', {id, max, count: instance.securityGroupIds.length});
	return undefined;
}

/** Why `instance` cannot leave `group`, or undefined when it can. */
export function leaveRefusal(instance: Instance, group: Pick<MemberGroup, 'id'>): string | undefined {
	const id = cleanLine(instance.id);
	if (!instance.securityGroupIds.includes(group.id)) return t('followup.member.notIn', {id});
	if (!canChange(instance)) return t('followup.member.status', {id, status: statusText(instance.status)});
	if (instance.securityGroupIds.length <= 1) return t('followup.member.last', {id});
	return undefined;
}

/** What selecting an instance would do: leave when it is in the group, else join. */
export const membershipOf = (instance: Instance, groupId: string): Membership =>
	instance.securityGroupIds.includes(groupId) ? 'leave' : 'join';

export function refusalOf(
	instance: Instance,
	group: MemberGroup,
	types: ReadonlyMap<string, GroupType>,
	change: Membership = membershipOf(instance, group.id),
): string | undefined {
	return change === 'join' ? joinRefusal(instance, group, types) : leaveRefusal(instance, group);
}

/** One JoinSecurityGroup or LeaveSecurityGroup per instance: leaves first, then joins, each in the given order. */
export function planMembership(
	target: {regionId: string; groupId: string},
	changes: readonly {instanceId: string; change: Membership}[],
): ChangePlan {
	const call = (c: {instanceId: string; change: Membership}): ChangeCall => ({
		kind: c.change,
		regionId: target.regionId,
		groupId: target.groupId,
		instanceId: c.instanceId,
	});
	return {
		regionId: target.regionId,
		groupId: target.groupId,
		calls: [
			...changes.filter((c) => c.change === 'leave').map(call),
			...changes.filter((c) => c.change === 'join').map(call),
		],
	};
}
