// The follow-up commands' flags path (no terminal, --json, `list`, or --yes): reading the flags every command
// shares, finding the group, sending a plan with Ctrl+C stopping it after the call in flight, and the report.
import type {CallOutcome, ChangeEvent, ChangeOutcome} from '../cloud/change-types.js';
import {CloudError} from '../cloud/errors.js';
import {outcomeLine, requestIdsOf} from '../domain/followup.js';
import type {SecurityGroupDetail} from '../domain/model.js';
import type {ChangePlan} from '../domain/plan-types.js';
import {validateGroupId, validateRegionId} from '../domain/validators.js';
import {cleanLine, type MessageKey, t} from '../text/index.js';
import {exitCodeOf as outcomeCode} from '../wizard/followup/services.js';
import {type ParsedArgs, unknownRegionMessage} from './args.js';
import {followupCalls, open, printResult, usage, warn} from './followup.js';
import {type ExitCode, exitCodes, type Io} from './io.js';
import type {Services} from './services.js';
import {stopInTwo, type TwoStageStop} from './signals.js';

export type FollowupMode = 'list' | 'add' | 'remove';

/** What every follow-up command reads the same way: the action word, the target, --yes and --json. */
export type ActionFlags<M extends string> = {
	mode: M;
	regionId?: string;
	groupId?: string;
	yes: boolean;
	json: boolean;
	problems: string[];
	/** `list` was typed (not just left out): it prints and ends, never opening the screens. */
	listed: boolean;
};

/** The flags both follow-ups read the same way: the action word, the target, --yes, --json. */
export type CommonFlags = ActionFlags<FollowupMode>;

/**
 * Reads the action word (the first of `modes` when none; not one of them is said with `notOne`), that no words
 * follow it, --region and --group (each checked for its shape), --yes and --json: every problem at once.
 */
export function readAction<M extends string>(
	args: Pick<ParsedArgs, 'positionals' | 'flags'>,
	modes: readonly [M, ...M[]],
	notOne: MessageKey,
): ActionFlags<M> {
	const {flags} = args;
	const [word, ...extra] = args.positionals;
	const problems: string[] = [];
	const mode = modes.find((m) => m === word) ?? modes[0];
	if (word !== undefined && word !== mode) problems.push(t(notOne, {value: cleanLine(word)}));
	if (extra.length > 0) problems.push(t('followup.flags.extra', {value: cleanLine(extra.join(' '))}));
	const region = typeof flags.region === 'string' ? flags.region.trim() : undefined;
	const group = typeof flags.group === 'string' ? flags.group.trim() : undefined;
	const regionProblem = region === undefined ? undefined : validateRegionId(region);
	if (regionProblem) problems.push(t('followup.flags.flag', {flag: '--region', message: regionProblem}));
	const groupProblem = group === undefined ? undefined : validateGroupId(group);
	if (groupProblem) problems.push(t('followup.flags.flag', {flag: '--group', message: groupProblem}));
	return {
		mode,
		...(region ? {regionId: region} : {}),
		...(group ? {groupId: group} : {}),
		yes: flags.yes === true,
		json: flags.json === true,
		listed: word === 'list',
		problems,
	};
}

/**
 * Reads the action word (list when none), the target and the repeated `flag` (each value through `parse`, which
 * keeps it or returns its problem; needed by add and remove, refused without them), every problem at once.
 */
export function readCommon(
	args: Pick<ParsedArgs, 'positionals' | 'flags'>,
	flag: 'rule' | 'instance',
	parse: (value: string) => string | undefined,
): CommonFlags {
	const read = readAction<FollowupMode>(
		args,
		['list', 'add', 'remove'],
		flag === 'rule' ? 'followup.flags.rulesAction' : 'followup.flags.instancesAction',
	);
	const given = args.flags[flag];
	const values = Array.isArray(given) ? (given as readonly string[]) : [];
	for (const value of values) {
		const problem = parse(value);
		if (problem) read.problems.push(t('followup.flags.flag', {flag: `--${flag}`, message: problem}));
	}
	if (read.mode === 'list') {
		if (values.length > 0)
			read.problems.push(
				t(flag === 'rule' ? 'followup.flags.ruleWithoutAction' : 'followup.flags.instanceWithoutAction'),
			);
	} else if (values.length === 0) {
		read.problems.push(
			t(flag === 'rule' ? 'followup.flags.ruleMissing' : 'followup.flags.instanceMissing', {
				action: read.mode,
			}),
		);
	}
	return read;
}

