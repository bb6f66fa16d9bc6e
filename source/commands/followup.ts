// What `ecs-sg rules` and `ecs-sg instances` share: reading the group and region flags, finding the region when
// the flags leave it out, Ctrl+C while calls run, running their Ink app, and printing.
import {type ComponentType, createElement, type ReactElement} from 'react';
import type {ChangeEvent, ChangeOutcome} from '../cloud/change-types.js';
import {CloudError} from '../cloud/errors.js';
import type {SecurityGroupDetail} from '../domain/model.js';
import type {ChangePlan} from '../domain/plan-types.js';
import {validateGroupId, validateRegionId} from '../domain/validators.js';
import {cleanBlock, t} from '../text/index.js';
import type {FollowupAppProps} from '../wizard/followup/app-root.js';
import {
	type FollowupOutcome,
	type FollowupServices,
	type FollowupStart,
	exitCodeOf as outcomeCode,
	type StopRequests,
} from '../wizard/followup/services.js';
import {type Flags, type ParsedArgs, unknownRegionMessage} from './args.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';
import type {Services} from './services.js';
import {endBy, exitCodeOf, onStopSignals, type StopSignal} from './signals.js';

export const print = (io: Io, lines: readonly string[]): void => {
	for (const l of lines) line(io.stdout, cleanBlock(l));
};
export const warn = (io: Io, lines: readonly string[]): void => {
	for (const l of lines) line(io.stderr, cleanBlock(l));
};

/** Usage problems, one line each, then the help hint: exit 2, nothing sent. */
export function usage(io: Io, problems: readonly string[]): ExitCode {
	for (const p of problems) line(io.stderr, t('cli.error.prefix', {message: p}));
	line(io.stderr, t('cli.hint.help'));
	return exitCodes.usage;
}

export type TargetFlags = {regionId?: string; groupId?: string; problems: string[]};

