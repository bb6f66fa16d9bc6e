// The wizard's root: owns the reducer and every effect (loading, prefetching, the same-name check, submitting,
// remembering, exiting), turns Ctrl+C into a clean cancel, and shows one step at a time under a transcript of
// the finished ones.
import {Static, Text, useApp, useInput} from 'ink';
import {useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore} from 'react';
import {CloudError} from '../cloud/errors.js';
import type {JournalEntry, Settings} from '../config/types.js';
import type {Answers} from '../domain/answers.js';
import type {SecurityGroupSummary} from '../domain/model.js';
import type {SubmitResult} from '../domain/plan-types.js';
import {type TemplateId, templateIds} from '../domain/rules.js';
import {cleanLine, lang, t} from '../text/index.js';
import {CloudData} from './cloud-data.js';
import {glyphs} from './components/glyphs.js';
import {Spinner} from './components/spinner.js';
import {HeadingBadge} from './components/step-frame.js';
import {InstancesFlow} from './followup/instances-app.js';
import {RulesFlow} from './followup/rules-app.js';
import type {FollowupOutcome} from './followup/services.js';
import type {WizardServices} from './services.js';
import {
	activeSteps,
	assertNever,
	completeAnswers,
	type InitialInput,
	initialState,
	type LogEntry as LogItem,
	type WizardState,
	wizardReducer,
} from './state.js';
import {CancelledScreen, DoneScreen, FailedScreen, ReusedScreen} from './steps/ending.js';
import {NetworkStep} from './steps/network.js';
import {RegionStep} from './steps/region.js';
import {ReviewStep} from './steps/review.js';
import type {StepProps} from './steps/step-props.js';
import {SubmittingScreen} from './steps/submitting.js';
import {defaultSeed, type TemplateSeed, TemplateStep} from './steps/template.js';
import {DescriptionStep, NameStep} from './steps/text-step.js';
import {UnfinishedScreen} from './steps/unfinished.js';
import {VpcStep} from './steps/vpc.js';
import {summaryLine} from './summary.js';
import {useTerminalSize} from './use-terminal-size.js';

export type WizardOutcome =
	| {status: 'done'; result: SubmitResult; followUp?: FollowupOutcome}
	| {status: 'reused'; group: SecurityGroupSummary; regionId: string; followUp?: FollowupOutcome}
	| {status: 'failed'; error: CloudError; groupId?: string; journalId?: string}
	| {status: 'cancelled'; during: 'editing' | 'submitting'; groupId?: string; complete: boolean}
	| {status: 'planned'; answers: Answers};

export type AppProps = {
	readonly services: WizardServices;
	readonly initial: InitialInput;
	/** --source and --rule, for templates the flags did not pick. */
	readonly seed?: TemplateSeed;
	/** The language of region names; default from the current message language. */
	readonly language?: 'en-US' | 'zh-CN';
	/** Told the outcome just before the app exits (Ink's waitUntilExit also resolves with it). */
	readonly onExit?: (outcome: WizardOutcome) => void;
	/**
	 * Subscribes to requests to stop that do not come as keys (SIGINT, SIGTERM, SIGHUP sent to the process):
	 * each is handled exactly like Ctrl+C. Returns the function that stops listening.
	 */
	readonly interrupts?: (listener: () => void) => () => void;
	/**
	 * Set when the calls go to the sandbox: one line above everything, kept in the transcript, and a mark
	 * beside every step's heading (the line scrolls away once a long list fills the screen).
	 */
	readonly notice?: string;
};

export function outcomeOf(state: WizardState): WizardOutcome | undefined {
	switch (state.status) {
		case 'editing':
		case 'submitting':
			return undefined;
		case 'done':
			if (state.reused)
				return {status: 'reused', group: state.reused, regionId: state.answers.regionId ?? ''};
			return state.result ? {status: 'done', result: state.result} : undefined;
		case 'failed':
			return {
				status: 'failed',
				error: state.error ?? unexpected(t('wizard.failed.unknown')),
				groupId: state.groupId,
				journalId: state.journalId,
			};
		case 'cancelled':
			// Cancelled mid-create: wait for the call in flight, so the goodbye says exactly what exists.
			if (state.cancelledDuring === 'submitting' && !state.settled && !state.forced) return undefined;
			return {
				status: 'cancelled',
				during: state.cancelledDuring ?? 'editing',
				groupId: state.groupId,
				complete: state.result !== undefined,
			};
		case 'planned': {
			const answers = completeAnswers(state.answers);
			return answers ? {status: 'planned', answers} : undefined;
		}
		default:
			return assertNever(state.status);
	}
}