/** Without a terminal, with --json, `list` typed, or add/remove with --yes: the flags-only path. */
export const isScripted = (io: Io, read: CommonFlags): boolean =>
	!io.interactive || read.json || read.listed || (read.mode !== 'list' && read.yes);

/** The calls that failed or were skipped, for a --json report, each as `entry` writes it (undefined: left out). */
export function failedOf<T>(
	outcome: ChangeOutcome,
	entry: (call: CallOutcome['call'], why: {code: string; message: string}) => T | undefined,
): T[] {
	return outcome.outcomes.flatMap((o) => {
		if (o.state !== 'failed' && o.state !== 'skipped') return [];
		const why = {
			code: o.error?.code ?? 'Skipped',
			message: o.error ? o.error.sentence : t('followup.call.skipped'),
		};
		const written = entry(o.call, why);
		return written === undefined ? [] : [written];
	});
}

/**
 * A change's report: the JSON line with --json, else a line per call and `more`; then the exit code: the stop's
 * when stopped (said on stderr), else 0 or 1 by the calls.
 */
export function reportSent(
	io: Io,
	read: Pick<CommonFlags, 'json'>,
	sent: Sent,
	plan: ChangePlan,
	report: {requestIds?: never; cancelled?: never} & Record<string, unknown>,
	more: readonly string[],
): ExitCode {
	const {outcome} = sent;
	printResult(
		io,
		read.json,
		{...report, requestIds: requestIdsOf(outcome), ...(outcome.cancelled ? {cancelled: true} : {})},
		[...outcome.outcomes.map(outcomeLine), ...more],
	);
	if (outcome.cancelled) {
		warn(io, [t('followup.flags.cancelled')]);
		return sent.stoppedCode;
	}
	return outcomeCode({status: 'applied', regionId: plan.regionId, groupId: plan.groupId, outcome});
}

/**
 * The region for the flags path when --region is left out: the region stored with the profile, else the one
 * used last. The API needs a region and a group id does not say which; guessing wider (asking every region)
 * would be slow and could act on a group of the same id elsewhere, so a miss is a usage error naming --region.
 */
export function defaultRegion(services: Services): {regionId: string; from: 'profile' | 'last'} | undefined {
	if (services.credentials.regionId) return {regionId: services.credentials.regionId, from: 'profile'};
	try {
		const last = services.store.settings.lastRegion();
		if (last) return {regionId: last, from: 'last'};
	} catch {
		// An unreadable settings file gives no default; --region still works.
	}
	return undefined;
}

/**
 * Reads the group the flags name. A group that is not in the region is a usage error (exit 2: the flags are
 * wrong, not the cloud); anything else the api throws is left to the caller.
 */
export async function readGroup(
	services: Services,
	regionId: string,
	groupId: string,
	assumed: boolean,
): Promise<SecurityGroupDetail | string> {
	try {
		return await services.api.describeSecurityGroupAttribute(regionId, groupId);
	} catch (error) {
		// The region itself is wrong: blame --region, with the regions ECS knows when they can be read.
		if (error instanceof CloudError && error.kind === 'region-not-found' && !assumed) {
			try {
				const regions = await services.api.describeRegions();
				if (regions.length > 0)
					return t('followup.flags.flag', {
						flag: '--region',
						message: unknownRegionMessage(
							regionId,
							regions.map((r) => r.id),
						),
					});
			} catch {
				// The list is a help, not a need: the message below stands.
			}
		}
		if (
			error instanceof CloudError &&
			(error.kind === 'group-not-found' || error.kind === 'region-not-found')
		) {
			return t(assumed ? 'followup.flags.notInAssumedRegion' : 'followup.flags.notInRegion', {
				id: groupId,
				region: regionId,
				code: error.code,
			});
		}
		throw error;
	}
}

