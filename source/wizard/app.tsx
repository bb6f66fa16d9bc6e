// The wizard's root: owns the reducer and every effect (loading, prefetching, the same-name check, submitting,
// remembering, exiting), turns Ctrl+C into a clean cancel, and shows one step at a time under a transcript of
// the finished ones.
import {Text, useApp, useInput} from 'ink';
import {useEffect, useReducer, useRef, useState} from 'react';
import type {CloudError} from '../cloud/errors.js';
import type {JournalEntry} from '../config/types.js';
import type {Answers} from '../domain/answers.js';
import type {SecurityGroupSummary} from '../domain/model.js';
import type {SubmitResult} from '../domain/plan-types.js';
import {t} from '../text/index.js';
import {type AfterDone, DoneBody, Transcript, useAfterDone} from './after-done.js';
import {AnsweredSummary, summaryLines} from './answered.js';
import {Spinner} from './components/spinner.js';
import {HeadingBadge} from './components/step-frame.js';
import {unexpected, useWizardData, useWizardEffects} from './effects.js';
import type {FollowupOutcome} from './followup/services.js';
import type {WizardServices} from './services.js';
import {
	assertNever,
	completeAnswers,
	type InitialInput,
	initialState,
	type WizardState,
	wizardReducer,
} from './state.js';
import {StepView} from './step-view.js';
import {CancelledScreen, FailedScreen} from './steps/ending.js';
import {QuitQuestion} from './steps/quit-question.js';
import {SubmittingScreen} from './steps/submitting.js';
import {defaultSeed, type TemplateSeed} from './steps/template.js';
import {UnfinishedScreen} from './steps/unfinished.js';
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

function outcomeOf(state: WizardState): WizardOutcome | undefined {
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

/** The run's outcome: a made (or reused) group ends it only once the person has left Done or its follow-up. */
function runOutcome(state: WizardState, done: AfterDone): WizardOutcome | undefined {
	const finished = outcomeOf(state);
	if (!finished) return undefined;
	if (finished.status !== 'done' && finished.status !== 'reused') return finished;
	// A stop that came too late ends the run at Done (it was asked to stop: no offer to wait on).
	if (!state.yes && !state.stoppedLate && done.after !== 'quit' && done.followUp === undefined)
		return undefined;
	return {...finished, ...(done.followUp ? {followUp: done.followUp} : {})};
}

/** The first outcome ends the run (from an effect, so its last frame is drawn first); later news does not. */
function useEnd(outcome: WizardOutcome | undefined, onExit: ((outcome: WizardOutcome) => void) | undefined) {
	const {exit} = useApp();
	const ended = useRef(false);
	useEffect(() => {
		if (!outcome || ended.current) return;
		ended.current = true;
		onExit?.(outcome);
		exit(outcome);
	}, [outcome, onExit, exit]);
}

/** The screens of a run that is over or sending: cancelled, planned, failed, submitting. */
function EndScreen({state}: {readonly state: WizardState}) {
	switch (state.status) {
		case 'cancelled':
			return <CancelledScreen state={state} />;
		case 'planned':
			return <Text color="green">{t('wizard.planned')}</Text>;
		case 'failed':
			return <FailedScreen state={state} />;
		case 'submitting':
			return <SubmittingScreen steps={state.submitSteps} regionId={state.answers.regionId ?? ''} />;
		default:
			return null;
	}
}

function journalEntries(services: WizardServices): JournalEntry[] {
	try {
		return services.journal?.list() ?? [];
	} catch {
		return [];
	}
}

export function App({services, initial, seed = defaultSeed, language, onExit, interrupts, notice}: AppProps) {
	const size = useTerminalSize();
	const data = useWizardData(services, language);
	const [state, dispatch] = useReducer(wizardReducer, initial, initialState);
	const [unfinished, setUnfinished] = useState(() => journalEntries(services));

	const {autoPending, confirm, cancel} = useWizardEffects({
		state,
		dispatch,
		services,
		data,
		unfinished: unfinished.length,
	});
	useInput((input, key) => {
		if (key.ctrl && input === 'c') cancel();
	});

	const done = useAfterDone({state, cancel, interrupts, api: services.api});
	const {after} = done;

	useEnd(runOutcome(state, done), onExit);

	const log = <Transcript state={state} following={after === 'rules' || after === 'instances'} data={data} />;
	// The answers so far, redrawn with the step: the step gets the rows they leave.
	const summary =
		state.status === 'editing' && unfinished.length === 0 ? summaryLines(state, data, size) : [];
	const stepSize = {columns: size.columns, rows: Math.max(8, size.rows - summary.length)};

	const body =
		state.status === 'done' ? (
			<DoneBody done={done} state={state} services={services} data={data} rows={size.rows} notice={notice} />
		) : state.status === 'editing' ? (
			unfinished.length > 0 ? (
				<UnfinishedScreen
					entries={unfinished}
					services={services.unfinished}
					onDone={() => setUnfinished([])}
				/>
			) : autoPending ? (
				<Spinner label={t('wizard.yes.checking')} />
			) : (
				<>
					<AnsweredSummary lines={summary} />
					{state.confirmQuit ? (
						<QuitQuestion state={state} dispatch={dispatch} />
					) : (
						<StepView
							state={state}
							dispatch={dispatch}
							data={data}
							size={stepSize}
							services={services}
							seed={seed}
							confirm={confirm}
						/>
					)}
				</>
			)
		) : (
			<EndScreen state={state} />
		);

	return (
		<HeadingBadge.Provider value={notice ? t('wizard.badge.sandbox') : undefined}>
			{log}
			{body}
		</HeadingBadge.Provider>
	);
}
