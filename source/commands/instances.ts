// `ecs-sg instances [add|remove]`: add instances to a group or take them out. In a terminal, the instances screen
// (pre-selected from the flags; `--yes` with add/remove applies without it); otherwise, or with --json, the
// flags-only path: `instances add|remove --group ID --instance ID... --yes`, or `instances --group ID` to list.
import type {Members} from '../cloud/members.js';
import {type Membership, planMembership, statusText} from '../domain/membership.js';
import {validateInstanceId} from '../domain/validators.js';
import {t, table} from '../text/index.js';
import {sortWanted} from '../wizard/followup/instances-state.js';
import type {ParsedArgs} from './args.js';
import * as followup from './followup.js';
import * as flagsPath from './followup-flags.js';
import type {ExitCode, Io} from './io.js';
import type {Services} from './services.js';

type InstancesFlags = flagsPath.CommonFlags & {instanceIds: string[]};

export function readInstancesFlags(args: Pick<ParsedArgs, 'positionals' | 'flags'>): InstancesFlags {
	const instanceIds: string[] = [];
	const common = flagsPath.readCommon(args, 'instance', (raw) => {
		const id = raw.trim();
		const problem = validateInstanceId(id);
		if (!problem && !instanceIds.includes(id)) instanceIds.push(id);
		return problem;
	});
	return {...common, instanceIds};
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const read = readInstancesFlags(args);
	if (flagsPath.isScripted(io, read)) return runFlags(args, io, read);
	if (read.problems.length > 0) return followup.usage(io, read.problems);
	const change: Membership = read.mode === 'remove' ? 'leave' : 'join';
	return followup.runInteractive(
		args,
		io,
		read,
		read.mode !== 'list' ? {select: {change, instanceIds: read.instanceIds}} : {},
		async () => (await import('../wizard/followup/instances-app.js')).InstancesApp,
	);
}

function runFlags(args: ParsedArgs, io: Io, read: InstancesFlags): Promise<number> {
	return flagsPath.runOnGroup(args, io, read, async (services, regionId, group) => {
		const {readMembers} = await import('../cloud/members.js');
		const members = await readMembers(services.api, regionId, group.id);
		if (read.mode === 'list') return listMembers(io, read, members, regionId);
		return await change(io, read, services, members, regionId);
	});
}

function listMembers(io: Io, read: InstancesFlags, members: Members, regionId: string): ExitCode {
	const {group} = members;
	const rows = members.instances.map((i) => ({
		instanceId: i.id,
		name: i.name,
		status: i.status,
		privateIp: i.privateIp,
		inGroup: i.securityGroupIds.includes(group.id),
		securityGroupIds: i.securityGroupIds,
	}));
	return followup.printResult(
		io,
		read.json,
		{
			command: 'instances',
			action: 'list',
			regionId,
			securityGroupId: group.id,
			vpcId: group.vpcId,
			instances: rows,
		},
		[
			t('followup.flags.instancesHeading', {
				id: group.id,
				name: group.name,
				region: regionId,
				count: rows.filter((r) => r.inGroup).length,
				total: rows.length,
			}),
			...table([
				[
					'',
					t('followup.flags.instanceName'),
					t('followup.flags.instanceId'),
					t('followup.flags.instanceStatus'),
					t('followup.flags.instanceIp'),
					t('followup.flags.instanceGroups'),
				],
				...rows.map((r) => [
					r.inGroup ? '*' : '',
					r.name,
					r.instanceId,
					statusText(r.status),
					r.privateIp,
					r.securityGroupIds.join(','),
				]),
			]).map((l) => `  ${l}`),
		],
	);
}

async function change(
	io: Io,
	read: InstancesFlags,
	services: Services,
	members: Members,
	regionId: string,
): Promise<ExitCode> {
	const {group} = members;
	const wanted: Membership = read.mode === 'add' ? 'join' : 'leave';
	const {ready, already: unchanged, problems} = sortWanted(members, read.instanceIds, wanted);
	if (problems.length > 0) return followup.usage(io, problems);
	// Already where the flags want it: nothing to send, said on stderr (scripts can run the same line twice).
	for (const id of unchanged)
		followup.warn(io, [t(wanted === 'join' ? 'followup.member.alreadyIn' : 'followup.member.notIn', {id})]);
	const plan = planMembership(
		{regionId, groupId: group.id},
		ready.map((instanceId) => ({instanceId, change: wanted})),
	);
	const sent = await flagsPath.sendPlan(io, services, plan, (call) =>
		'instanceId' in call
			? t(call.kind === 'join' ? 'followup.flags.joining' : 'followup.flags.leaving', {
					instance: call.instanceId,
					id: group.id,
				})
			: undefined,
	);
	const {outcome} = sent;
	const moved = (state: string, kinds: string[]) =>
		outcome.outcomes.flatMap((o) =>
			o.state === state && 'instanceId' in o.call && kinds.includes(o.call.kind) ? [o.call.instanceId] : [],
		);
	const report = {
		command: 'instances',
		action: read.mode,
		regionId,
		securityGroupId: group.id,
		joined: moved('done', ['join']),
		left: moved('done', ['leave']),
		unchanged: [...unchanged, ...moved('unchanged', ['join', 'leave'])],
		failed: flagsPath.failedOf(outcome, (call, {code, message}) =>
			'instanceId' in call ? {instanceId: call.instanceId, code, message} : undefined,
		),
	};
	return flagsPath.reportSent(
		io,
		read,
		sent,
		plan,
		report,
		plan.calls.length === 0 ? [t('followup.flags.nothingToChange', {id: group.id})] : [],
	);
}
