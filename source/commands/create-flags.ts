// The flags-only path of `ecs-sg create` (no terminal, or --json): every answer comes as a flag, every problem
// is named in one message (exit 2, nothing called), then the same plan and engine as the wizard. Results go to
// stdout (human lines, or exactly one JSON object with --json); progress, warnings and errors go to stderr.
import {findSameName} from '../cloud/duplicates.js';
import {cancelledCode, submit} from '../cloud/engine.js';
import type {SubmitOutcome} from '../cloud/engine-types.js';
import {CloudError} from '../cloud/errors.js';
import type {Answers} from '../domain/answers.js';
import {exportAliyun} from '../domain/export-aliyun.js';
import {exportTerraform} from '../domain/export-terraform.js';
import type {FlagProblem} from '../domain/from-flags.js';
import type {SecurityGroupSummary} from '../domain/model.js';
import {planFromAnswers} from '../domain/plan.js';
import type {SubmitPlan} from '../domain/plan-types.js';
import {dryRunLines, resultLines, whereOf} from '../domain/summary.js';
import {cleanBlock, cleanDeep, cleanLine, t} from '../text/index.js';
import {type ParsedArgs, unknownRegionMessage} from './args.js';
import {checkFlags, type FlagsCheck, problemLines} from './create-check.js';
import {afterFailureLines, planJson, progressLine, resultJson} from './create-output.js';
import {exitCodes, type Io, line, lines, stdoutPiped} from './io.js';
import type {Services} from './services.js';
import {onStopSignals, type StopSignal, stopInTwo, type TwoStageStop} from './signals.js';

export type FlagsDeps = {
	openServices: (args: ParsedArgs, io: Io, options: {needCredentials: boolean}) => Promise<Services>;
	/** Calls the handler on Ctrl+C, SIGTERM or SIGHUP (no signal means SIGINT); returns the function that stops listening. */
	onInterrupt: (handler: (signal?: StopSignal) => void) => () => void;
	/** The clock that tells a second Ctrl+C from an echo of the first (tests). */
	now?: () => number;
	/** Quits at once on a second Ctrl+C (default: the signal's default action, exit by signal). */
	forceQuit?: (signal: StopSignal) => void;
};

/** A Ctrl+C sooner than this after the first is the echo of the first, not a second press. */
const secondPressMs = 300;

const defaultDeps: FlagsDeps = {
	openServices: async (args, io, options) =>
		(await import('./services.js')).openServices(args.global, io, options),
	onInterrupt: onStopSignals,
};

type Interrupts = TwoStageStop & {
	/** What to say if the user quits at once: set as the create goes on. */
	describe(lines: () => string[]): void;
};

/**
 * Ctrl+C while creating: the first press stops before the next call (the call in flight is left to finish, so
 * what exists is known and journaled); a second press quits at once, saying what may exist.
 */
function listenForInterrupts(io: Io, deps: FlagsDeps): Interrupts {
	let describe = () => [t('submit.cancel.nothing')];
	const stop = stopInTwo({
		first: () => lines(io.stderr, [t('submit.cancel.stopping')]),
		second: () => lines(io.stderr, describe()),
		listen: deps.onInterrupt,
		// conf's exit hook (when-exit) raises the first SIGINT once more right away: that is not a second press.
		now: deps.now ?? Date.now,
		echo: secondPressMs,
		...(deps.forceQuit ? {end: deps.forceQuit} : {}),
	});
	return {
		...stop,
		describe: (lines) => {
			describe = lines;
		},
	};
}