const unexpected = (message: string): CloudError =>
	new CloudError(
		'unknown',
		'Unexpected',
		cleanLine(message).slice(0, 300),
		t('wizard.failed.unexpectedNext'),
	);

function journalEntries(services: WizardServices): JournalEntry[] {
	try {
		return services.journal?.list() ?? [];
	} catch {
		return [];
	}
}

export function App({services, initial, seed = defaultSeed, language, onExit, interrupts, notice}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const data = useMemo(() => {
		const store = new CloudData(
			services.api,
			services.settings,
			language ?? (lang() === 'zh' ? 'zh-CN' : 'en-US'),
		);
		// The first frame shows the cached regions; loadRegions (in the effect below) refreshes them.
		store.primeRegions();
		return store;
	}, [services, language]);
	useSyncExternalStore(data.subscribe, data.getVersion);
	useEffect(() => {
		data.loadRegions();
		return () => data.dispose();
	}, [data]);

	const [state, dispatch] = useReducer(wizardReducer, initial, initialState);
	const [unfinished, setUnfinished] = useState(() => journalEntries(services));
	const {answers} = state;
	const regionId = answers.regionId;

	useInput((input, key) => {
		if (key.ctrl && input === 'c') dispatch({type: 'cancel'});
	});

	// Done (not with --yes): the follow-ups are offered with a key, for the new group, in this same process.
	const [after, setAfter] = useState<'rules' | 'instances' | 'quit' | undefined>();
	const [followUp, setFollowUp] = useState<FollowupOutcome | undefined>();
	const offering = state.status === 'done' && !state.yes && after === undefined;
	// A stop request that is not a key (SIGINT, SIGTERM, SIGHUP): like Ctrl+C until the group is made; on Done it
	// leaves; inside a follow-up it is the follow-up's Ctrl+C (a call in flight finishes first), which ends the run.
	const followUpStops = useMemo(() => new Set<() => void>(), []);
	const followUpInterrupts = useCallback(
		(listener: () => void) => {
			followUpStops.add(listener);
			return () => {
				followUpStops.delete(listener);
			};
		},
		[followUpStops],
	);
	const onInterrupt = useRef(() => {});
	onInterrupt.current = () => {
		if (state.status !== 'done') dispatch({type: 'cancel'});
		else if (after === undefined) setAfter('quit');
		else if (after !== 'quit') {
			if (followUpStops.size > 0) for (const stop of followUpStops) stop();
			else setFollowUp((current) => current ?? {status: 'cancelled'});
		}
	};
	useEffect(() => interrupts?.(() => onInterrupt.current()), [interrupts]);
	useInput(
		(input, key) => {
			if (input === 'r') setAfter('rules');
			else if (input === 'i') setAfter('instances');
			else if (key.return || key.escape || input === 'q' || (key.ctrl && input === 'c')) setAfter('quit');
		},
		{isActive: offering},
	);

	// Everything a region needs starts the moment it is known, so the later steps rarely wait.
	useEffect(() => {
		if (regionId) data.prefetch(regionId);
	}, [data, regionId]);

	// A region from a flag is checked against the live list (a cached one may predate a new region): one ECS does not
	// know is asked again, with the reason, before anything is built on it.
	const regionsView = data.regions();
	const unknownRegion =
		state.status === 'editing' &&
		regionId !== undefined &&
		!state.problems.region &&
		regionsView.list !== undefined &&
		!regionsView.fromCache &&
		!regionsView.list.some((r) => r.id === regionId);
	useEffect(() => {
		if (unknownRegion && regionId)
			dispatch({type: 'reject', step: 'region', problem: t('wizard.region.unknown', {region: regionId})});
	}, [unknownRegion, regionId]);

	// The same-name check runs as soon as name and network are known, so the create itself is two calls.
	const vpcId = answers.network === 'vpc' ? answers.vpcId : undefined;
	const networkKnown = answers.network === 'classic' || vpcId !== undefined;
	useEffect(() => {
		if (regionId && answers.name && networkKnown) data.checkDuplicates(regionId, vpcId, answers.name);
	}, [data, regionId, vpcId, answers.name, networkKnown]);

	const confirm = useCallback(() => {
		const complete = completeAnswers(state.answers);
		if (!complete || state.status !== 'editing') return;
		dispatch({type: 'confirm', plan: state.mode === 'create' ? services.plan(complete) : undefined});
	}, [state.answers, state.status, state.mode, services]);

	// --yes: confirm on arrival at Review, unless the same-name check found something to decide.
	const [autoTried, setAutoTried] = useState(false);
	const dup = regionId && answers.name ? data.duplicatesOf(regionId, vpcId, answers.name) : undefined;
	const autoPending =
		state.yes &&
		!autoTried &&
		unfinished.length === 0 &&
		state.step === 'review' &&
		state.status === 'editing' &&
		!state.problems.review;
	useEffect(() => {
		if (!autoPending || !dup || dup.state === 'loading') return;
		setAutoTried(true);
		// A group with the same name is a decision for the user: Review stays up with the warning.
		if (dup.state === 'ready' && dup.value.length > 0) return;
		confirm();
	}, [autoPending, dup, confirm]);

	const submitted = useRef(false);
	const stop = useMemo(() => new AbortController(), []);
	useEffect(() => {
		if (state.status === 'cancelled') stop.abort();
	}, [state.status, stop]);
	useEffect(() => {
		const {plan} = state;
		if (state.status !== 'submitting' || !plan || submitted.current) return;
		submitted.current = true;
		services
			.submit(plan, (event) => dispatch({type: 'submit-event', event}), stop.signal)
			.then(
				(outcome) => dispatch({type: 'submit-finished', outcome}),
				(error: unknown) =>
					dispatch({
						type: 'submit-finished',
						outcome: {
							ok: false,
							error:
								error instanceof CloudError ? error : unexpected(String((error as Error)?.message ?? error)),
							journalId: plan.id,
						},
					}),
			);
	}, [state, services, stop]);

	const finished = outcomeOf(state);
	const remembered = useRef(false);
	useEffect(() => {
		if (remembered.current || (finished?.status !== 'done' && finished?.status !== 'reused')) return;
		remembered.current = true;
		try {
			services.settings?.remember({
				regionId: answers.regionId,
				template: answers.template,
				vpcId: answers.vpcId,
			});
		} catch {
			// Remembering is a convenience; the group exists either way.
		}
	}, [finished, services, answers]);

	// A created (or reused) group ends the run only once the person has left the Done screen or its follow-up.
	const waiting =
		(finished?.status === 'done' || finished?.status === 'reused') &&
		!state.yes &&
		after !== 'quit' &&
		followUp === undefined;
	const outcome: WizardOutcome | undefined =
		finished && !waiting
			? finished.status === 'done' || finished.status === 'reused'
				? {...finished, ...(followUp ? {followUp} : {})}
				: finished
			: undefined;
	const ended = useRef(false);
	useEffect(() => {
		if (!outcome || ended.current) return;
		ended.current = true;
		onExit?.(outcome);
		exit(outcome);
	}, [outcome, onExit, exit]);
	const onFollowUp = useCallback((value: FollowupOutcome) => setFollowUp(value), []);

	// Once a follow-up starts, the Done screen gives way to it; one line of it stays in the transcript.
	const doneGroup = state.result?.groupId ?? state.reused?.id;
	const followUpStart =
		after === 'rules' || after === 'instances'
			? {regionId: answers.regionId ?? '', groupId: doneGroup ?? '', fixed: true}
			: undefined;
	const items: (LogItem | {n: number; done: string} | {n: number; note: string})[] = [
		// The sandbox is said once, beside every heading (HeadingBadge): not also in a line above the steps.
		...state.log,
	];
	if (followUpStart && doneGroup)
		items.push({
			n: state.log.length,
			done: t('wizard.done.transcript', {id: doneGroup, region: answers.regionId ?? ''}),
		});
	const log = (
		<Static items={items}>
			{(entry) =>
				'note' in entry ? (
					<Text key="notice" dimColor>
						{entry.note}
					</Text>
				) : 'done' in entry ? (
					<Text key={`done-${entry.n}`} color="green">{`${glyphs.tick} ${entry.done}`}</Text>
				) : (
					<Text key={entry.n}>{summaryLine(entry.step, entry.answers, entry.label)}</Text>
				)
			}
		</Static>
	);
	const followUpServices = {
		api: services.api,
		...(services.settings ? {settings: services.settings} : {}),
		...(services.defaultRegion ? {defaultRegion: services.defaultRegion} : {}),
		...(notice ? {sandbox: true} : {}),
	};

	let body: React.ReactNode;
	switch (state.status) {
		case 'cancelled':
			body = <CancelledScreen state={state} />;
			break;
		case 'planned':
			body = <Text color="green">{t('wizard.planned')}</Text>;
			break;
		case 'done':
			if ((after === 'rules' || after === 'instances') && followUpStart) {
				const Flow = after === 'rules' ? RulesFlow : InstancesFlow;
				body = (
					<Flow
						services={followUpServices}
						start={followUpStart}
						data={data}
						onFinish={onFollowUp}
						interrupts={followUpInterrupts}
					/>
				);
			} else {
				body = state.reused ? (
					<ReusedScreen
						group={state.reused}
						regionId={answers.regionId ?? ''}
						target={services.target}
						offer={offering}
					/>
				) : (
					<DoneScreen state={state} rows={size.rows} target={services.target} offer={offering} />
				);
			}
			break;
		case 'failed':
			body = <FailedScreen state={state} />;
			break;
		case 'submitting':
			body = <SubmittingScreen steps={state.submitSteps} regionId={answers.regionId ?? ''} />;
			break;
		case 'editing':
			if (unfinished.length > 0) {
				body = (
					<UnfinishedScreen
						entries={unfinished}
						services={services.unfinished}
						onDone={() => setUnfinished([])}
					/>
				);
			} else if (autoPending) {
				body = <Spinner label={t('wizard.yes.checking')} />;
			} else {
				body = (
					<StepView
						state={state}
						dispatch={dispatch}
						data={data}
						size={size}
						services={services}
						seed={seed}
						confirm={confirm}
					/>
				);
			}
			break;
		default:
			body = assertNever(state.status);
	}

	return (
		<HeadingBadge.Provider value={notice ? t('wizard.badge.sandbox') : undefined}>
			{log}
			{body}
		</HeadingBadge.Provider>
	);
}

