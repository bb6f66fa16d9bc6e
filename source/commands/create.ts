// `ecs-sg create`: in a terminal, the wizard (pre-filled from the flags); otherwise, or with --json, the
// flags-only path. Also the first run without credentials (offer `configure` or the sandbox) and, for
// --dry-run/--export with answers missing, the wizard collecting them and printing instead of creating.
import {createElement} from 'react';
import type {JournalEntry} from '../config/types.js';
import type {Answers} from '../domain/answers.js';
import type {FlagProblem} from '../domain/from-flags.js';
import type {Rule} from '../domain/model.js';
import {cleanBlock, lang, t} from '../text/index.js';
import type {WizardOutcome} from '../wizard/app.js';
import type {UnfinishedServices, WizardServices} from '../wizard/services.js';
import {stepOfFlag} from '../wizard/state.js';
import type {GlobalOptions, ParsedArgs} from './args.js';
import {followupCalls} from './followup.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';
import {isPromptExit} from './prompt-exit.js';
import type {Services} from './services.js';
import {exitCodeOf, type StopSignal, stopRequests} from './signals.js';

const runFlagsPath = async (args: ParsedArgs, io: Io): Promise<number> =>
	(await import('./create-flags.js')).run(args, io);

/** Both targets send calls to the same place (resume must not finish a sandbox create against the cloud). */
export const sameTarget = (a: JournalEntry['target'], b: JournalEntry['target']): boolean =>
	(a.endpoint ?? '') === (b.endpoint ?? '') &&
	Boolean(a.sandbox) === Boolean(b.sandbox) &&
	(a.profile ?? '') === (b.profile ?? '');

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const planOnly = args.flags['dry-run'] === true || typeof args.flags.export === 'string';
	if (!io.interactive || args.flags.json === true) return runFlagsPath(args, io);

	const {checkFlags, createFlagsOf, exportProblem} = await import('./create-check.js');
	// --dry-run / --export with every answer given needs no questions: the flags path prints it.
	if (planOnly && checkFlags(args.flags).ok) return runFlagsPath(args, io);

	const {fromFlags} = await import('../domain/from-flags.js');
	const read = fromFlags(createFlagsOf(args.flags));
	// Problems no wizard step can fix (tags, resource group, export format) are usage errors up front.
	const unaskable: FlagProblem[] = read.problems.filter((p) => stepOfFlag(p.flag) === undefined);
	const badExport = exportProblem(args.flags);
	if (badExport) unaskable.push(badExport);
	if (unaskable.length > 0) {
		for (const p of unaskable)
			line(io.stderr, t('cli.error.prefix', {message: t('wizard.create.noFlagStep', p)}));
		line(io.stderr, t('cli.hint.help'));
		return exitCodes.usage;
	}

	const opened = await openOrOffer(args.global, io);
	if (typeof opened === 'number') return opened;
	const services = opened;
	try {
		const {outcome, signal} = await runWizard(args, io, services, {
			answers: read.answers,
			problems: read.problems,
			seed: {source: read.source, extraRules: read.extraRules},
			planOnly,
		});
		return await finish(args, io, services, outcome, signal);
	} finally {
		await services.close();
	}
}