/** The read-only checks before creating: the region is one ECS knows, the VPC exists, which groups have the name. */
async function lookAround(
	answers: Answers,
	services: Services,
	signal?: AbortSignal,
): Promise<{problems: FlagProblem[]; duplicates: SecurityGroupSummary[]}> {
	try {
		const problems: FlagProblem[] = [];
		if (answers.network === 'vpc' && answers.vpcId) {
			const vpcs = await services.api.describeVpcs(answers.regionId, signal ? {signal} : {});
			if (!vpcs.some((v) => v.id === answers.vpcId)) {
				const names = vpcs.slice(0, 10).map((v) => (v.name ? `${v.id} (${cleanLine(v.name)})` : v.id));
				problems.push({
					flag: '--vpc',
					message:
						vpcs.length === 0
							? t('submit.flags.noVpcs', {vpc: answers.vpcId, region: answers.regionId})
							: t('submit.flags.noVpc', {
									vpc: answers.vpcId,
									region: answers.regionId,
									list: names.join(', ') + (vpcs.length > 10 ? ', …' : ''),
								}),
				});
			}
		}
		const duplicates = await findSameName(services.api, answers.regionId, answers.vpcId, answers.name);
		return {problems, duplicates};
	} catch (error) {
		// An unknown region is a wrong flag (exit 2), whichever read found it first (a classic group reads no VPCs).
		if (!(error instanceof CloudError) || error.kind !== 'region-not-found') throw error;
		const region = cleanLine(answers.regionId);
		let message = t('submit.flags.region', {region, sentence: error.sentence});
		try {
			const regions = await services.api.describeRegions(signal ? {signal} : {});
			if (regions.length > 0)
				message = unknownRegionMessage(
					answers.regionId,
					regions.map((r) => r.id),
				);
		} catch {
			// The list is a help, not a need: the API's own sentence stands.
		}
		return {problems: [{flag: '--region', message}], duplicates: []};
	}
}

export async function run(args: ParsedArgs, io: Io, deps: FlagsDeps = defaultDeps): Promise<number> {
	const json = args.flags.json === true;
	const dryRun = args.flags['dry-run'] === true;
	const check = checkFlags(args.flags);
	if (!check.ok) {
		const wizardWanted = !json && stdoutPiped(io);
		lines(io.stderr, [...problemLines(check, wizardWanted), t('submit.flags.hint')]);
		return exitCodes.usage;
	}
	const {exportFormat} = check;
	const creates = !dryRun && exportFormat === undefined;
	// A dry run lists the warnings in its own output; everything else shows them on stderr first.
	if (!dryRun || exportFormat)
		lines(
			io.stderr,
			check.warnings.map((message) => t('submit.warning', {message})),
		);

	// A dry run or an export changes nothing, so Ctrl+C may simply end it; a create stops between calls.
	const interrupts = creates ? listenForInterrupts(io, deps) : undefined;
	const cancelledEarly = () => {
		lines(io.stderr, [t('submit.cancel.nothing')]);
		return interrupts?.exitCode() ?? exitCodes.cancelled;
	};
	let services: Services;
	try {
		// A dry run or an export can be shown without credentials; only the checks against the cloud need them.
		services = await deps.openServices(args, io, {needCredentials: creates});
	} catch (error) {
		interrupts?.stop();
		if (interrupts?.signal.aborted) return cancelledEarly();
		const {reportFailure} = await import('./services.js');
		return reportFailure(io, error);
	}
	try {
		return await carryOut(args, io, check, services, interrupts);
	} finally {
		interrupts?.stop();
		await services.close();
	}
}

