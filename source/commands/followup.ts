// What `ecs-sg rules` and `ecs-sg instances` share around their Ink app: the services (with the cloud calls the
// screens are given), rendering the app with stops relayed to it, and printing. The flags path is followup-flags.ts.
import {type ComponentType, createElement} from 'react';
import type {EcsApi, RetryObservable} from '../cloud/port.js';
import {cleanBlock, cleanDeep, t} from '../text/index.js';
import type {FollowupAppProps} from '../wizard/followup/flow-app.js';
import {
	type FollowupCalls,
	type FollowupOutcome,
	type FollowupServices,
	type FollowupStart,
	exitCodeOf as outcomeCode,
} from '../wizard/followup/services.js';
import type {ParsedArgs} from './args.js';
import type {CommonFlags} from './followup-flags.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';
import type {Services} from './services.js';
import {exitCodeOf, stopRequests} from './signals.js';

export const print = (io: Io, lines: readonly string[]): void => {
	for (const l of lines) line(io.stdout, cleanBlock(l));
};
export const warn = (io: Io, lines: readonly string[]): void => {
	for (const l of lines) line(io.stderr, cleanBlock(l));
};

/** A result: the JSON line with --json (`report`, cleaned of control characters), else `lines` for a person. */
export function printResult(
	io: Io,
	json: boolean,
	report: Record<string, unknown>,
	lines: readonly string[],
): ExitCode {
	if (json) line(io.stdout, JSON.stringify(cleanDeep(report)));
	else print(io, lines);
	return exitCodes.ok;
}

/** Usage problems, one line each, then the help hint: exit 2, nothing sent. */
export function usage(io: Io, problems: readonly string[]): ExitCode {
	for (const p of problems) line(io.stderr, t('cli.error.prefix', {message: p}));
	line(io.stderr, t('cli.hint.help'));
	return exitCodes.usage;
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

/** The follow-ups' cloud calls bound to `api` (each module loaded on its first call, like pop-core). */
export const followupCalls = (api: EcsApi & Partial<RetryObservable>): FollowupCalls => ({
	apply: async (calls, onEvent, signal) =>
		(await import('../cloud/changes.js')).applyChanges(api, calls, onEvent, signal),
	members: async (regionId, groupId) =>
		(await import('../cloud/members.js')).readMembers(api, regionId, groupId),
});

const followupServices = (services: Services): FollowupServices => ({
	api: services.api,
	...followupCalls(services.api),
	settings: services.store.settings,
	...(services.credentials.regionId ? {defaultRegion: services.credentials.regionId} : {}),
	...(services.sandbox ? {sandbox: true} : {}),
});

/**
 * A follow-up in a terminal: opens the services, renders the app `load` gives (imported only now, so the flags
 * path never loads Ink) from `start` plus the flags' region and group, and waits for its outcome. SIGINT, SIGTERM
 * and SIGHUP reach the app as Ctrl+C does (while calls run it stops after the call in flight and shows what was
 * done; a second one leaves at once) instead of ending the process mid-call. The exit code: 0 done, 1 a call
 * failed; a cancel ends with the code of what stopped it (130 Ctrl+C or SIGINT, 143, 129).
 */
export async function runInteractive(
	args: ParsedArgs,
	io: Io,
	target: Pick<CommonFlags, 'regionId' | 'groupId'>,
	start: FollowupStart,
	load: () => Promise<ComponentType<FollowupAppProps>>,
): Promise<ExitCode> {
	const opened = await open(args, io);
	if (typeof opened === 'number') return opened;
	try {
		const App = await load();
		const {render} = await import('ink');
		let outcome: FollowupOutcome | undefined;
		const stops = stopRequests();
		io.stdin.resume();
		try {
			const app = createElement(App, {
				services: followupServices(opened),
				start: {
					...(target.regionId ? {regionId: target.regionId} : {}),
					...(target.groupId ? {groupId: target.groupId} : {}),
					...start,
				},
				onExit: (value) => {
					outcome = value;
				},
				interrupts: stops.requests,
			});
			const options = {
				stdin: io.stdin,
				stdout: io.stdout,
				stderr: io.stderr,
				exitOnCtrlC: false,
				patchConsole: false,
			};
			await render(app, options).waitUntilExit();
		} finally {
			stops.stop();
		}
		const ended = outcome ?? {status: 'cancelled'};
		return ended.status === 'cancelled' ? exitCodeOf(stops.signal()) : outcomeCode(ended);
	} finally {
		await opened.close();
	}
}
