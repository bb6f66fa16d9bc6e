// `ecs-sg instances [add|remove]`: add instances to a group or take them out. In a terminal, the instances screen
// (pre-selected from the flags; `--yes` with add/remove applies without it); otherwise, or with --json, the
// flags-only path: `instances add|remove --group ID --instance ID... --yes`, or `instances --group ID` to list.
import type {Members} from '../cloud/members.js';
import {outcomeLine, requestIdsOf} from '../domain/followup.js';
import {type Membership, membershipOf, planMembership, refusalOf, statusText} from '../domain/membership.js';
import type {GroupType} from '../domain/model.js';
import {validateInstanceId} from '../domain/validators.js';
import {cleanDeep, cleanLine, t, table} from '../text/index.js';
import type {ParsedArgs} from './args.js';
import {print, readTarget, runInteractive, runOnGroup, sendPlan, sentCode, usage, warn} from './followup.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';
import type {Services} from './services.js';

export type InstancesMode = 'list' | 'add' | 'remove';

export type InstancesFlags = {
	mode: InstancesMode;
	regionId?: string;
	groupId?: string;
	instanceIds: string[];
	yes: boolean;
	json: boolean;
	problems: string[];
};

export function readInstancesFlags(args: Pick<ParsedArgs, 'positionals' | 'flags'>): InstancesFlags {
	const {flags} = args;
	const [word, ...extra] = args.positionals;
	const problems: string[] = [];
	let mode: InstancesMode = 'list';
	if (word === 'add' || word === 'remove') mode = word;
	else if (word !== undefined) problems.push(t('followup.flags.instancesAction', {value: cleanLine(word)}));
	if (extra.length > 0) problems.push(t('followup.flags.extra', {value: cleanLine(extra.join(' '))}));
	const target = readTarget(flags);
	problems.push(...target.problems);
	const given = Array.isArray(flags.instance) ? (flags.instance as readonly string[]) : [];
	const instanceIds: string[] = [];
	for (const raw of given) {
		const id = raw.trim();
		const problem = validateInstanceId(id);
		if (problem) problems.push(t('followup.flags.flag', {flag: '--instance', message: problem}));
		else if (!instanceIds.includes(id)) instanceIds.push(id);
	}
	if (mode === 'list') {
		if (given.length > 0) problems.push(t('followup.flags.instanceWithoutAction'));
	} else if (given.length === 0) {
		problems.push(t('followup.flags.instanceMissing', {action: mode}));
	}
	return {
		mode,
		...(target.regionId ? {regionId: target.regionId} : {}),
		...(target.groupId ? {groupId: target.groupId} : {}),
		instanceIds,
		yes: flags.yes === true,
		json: flags.json === true,
		problems,
	};
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const read = readInstancesFlags(args);
	const scripted = !io.interactive || read.json || (read.mode !== 'list' && read.yes);
	if (scripted) return runFlags(args, io, read);
	if (read.problems.length > 0) return usage(io, read.problems);
	const change: Membership = read.mode === 'remove' ? 'leave' : 'join';
	return runInteractive(
		args,
		io,
		read,
		read.mode !== 'list' ? {select: {change, instanceIds: read.instanceIds}} : {},
		async () => (await import('../wizard/followup/instances-app.js')).InstancesApp,
	);
}

function runFlags(args: ParsedArgs, io: Io, read: InstancesFlags): Promise<number> {
	return runOnGroup(args, io, read, async (services, regionId, group) => {
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
	if (read.json) {
		line(
			io.stdout,
			JSON.stringify(
				cleanDeep({
					command: 'instances',
					action: 'list',
					regionId,
					securityGroupId: group.id,
					vpcId: group.vpcId,
					instances: rows,
				}),
			),
		);
		return exitCodes.ok;
	}
	print(io, [
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
	]);
	return exitCodes.ok;
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
	const types = new Map<string, GroupType>(members.groups.map((g) => [g.id, g.type]));
	const problems: string[] = [];
	const unchanged: string[] = [];
	const changes: {instanceId: string; change: Membership}[] = [];
	for (const id of read.instanceIds) {
		const instance = members.instances.find((i) => i.id === id);
		if (!instance) {
			problems.push(t('followup.member.notFound', {id, network: group.vpcId || t('followup.group.classic')}));
			continue;
		}
		// Already where the flags want it: nothing to send, said on stderr (scripts can run the same line twice).
		if (membershipOf(instance, group.id) !== wanted) {
			unchanged.push(id);
			continue;
		}
		const refusal = refusalOf(instance, group, types, wanted);
		if (refusal) problems.push(refusal);
		else changes.push({instanceId: id, change: wanted});
	}
	if (problems.length > 0) return usage(io, problems);
	for (const id of unchanged)
		warn(io, [t(wanted === 'join' ? 'followup.member.alreadyIn' : 'followup.member.notIn', {id})]);
	const plan = planMembership({regionId, groupId: group.id}, changes);
	const sent = await sendPlan(io, services, plan, (event) => {
		const call = plan.calls[event.index];
		if (event.state === 'running' && event.attempt === 1 && call && 'instanceId' in call)
			warn(io, [
				t(call.kind === 'join' ? 'followup.flags.joining' : 'followup.flags.leaving', {
					instance: call.instanceId,
					id: group.id,
				}),
			]);
	});
	const {outcome} = sent;
	const pick = (state: string) =>
		outcome.outcomes.flatMap((o) => (o.state === state && 'instanceId' in o.call ? [o.call.instanceId] : []));
	const report = {
		command: 'instances',
		action: read.mode,
		regionId,
		securityGroupId: group.id,
		joined: outcome.outcomes.flatMap((o) =>
			o.state === 'done' && o.call.kind === 'join' ? [o.call.instanceId] : [],
		),
		left: outcome.outcomes.flatMap((o) =>
			o.state === 'done' && o.call.kind === 'leave' ? [o.call.instanceId] : [],
		),
		unchanged: [...unchanged, ...pick('unchanged')],
		failed: outcome.outcomes.flatMap((o) =>
			(o.state === 'failed' || o.state === 'skipped') && 'instanceId' in o.call
				? [
						{
							instanceId: o.call.instanceId,
							code: o.error?.code ?? 'Skipped',
							message: o.error ? o.error.sentence : t('followup.call.skipped'),
						},
					]
				: [],
		),
		requestIds: requestIdsOf(outcome),
		...(outcome.cancelled ? {cancelled: true} : {}),
	};
	if (read.json) line(io.stdout, JSON.stringify(cleanDeep(report)));
	else {
		const lines = outcome.outcomes.map(outcomeLine);
		if (plan.calls.length === 0) lines.push(t('followup.flags.nothingToChange', {id: group.id}));
		print(io, lines);
	}
	return sentCode(io, sent, plan);
}