/** Opens the services; with no credentials, tells the user and offers `configure` or the sandbox. */
async function openOrOffer(global: GlobalOptions, io: Io): Promise<Services | ExitCode> {
	const {NoCredentialsError, openServices, reportFailure} = await import('./services.js');
	try {
		return await openServices(global, io);
	} catch (error) {
		if (!(error instanceof NoCredentialsError)) return reportFailure(io, error);
		line(io.stderr, error.sentence);
	}
	let choice: 'configure' | 'sandbox' | 'quit';
	try {
		const {select} = await import('./prompts.js');
		choice = await select(
			{
				message: t('wizard.create.firstRun'),
				choices: [
					{name: t('wizard.create.choiceConfigure'), value: 'configure' as const},
					{name: t('wizard.create.choiceSandbox'), value: 'sandbox' as const},
					{name: t('wizard.create.choiceQuit'), value: 'quit' as const},
				],
			},
			{input: io.stdin, output: io.stderr},
		);
	} catch (error) {
		if (isPromptExit(error)) {
			line(io.stderr, t('wizard.create.cancelled'));
			return exitCodes.cancelled;
		}
		throw error;
	}
	if (choice === 'quit') {
		line(io.stderr, t('wizard.create.quitHint'));
		return exitCodes.usage;
	}
	try {
		if (choice === 'configure') {
			const {configureInteractive} = await import('./configure.js');
			const saved = await configureInteractive(io, {global});
			if (saved !== 'saved') {
				line(io.stderr, t('wizard.create.cancelled'));
				return exitCodeOf(saved === 'cancelled' ? undefined : saved);
			}
			return await openServices(global, io);
		}
		return await openServices({...global, endpoint: undefined, sandbox: true}, io);
	} catch (error) {
		return reportFailure(io, error);
	}
}

type WizardInput = {
	answers: Partial<Answers>;
	problems: readonly FlagProblem[];
	seed: {source: string; extraRules: Rule[]};
	planOnly: boolean;
};

type Engine = typeof import('../cloud/engine.js');

/** Finishing or deleting an unfinished create from the wizard's first screen, in one sentence each. */
function unfinishedServices(
	engine: Engine,
	deps: Parameters<Engine['finishUnfinished']>[1],
): UnfinishedServices {
	const {api} = deps;
	return {
		inspect: (entry) => engine.inspectUnfinished(entry, api),
		async finish(entry) {
			const outcome = await engine.finishUnfinished(entry, deps);
			return outcome.ok
				? {ok: true, message: t('wizard.unfinished.finished', {id: outcome.result.groupId})}
				: {ok: false, message: `${outcome.error.sentence} ${outcome.error.next}`};
		},
		async remove(entry) {
			const outcome = await engine.deleteUnfinished(entry, deps);
			if (!outcome.ok) return {ok: false, message: `${outcome.error.sentence} ${outcome.error.next}`};
			return {
				ok: true,
				message: outcome.groupId
					? t('wizard.unfinished.deleted', {id: outcome.groupId})
					: t('wizard.unfinished.nothingExisted'),
			};
		},
	};
}

/**
 * The real engine wired for the wizard. Only creates made against this same target can be inspected from its first
 * screen; the rest are counted on stderr and left to `ecs-sg resume`, as are entries that cannot be read.
 */
async function wizardServicesOf(io: Io, services: Services, engine: Engine): Promise<WizardServices> {
	const {planFromAnswers} = await import('../domain/plan.js');
	const {api, store, target} = services;
	const deps = {api, journal: store.journal, target};
	// The journal is read (the settings file parsed) once for all three looks at it before the first frame.
	const listed = store.journal.list();
	const snapshot = {...store.journal, list: () => listed};
	const all = engine.unfinishedEntries(snapshot);
	const here = all.filter((e) => sameTarget(e.target, target));
	const elsewhere = all.length - here.length;
	if (elsewhere > 0) line(io.stderr, t('wizard.unfinished.otherTargets', {count: elsewhere}));
	const unreadable = engine.unreadableEntries(snapshot);
	if (unreadable.length > 0) {
		const {unreadableLines} = await import('./resume.js');
		for (const entry of unreadable) for (const l of unreadableLines(entry, store.path)) line(io.stderr, l);
	}
	return {
		api,
		settings: store.settings,
		...(services.credentials.regionId ? {defaultRegion: services.credentials.regionId} : {}),
		journal: {...store.journal, list: () => [...here]},
		plan: (answers) => planFromAnswers(answers),
		submit: (plan, onEvent, signal) => engine.submit(plan, {...deps, ...(signal ? {signal} : {})}, onEvent),
		followup: followupCalls(api),
		unfinished: unfinishedServices(engine, deps),
		target,
	};
}