/**
 * Ctrl+C (or SIGTERM, SIGHUP) while changes are sent: the first stops before the next call (the one in flight
 * finishes, so what changed is known and reported); a second quits at once.
 */
export const listenForInterrupts = (io: Io): TwoStageStop =>
	stopInTwo({
		first: () => warn(io, [t('followup.flags.stopping')]),
		second: () => warn(io, [t('followup.flags.quitNow')]),
	});

/**
 * The flags path up to the group: every flag problem at once (before any service starts when the region is given),
 * the region from the profile or the last run when --region is left out (said on stderr), the group read (not
 * there: exit 2); then `act`, with a cloud failure reported as its exit code and the services closed.
 */
export async function runOnGroup(
	args: ParsedArgs,
	io: Io,
	read: CommonFlags,
	act: (services: Services, regionId: string, group: SecurityGroupDetail) => Promise<ExitCode>,
): Promise<ExitCode> {
	const problems = [...read.problems];
	if (!read.groupId) problems.push(t('followup.flags.groupMissing'));
	if (read.mode !== 'list' && !read.yes) problems.push(t('followup.flags.yesMissing'));
	// Everything wrong with the flags is said before any service starts (a sandbox, a settings file).
	if (problems.length > 0 && read.regionId) return usage(io, problems);
	const opened = await open(args, io, problems.length === 0);
	if (typeof opened === 'number') return opened;
	const services = opened;
	try {
		let regionId = read.regionId;
		let assumed = false;
		if (!regionId) {
			const found = defaultRegion(services);
			if (found) {
				regionId = found.regionId;
				assumed = true;
			} else problems.push(t('followup.flags.regionMissing'));
		}
		if (problems.length > 0 || !regionId || !read.groupId) return usage(io, problems);
		if (assumed) warn(io, [t('followup.flags.assumedRegion', {region: regionId})]);
		const group = await readGroup(services, regionId, read.groupId, assumed);
		if (typeof group === 'string') return usage(io, [group]);
		return await act(services, regionId, group);
	} catch (error) {
		const {reportFailure} = await import('./services.js');
		return reportFailure(io, error);
	} finally {
		await services.close();
	}
}

/** A plan sent from the flags path: its outcome, and the exit code a stop ends with. */
type Sent = {outcome: ChangeOutcome; stoppedCode: ExitCode};

/**
 * Sends the plan (nothing when it has no calls), a Ctrl+C or stop signal stopping it after the call in flight,
 * saying on stderr what `say` says of each call as its first try starts; then remembers its region.
 */
export async function sendPlan(
	io: Io,
	services: Services,
	plan: ChangePlan,
	say: (call: ChangePlan['calls'][number]) => string | undefined,
): Promise<Sent> {
	const onEvent = (event: ChangeEvent): void => {
		const call = plan.calls[event.index];
		const text = event.state === 'running' && event.attempt === 1 && call ? say(call) : undefined;
		if (text) warn(io, [text]);
	};
	if (plan.calls.length === 0)
		return {outcome: {outcomes: [], cancelled: false}, stoppedCode: exitCodes.cancelled};
	const interrupts = listenForInterrupts(io);
	let outcome: ChangeOutcome;
	try {
		outcome = await followupCalls(services.api).apply(plan.calls, onEvent, interrupts.signal);
	} finally {
		interrupts.stop();
	}
	try {
		services.store.settings.remember({regionId: plan.regionId});
	} catch {
		// Remembering the region is a convenience.
	}
	return {outcome, stoppedCode: interrupts.exitCode()};
}
