// `ecs-sg groups [list|delete]`: list a region's security groups (optionally one VPC's), and delete one with the
// same safety as the rest: what stops the delete is shown first (other groups' rules that reference it, read
// with DescribeSecurityGroupReferences, and the instances in it; DeleteSecurityGroup refuses both with
// DependencyViolation), then a confirmation (or --yes), then one call. In a terminal a missing --region or --group
// is asked with a list; otherwise (and with --json) every answer comes as a flag.
import type {GroupReference} from '../cloud/port.js';
import type {Instance, SecurityGroupSummary} from '../domain/model.js';
import {validateVpcId} from '../domain/validators.js';
import {cleanDeep, cut, t, table} from '../text/index.js';
import type {ParsedArgs} from './args.js';
import {open, printResult, usage, warn} from './followup.js';
import {type ActionFlags, defaultRegion, readAction, readGroup} from './followup-flags.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';
import {isPromptExit} from './prompt-exit.js';
import type {Services} from './services.js';

type GroupsFlags = ActionFlags<'list' | 'delete'> & {vpcId?: string};

/** Every flag problem that needs no API call, all at once. */
function readGroupsFlags(args: Pick<ParsedArgs, 'positionals' | 'flags'>): GroupsFlags {
	const read = readAction<GroupsFlags['mode']>(args, ['list', 'delete'], 'followup.groups.action');
	const {mode, problems} = read;
	const vpcId = typeof args.flags.vpc === 'string' ? args.flags.vpc.trim() : undefined;
	if (vpcId !== undefined) {
		const problem = validateVpcId(vpcId);
		if (problem) problems.push(t('followup.flags.flag', {flag: '--vpc', message: problem}));
	}
	if (mode === 'list' && read.groupId) problems.push(t('followup.groups.groupWithList'));
	if (mode === 'delete' && vpcId) problems.push(t('followup.groups.vpcWithDelete'));
	if (mode === 'delete' && read.json && !read.yes) problems.push(t('followup.groups.jsonNeedsYes'));
	return {...read, ...(vpcId ? {vpcId} : {})};
}

/** Where the prompts draw: stderr, so that stdout keeps only the answer. */
const promptContext = (io: Io) => ({input: io.stdin, output: io.stderr});

/** Prompts only in a terminal and never with --json (whose stdout is one object). */
const canAsk = (io: Io, read: GroupsFlags): boolean => io.interactive && !read.json;

async function pickRegion(io: Io, services: Services, read: GroupsFlags): Promise<string | undefined> {
	if (read.regionId) return read.regionId;
	const found = defaultRegion(services);
	if (found) {
		warn(io, [t('followup.flags.assumedRegion', {region: found.regionId})]);
		return found.regionId;
	}
	if (!canAsk(io, read)) return undefined;
	const regions = await services.api.describeRegions();
	const {select} = await import('./prompts.js');
	return select(
		{
			message: t('followup.groups.pickRegion'),
			choices: regions.map((r) => ({value: r.id, name: `${r.id}  ${r.localName}`, short: r.id})),
			pageSize: 12,
		},
		promptContext(io),
	);
}

const groupRow = (g: SecurityGroupSummary): string[] => [
	g.id,
	g.name,
	g.type,
	g.vpcId || t('followup.group.classic'),
	g.description,
];

async function pickGroup(
	io: Io,
	services: Services,
	read: GroupsFlags,
	regionId: string,
): Promise<string | undefined> {
	if (read.groupId) return read.groupId;
	if (!canAsk(io, read)) return undefined;
	const groups = await services.api.describeSecurityGroups(regionId);
	if (groups.length === 0) return undefined;
	const rows = table(groups.map(groupRow));
	const width = Math.max(20, ((io.stderr as {columns?: number}).columns ?? 80) - 3);
	const {select} = await import('./prompts.js');
	return select(
		{
			message: t('followup.groups.pickGroup', {region: regionId}),
			// One line per group however narrow the terminal (a wrapped row reads as two groups).
			choices: groups.map((g, i) => ({value: g.id, name: cut(rows[i] ?? g.id, width), short: g.id})),
			pageSize: 12,
		},
		promptContext(io),
	);
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const read = readGroupsFlags(args);
	if (read.problems.length > 0) return usage(io, read.problems);
	const opened = await open(args, io);
	if (typeof opened === 'number') return opened;
	const services = opened;
	try {
		const regionId = await pickRegion(io, services, read);
		if (!regionId) return usage(io, [t('followup.flags.regionMissing')]);
		return read.mode === 'list'
			? await list(io, read, services, regionId)
			: await remove(io, read, services, regionId);
	} catch (error) {
		if (isPromptExit(error)) {
			warn(io, [t('followup.groups.cancelled')]);
			return exitCodes.cancelled;
		}
		const {reportFailure} = await import('./services.js');
		return reportFailure(io, error);
	} finally {
		await services.close();
	}
}