type StepViewProps = Omit<StepProps, 'position'> & {
	readonly services: WizardServices;
	readonly seed: TemplateSeed;
	readonly confirm: () => void;
};

/** The active step only, keyed by its id so its input state starts fresh each visit. */
function StepView({services, seed, confirm, ...props}: StepViewProps) {
	const last = useMemo(() => lastChoices(services.settings), [services.settings]);
	const list = activeSteps(props.state.answers);
	const {step} = props.state;
	const position = {index: list.indexOf(step) + 1, total: list.length};
	const common = {...props, position};
	const regionId = props.state.answers.regionId;
	switch (step) {
		case 'region':
			return (
				<RegionStep key={step} {...common} lastUsed={last.region()} profileRegion={services.defaultRegion} />
			);
		case 'template':
			return <TemplateStep key={step} {...common} seed={seed} lastUsed={last.template()} />;
		case 'name':
			return <NameStep key={step} {...common} />;
		case 'description':
			return <DescriptionStep key={step} {...common} />;
		case 'network':
			return <NetworkStep key={step} {...common} />;
		case 'vpc':
			return (
				<VpcStep
					key={`${step}-${regionId}`}
					{...common}
					lastUsed={regionId ? last.vpc(regionId) : undefined}
				/>
			);
		case 'review':
			return <ReviewStep key={step} {...common} onConfirm={confirm} />;
		default:
			return assertNever(step);
	}
}

/**
 * The choices made for the last group created, each read from the settings file the first time its step shows
 * rather than on every render (the app renders on every load it hears of; the wizard remembers only at the end).
 */
function lastChoices(settings: Settings | undefined) {
	const known = new Map<string, string | undefined>();
	const read = (key: string, get: (from: Settings) => string | undefined): string | undefined => {
		if (!known.has(key)) known.set(key, settings ? safe(() => get(settings)) : undefined);
		return known.get(key);
	};
	return {
		region: () => read('region', (from) => from.lastRegion()),
		/** Only when it is still one of ours. */
		template: (): TemplateId | undefined => {
			const last = read('template', (from) => from.lastTemplate());
			return templateIds.find((id) => id === last);
		},
		vpc: (regionId: string) => read(`vpc:${regionId}`, (from) => from.lastVpc(regionId)),
	};
}

function safe<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}