/** The checks against the cloud, then the export, the dry run or the create. */
async function carryOut(
	args: ParsedArgs,
	io: Io,
	check: FlagsCheck & {ok: true},
	services: Services,
	interrupts: Interrupts | undefined,
): Promise<number> {
	const json = args.flags.json === true;
	const {answers, exportFormat} = check;
	const cancelledEarly = () => {
		lines(io.stderr, [t('submit.cancel.nothing')]);
		return interrupts?.exitCode() ?? exitCodes.cancelled;
	};
	// Without credentials (a dry run or an export may go without) nothing is looked up and nothing found.
	let looked = {problems: [] as FlagProblem[], duplicates: [] as SecurityGroupSummary[]};
	try {
		looked = await lookAround(answers, services, interrupts?.signal);
	} catch (error) {
		if (interrupts?.signal.aborted) return cancelledEarly();
		const {NoCredentialsError, reportFailure} = await import('./services.js');
		if (interrupts || !(error instanceof NoCredentialsError)) return reportFailure(io, error);
	}
	if (interrupts?.signal.aborted) return cancelledEarly();
	if (looked.problems.length > 0) {
		lines(io.stderr, [...problemLines({missing: [], problems: looked.problems}), t('submit.flags.hint')]);
		return exitCodes.usage;
	}
	const {duplicates} = looked;
	const duplicateParams = {
		name: answers.name,
		where: whereOf(answers.regionId, answers.vpcId),
		ids: duplicates.map((g) => g.id).join(', '),
	};
	const plan = planFromAnswers(answers);

	if (exportFormat) {
		const content = exportFormat === 'aliyun' ? exportAliyun(plan) : exportTerraform(plan);
		if (duplicates.length > 0)
			lines(io.stderr, [t('submit.warning', {message: t('submit.dry.duplicate', duplicateParams)})]);
		// cleanDeep would fold the file onto one line: its lines are cleaned as a block instead.
		if (json) line(io.stdout, JSON.stringify({format: exportFormat, content: cleanBlock(content)}));
		else io.stdout.write(cleanBlock(content));
		return exitCodes.ok;
	}
	// No create, no export: a dry run.
	if (!interrupts) {
		if (json) {
			const {commands, ...rest} = planJson(plan, {warnings: check.warnings, duplicates});
			const script = {aliyun: cleanBlock(commands.aliyun), ecsSg: cleanLine(commands.ecsSg)};
			line(io.stdout, JSON.stringify({...cleanDeep(rest), commands: script}));
		} else lines(io.stdout, dryRunLines(plan, {warnings: check.warnings, duplicates}));
		return exitCodes.ok;
	}
	if (duplicates.length > 0) {
		if (args.flags['allow-duplicate-name'] !== true) {
			lines(io.stderr, [t('cli.error.prefix', {message: t('submit.duplicate.refused', duplicateParams)})]);
			return exitCodes.usage;
		}
		lines(io.stderr, [t('submit.warning', {message: t('submit.duplicate.allowed', duplicateParams)})]);
	}
	return await create(plan, answers, services, io, interrupts, json);
}

async function create(
	plan: SubmitPlan,
	answers: Answers,
	services: Services,
	io: Io,
	interrupts: Interrupts,
	json: boolean,
): Promise<number> {
	interrupts.describe(() => afterFailureLines(plan, cancelledOutcome(plan), services.store.journal));
	const outcome = await submit(
		plan,
		{
			api: services.api,
			journal: services.store.journal,
			target: services.target,
			signal: interrupts.signal,
		},
		(event) => {
			const progress = progressLine(plan, event);
			if (progress) lines(io.stderr, [progress]);
		},
	);
	interrupts.stop();

	if (outcome.ok) {
		try {
			services.store.settings.remember({
				regionId: answers.regionId,
				template: answers.template,
				...(answers.vpcId ? {vpcId: answers.vpcId} : {}),
			});
		} catch {
			// Remembering defaults is a convenience; the group exists either way.
		}
		if (json) line(io.stdout, JSON.stringify(cleanDeep(resultJson(outcome.result))));
		else lines(io.stdout, resultLines(outcome.result, services.target));
		return exitCodes.ok;
	}

	const after = afterFailureLines(plan, outcome, services.store.journal);
	if (outcome.cancelled || outcome.error.code === cancelledCode) {
		lines(io.stderr, [...(after[0] === t('submit.fail.nothing') ? [t('submit.cancel.nothing')] : after)]);
		return interrupts.exitCode();
	}
	lines(io.stderr, [
		t('submit.fail.error', {sentence: outcome.error.sentence}),
		outcome.error.next,
		...after,
	]);
	if (json) {
		line(
			io.stdout,
			JSON.stringify(
				cleanDeep({
					error: {code: outcome.error.code, message: outcome.error.sentence, next: outcome.error.next},
					securityGroupId: outcome.groupId ?? null,
					regionId: plan.regionId,
					resume: services.store.journal.get(outcome.journalId) !== undefined,
				}),
			),
		);
	}
	return exitCodes.cloud;
}

const cancelledOutcome = (plan: SubmitPlan): SubmitOutcome & {ok: false} => ({
	ok: false,
	error: new CloudError('unknown', cancelledCode, t('submit.cancelled'), t('submit.cancelledNext')),
	journalId: plan.id,
	cancelled: true,
});