/**
 * Renders the wizard and waits for its outcome. SIGINT, SIGTERM and SIGHUP act like Ctrl+C meanwhile (the wizard
 * ends cleanly and says what exists); `signal` is the first one that came.
 */
async function runWizard(
	args: ParsedArgs,
	io: Io,
	services: Services,
	input: WizardInput,
): Promise<{outcome: WizardOutcome; signal?: StopSignal}> {
	const [{render}, {App}, engine] = await Promise.all([
		import('ink'),
		import('../wizard/app.js'),
		import('../cloud/engine.js'),
	]);
	const wizardServices = await wizardServicesOf(io, services, engine);
	// @inquirer/prompts (first run, configure) may have paused stdin; Ink's input would then never arrive.
	io.stdin.resume();
	let outcome: WizardOutcome | undefined;
	const stops = stopRequests();
	const instance = render(
		createElement(App, {
			services: wizardServices,
			initial: {
				answers: input.answers,
				problems: input.problems,
				yes: args.flags.yes === true,
				mode: input.planOnly ? 'plan' : 'create',
			},
			seed: input.seed,
			language: lang() === 'zh' ? 'zh-CN' : 'en-US',
			// A newcomer on `npm start` should know at once that nothing here touches a real account.
			...(services.target.sandbox ? {notice: t('wizard.create.sandboxNotice')} : {}),
			onExit: (value: WizardOutcome) => {
				outcome = value;
			},
			interrupts: stops.requests,
		}),
		{
			stdin: io.stdin,
			stdout: io.stdout,
			stderr: io.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	try {
		await instance.waitUntilExit();
	} finally {
		stops.stop();
	}
	return {
		outcome: outcome ?? {status: 'cancelled', during: 'editing', complete: false},
		signal: stops.signal(),
	};
}

async function finish(
	args: ParsedArgs,
	io: Io,
	services: Services,
	outcome: WizardOutcome,
	signal?: StopSignal,
): Promise<number> {
	switch (outcome.status) {
		case 'done':
		case 'reused':
			// A follow-up started from Done ends the run: its exit code, except that leaving it with Esc is no cancel
			// (the group was created either way).
			if (!outcome.followUp || outcome.followUp.status === 'left') return exitCodes.ok;
			if (outcome.followUp.status === 'cancelled') return exitCodeOf(signal);
			return outcome.followUp.outcome.outcomes.some((o) => o.state === 'failed')
				? exitCodes.cloud
				: exitCodes.ok;
		case 'failed':
			return exitCodes.cloud;
		case 'cancelled':
			// A cancel is never exit 0: a group made whole before the stop took effect ends at Done instead.
			return exitCodeOf(signal);
		case 'planned':
			await printPlan(args, io, services, outcome.answers);
			return exitCodes.ok;
	}
}

/** What --dry-run or --export prints, for the answers the wizard collected. */
async function printPlan(args: ParsedArgs, io: Io, services: Services, answers: Answers): Promise<void> {
	const [{planFromAnswers}, {lintRules}, {findSameName}] = await Promise.all([
		import('../domain/plan.js'),
		import('../domain/lint.js'),
		import('../cloud/duplicates.js'),
	]);
	const plan = planFromAnswers(answers);
	if (args.flags.export === 'aliyun' || args.flags.export === 'terraform') {
		const {exportAliyun} = await import('../domain/export-aliyun.js');
		const {exportTerraform} = await import('../domain/export-terraform.js');
		io.stdout.write(cleanBlock(args.flags.export === 'aliyun' ? exportAliyun(plan) : exportTerraform(plan)));
		return;
	}
	const {dryRunLines} = await import('../domain/summary.js');
	const duplicates = await findSameName(services.api, answers.regionId, answers.vpcId, answers.name).catch(
		() => [],
	);
	const warnings = lintRules(answers.rules).map((w) => w.message);
	for (const l of dryRunLines(plan, {warnings, duplicates})) line(io.stdout, cleanBlock(l));
}