async function list(io: Io, read: GroupsFlags, services: Services, regionId: string): Promise<ExitCode> {
	const groups = await services.api.describeSecurityGroups(regionId, read.vpcId ? {vpcId: read.vpcId} : {});
	return printResult(
		io,
		read.json,
		{
			command: 'groups',
			action: 'list',
			regionId,
			...(read.vpcId ? {vpcId: read.vpcId} : {}),
			groups: groups.map((g) => ({
				securityGroupId: g.id,
				name: g.name,
				type: g.type,
				vpcId: g.vpcId,
				description: g.description,
				creationTime: g.creationTime,
			})),
		},
		[
			read.vpcId
				? t('followup.groups.headingVpc', {region: regionId, vpc: read.vpcId, count: groups.length})
				: t('followup.groups.heading', {region: regionId, count: groups.length}),
			...table([
				[
					t('followup.groups.id'),
					t('followup.groups.name'),
					t('followup.groups.type'),
					t('followup.groups.vpc'),
					t('followup.groups.description'),
				],
				...groups.map(groupRow),
			]).map((l) => `  ${l}`),
		],
	);
}

/** What stops a delete: the groups whose rules reference it, and the instances in it. */
type Blockers = {referencedBy: GroupReference['referencedBy']; instances: Instance[]};

async function blockersOf(services: Services, regionId: string, groupId: string): Promise<Blockers> {
	const [references, instances] = await Promise.all([
		services.api.describeSecurityGroupReferences(regionId, [groupId]),
		services.api.describeInstances(regionId, {securityGroupId: groupId}),
	]);
	const referencedBy = references.filter((r) => r.groupId === groupId).flatMap((r) => r.referencedBy);
	return {referencedBy, instances: instances.filter((i) => i.securityGroupIds.includes(groupId))};
}

function blockerLines(groupId: string, blockers: Blockers): string[] {
	const lines: string[] = [];
	if (blockers.referencedBy.length > 0) {
		lines.push(t('followup.groups.referenced', {id: groupId, count: blockers.referencedBy.length}));
		for (const r of blockers.referencedBy)
			lines.push(`  ${t('followup.groups.referencedBy', {id: r.groupId, owner: r.accountId})}`);
	}
	if (blockers.instances.length > 0) {
		lines.push(t('followup.groups.hasInstances', {id: groupId, count: blockers.instances.length}));
		for (const i of blockers.instances) lines.push(`  ${i.id}  ${i.name}`);
	}
	return lines;
}

async function remove(io: Io, read: GroupsFlags, services: Services, regionId: string): Promise<ExitCode> {
	const groupId = await pickGroup(io, services, read, regionId);
	if (!groupId) {
		return usage(io, [
			read.groupId === undefined && canAsk(io, read)
				? t('followup.groups.noneToDelete', {region: regionId})
				: t('followup.flags.groupMissing'),
		]);
	}
	const group = await readGroup(services, regionId, groupId, read.regionId === undefined);
	if (typeof group === 'string') return usage(io, [group]);
	const blockers = await blockersOf(services, regionId, group.id);
	const base = {
		command: 'groups',
		action: 'delete',
		regionId,
		securityGroupId: group.id,
		name: group.name,
		referencedBy: blockers.referencedBy.map((r) => ({securityGroupId: r.groupId, accountId: r.accountId})),
		instances: blockers.instances.map((i) => i.id),
	};
	const about = t('followup.groups.about', {
		id: group.id,
		name: group.name,
		region: regionId,
		vpc: group.vpcId || t('followup.group.classic'),
		rules: group.rules.length,
	});
	if (blockers.referencedBy.length > 0 || blockers.instances.length > 0) {
		// DeleteSecurityGroup would answer DependencyViolation: say what to undo first, and send nothing.
		warn(io, [
			about,
			...blockerLines(group.id, blockers),
			t('followup.groups.blocked'),
			...(blockers.referencedBy.length > 0 ? [t('followup.groups.undoRules', {id: group.id})] : []),
			...(blockers.instances.length > 0 ? [t('followup.groups.undoInstances', {id: group.id})] : []),
		]);
		if (read.json)
			line(io.stdout, JSON.stringify(cleanDeep({...base, deleted: false, code: 'DependencyViolation'})));
		return exitCodes.cloud;
	}
	if (!read.json) warn(io, [about, t('followup.groups.nothingReferences')]);
	if (!read.yes) {
		if (!io.interactive) return usage(io, [t('followup.flags.yesMissing')]);
		const {confirm} = await import('./prompts.js');
		const sure = await confirm(
			{message: t('followup.groups.confirm', {id: group.id, name: group.name}), default: false},
			promptContext(io),
		);
		if (!sure) {
			warn(io, [t('followup.groups.kept', {id: group.id})]);
			return exitCodes.ok;
		}
	}
	const result = await services.api.deleteSecurityGroup(regionId, group.id);
	return printResult(io, read.json, {...base, deleted: true, requestId: result.requestId}, [
		t('followup.groups.deleted', {id: group.id, name: group.name, region: regionId}),
	]);
}