/** --region and --group as given (each checked for its shape). */
export function readTarget(flags: Flags): TargetFlags {
	const problems: string[] = [];
	const region = typeof flags.region === 'string' ? flags.region.trim() : undefined;
	const group = typeof flags.group === 'string' ? flags.group.trim() : undefined;
	if (region !== undefined) {
		const problem = validateRegionId(region);
		if (problem) problems.push(t('followup.flags.flag', {flag: '--region', message: problem}));
	}
	if (group !== undefined) {
		const problem = validateGroupId(group);
		if (problem) problems.push(t('followup.flags.flag', {flag: '--group', message: problem}));
	}
	return {
		...(region !== undefined ? {regionId: region} : {}),
		...(group !== undefined ? {groupId: group} : {}),
		problems,
	};
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

export type Interrupts = {
	signal: AbortSignal;
	stop(): void;
	/** The exit code of a stop: 130 for Ctrl+C or SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
	exitCode(): ExitCode;
};

/**
 * Ctrl+C (or SIGTERM, SIGHUP) while changes are sent: the first stops before the next call (the one in flight
 * finishes, so what changed is known and reported); a second quits at once. Echoes are left out by onStopSignals.
 */
export function listenForInterrupts(io: Io): Interrupts {
	const controller = new AbortController();
	let first: StopSignal | undefined;
	const stop = onStopSignals((signal) => {
		if (!controller.signal.aborted) {
			controller.abort();
			first = signal;
			warn(io, [t('followup.flags.stopping')]);
			return;
		}
		stop();
		warn(io, [t('followup.flags.quitNow')]);
		endBy(signal);
	});
	return {signal: controller.signal, stop, exitCode: () => exitCodeOf(first)};
}

/** Opens the services for a follow-up, reporting a failure (no credentials, a bad --endpoint) as its exit code. */
export async function open(args: ParsedArgs, io: Io, needCredentials = true): Promise<Services | ExitCode> {
	const {openServices, reportFailure} = await import('./services.js');
	try {
		return await openServices(args.global, io, {needCredentials});
	} catch (error) {
		return reportFailure(io, error);
	}
}

export const followupServices = (services: Services): FollowupServices => ({
	api: services.api,
	settings: services.store.settings,
	...(services.credentials.regionId ? {defaultRegion: services.credentials.regionId} : {}),
	...(services.sandbox ? {sandbox: true} : {}),
});

/** How a follow-up's app ended, and the signal that stopped it if one did. */
export type AppRun = {outcome: FollowupOutcome; signal?: StopSignal};

/** 0 done, 1 a call failed; a cancel ends with the code of what stopped it (130 Ctrl+C or SIGINT, 143, 129). */
export const exitCodeOfRun = (run: AppRun): ExitCode =>
	run.outcome.status === 'cancelled' ? exitCodeOf(run.signal) : outcomeCode(run.outcome);

/**
 * Renders a follow-up's Ink app and waits for its outcome. SIGINT, SIGTERM and SIGHUP reach the app as Ctrl+C does
 * (while calls run it stops after the call in flight and shows what was done; a second one leaves at once),
 * instead of ending the process mid-call.
 */
export async function runApp(
	io: Io,
	app: (onExit: (outcome: FollowupOutcome) => void, interrupts: StopRequests) => ReactElement,
): Promise<AppRun> {
	const {render} = await import('ink');
	let outcome: FollowupOutcome | undefined;
	let signal: StopSignal | undefined;
	const listeners = new Set<() => void>();
	// A signal before the app has subscribed (its first effects) is handed over when it does.
	let missed = false;
	const stopListening = onStopSignals((received) => {
		signal ??= received;
		if (listeners.size === 0) missed = true;
		for (const listener of listeners) listener();
	});
	const interrupts: StopRequests = (listener) => {
		listeners.add(listener);
		if (missed) {
			missed = false;
			listener();
		}
		return () => listeners.delete(listener);
	};
	io.stdin.resume();
	try {
		const instance = render(
			app((value) => {
				outcome = value;
			}, interrupts),
			{
				stdin: io.stdin,
				stdout: io.stdout,
				stderr: io.stderr,
				exitOnCtrlC: false,
				patchConsole: false,
			},
		);
		await instance.waitUntilExit();
	} finally {
		stopListening();
	}
	return {outcome: outcome ?? {status: 'cancelled'}, ...(signal ? {signal} : {})};
}

/**
 * A follow-up in a terminal: opens the services, renders the app `load` gives (imported only now, so the flags
 * path never loads Ink) from `start` plus the flags' region and group, and ends with the run's exit code.
 */
export async function runInteractive(
	args: ParsedArgs,
	io: Io,
	target: Pick<TargetFlags, 'regionId' | 'groupId'>,
	start: FollowupStart,
	load: () => Promise<ComponentType<FollowupAppProps>>,
): Promise<ExitCode> {
	const opened = await open(args, io);
	if (typeof opened === 'number') return opened;
	try {
		const App = await load();
		const run = await runApp(io, (onExit, interrupts) =>
			createElement(App, {
				services: followupServices(opened),
				start: {
					...(target.regionId ? {regionId: target.regionId} : {}),
					...(target.groupId ? {groupId: target.groupId} : {}),
					...start,
				},
				onExit,
				interrupts,
			}),
		);
		return exitCodeOfRun(run);
	} finally {
		await opened.close();
	}
}

/** What the flags path of either follow-up has read before it acts. */
export type FlagsTarget = {
	readonly mode: 'list' | 'add' | 'remove';
	readonly regionId?: string;
	readonly groupId?: string;
	readonly yes: boolean;
	readonly problems: readonly string[];
};

/**
 * The flags path up to the group: every flag problem at once (before any service starts when the region is given),
 * the region from the profile or the last run when --region is left out (said on stderr), the group read (not
 * there: exit 2); then `act`, with a cloud failure reported as its exit code and the services closed.
 */
export async function runOnGroup(
	args: ParsedArgs,
	io: Io,
	read: FlagsTarget,
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
export type Sent = {outcome: ChangeOutcome; stoppedCode: ExitCode};

/**
 * Sends the plan (nothing when it has no calls), a Ctrl+C or stop signal stopping it after the call in flight,
 * then remembers its region for the next run.
 */
export async function sendPlan(
	io: Io,
	services: Services,
	plan: ChangePlan,
	onEvent: (event: ChangeEvent) => void,
): Promise<Sent> {
	if (plan.calls.length === 0)
		return {outcome: {outcomes: [], cancelled: false}, stoppedCode: exitCodes.cancelled};
	const interrupts = listenForInterrupts(io);
	let outcome: ChangeOutcome;
	try {
		const {applyChanges} = await import('../cloud/changes.js');
		outcome = await applyChanges(services.api, plan.calls, onEvent, interrupts.signal);
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

/** The exit code after the report is printed: the stop's when stopped (said on stderr), else 0 or 1 by the calls. */
export function sentCode(io: Io, sent: Sent, plan: ChangePlan): ExitCode {
	if (sent.outcome.cancelled) {
		warn(io, [t('followup.flags.cancelled')]);
		return sent.stoppedCode;
	}
	return outcomeCode({
		status: 'applied',
		regionId: plan.regionId,
		groupId: plan.groupId,
		outcome: sent.outcome,
	});
}
