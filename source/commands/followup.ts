// What `ecs-sg rules` and `ecs-sg instances` share: reading the group and region flags, finding the region when
// the flags leave it out, Ctrl+C while calls run, running their Ink app, and printing.
import type {ReactElement} from 'react';
import {CloudError} from '../cloud/errors.js';
import type {SecurityGroupDetail} from '../cloud/port.js';
import {validateGroupId, validateRegionId} from '../domain/validators.js';
import {cleanBlock, cleanLine, t} from '../text/index.js';
import {
	type FollowupOutcome,
	type FollowupServices,
	exitCodeOf as outcomeCode,
	type StopRequests,
} from '../wizard/followup/services.js';
import type {Flags, ParsedArgs} from './args.js';
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
			const region = cleanLine(regionId);
			try {
				const regions = await services.api.describeRegions();
				if (regions.length > 0)
					return t('followup.flags.unknownRegion', {region, list: regions.map((r) => r.id).join(', ')});
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
