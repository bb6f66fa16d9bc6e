// What follows a made (or reused) group in the create wizard: the Done screen offers the follow-ups with a key
// (r rules, i instances, Enter / Esc / q leaves), runs the one chosen in this same process for the new group, and
// hands a stop request to it; and the transcript of finished steps above everything.
import {Static, Text} from 'ink';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
import type {EcsApi} from '../cloud/port.js';
import type {Rule} from '../domain/model.js';
import {checkRuleChange, nicTypeOfGroup} from '../domain/rule-change.js';
import {t} from '../text/index.js';
import {labelOf} from './answered.js';
import {type CloudData, type Load, useLoad} from './cloud-data.js';
import {glyphs} from './components/glyphs.js';
import {useKeys} from './components/key-chunk.js';
import {InstancesFlow} from './followup/instances-app.js';
import {RulesFlow} from './followup/rules-app.js';
import type {FollowupOutcome, StopRequests} from './followup/services.js';
import type {WizardServices} from './services.js';
import {finalSteps, type WizardState} from './state.js';
import {DoneScreen, ReusedScreen} from './steps/ending.js';
import {summaryLine} from './summary.js';

/**
 * Using an existing group instead of creating one (Review's `u`): the planned rules it lacks, read from the cloud
 * once, so Done can say so and offer to add them (through the rules follow-up, which applies them with the same
 * runner as `ecs-sg rules add`). Nothing is added without the person asking. Undefined when no group was reused.
 */
export type MissingRules = Load<readonly Rule[]> | undefined;

function useMissingRules(state: WizardState, api: EcsApi): MissingRules {
	const group = state.reused?.id;
	const regionId = state.answers.regionId;
	const planned = state.answers.rules ?? [];
	return useLoad(group && regionId ? `${regionId}|${group}` : undefined, async () => {
		const detail = await api.describeSecurityGroupAttribute(regionId ?? '', group ?? '', {summary: false});
		return checkRuleChange(detail.rules, {add: planned, remove: []}, nicTypeOfGroup(detail)).fresh;
	}).load;
}

type After = {
	/** What the person chose on Done: a follow-up, or to leave. */
	readonly after?: 'rules' | 'instances' | 'quit';
	/** Chosen with `a` on a reused group's Done: the rules follow-up opens with the missing rules queued. */
	readonly addMissing?: boolean;
	/** How the follow-up ended (the first outcome it reported). */
	readonly followUp?: FollowupOutcome;
};

type AfterAction =
	| {type: 'choose'; after: 'rules' | 'instances' | 'quit'; addMissing?: boolean}
	| {type: 'ended'; outcome: FollowupOutcome};

function afterReducer(state: After, action: AfterAction): After {
	if (action.type === 'choose')
		return state.after === undefined
			? {...state, after: action.after, ...(action.addMissing ? {addMissing: true} : {})}
			: state;
	return state.followUp ? state : {...state, followUp: action.outcome};
}

export type AfterDone = After & {
	/** Done is showing its offer (not with --yes, nothing chosen yet). */
	readonly offering: boolean;
	readonly onFollowUp: (outcome: FollowupOutcome) => void;
	/** The stop requests handed to the follow-up running. */
	readonly followUpInterrupts: StopRequests;
	/** A reused group's missing rules (`a` adds them once known). */
	readonly missing: MissingRules;
};

/**
 * The Done screen's keys and what a stop request that is not a key (SIGINT, SIGTERM, SIGHUP) does: like Ctrl+C
 * until the group is made; on Done it leaves; inside a follow-up it is the follow-up's Ctrl+C (a call in flight
 * finishes first), which ends the run.
 */
export function useAfterDone({
	state,
	cancel,
	interrupts,
	api,
}: {
	readonly state: WizardState;
	readonly api: EcsApi;
	/** Ctrl+C's cancel (aborts the submit at once, then tells the reducer). */
	readonly cancel: () => void;
	readonly interrupts: StopRequests | undefined;
}): AfterDone {
	const [after, act] = useReducer(afterReducer, {});
	const missing = useMissingRules(state, api);
	const lacking = missing?.state === 'ready' ? missing.value : [];
	const offering = state.status === 'done' && !state.yes && !state.stoppedLate && after.after === undefined;
	const followUpStops = useMemo(() => new Set<() => void>(), []);
	const followUpInterrupts = useCallback<StopRequests>(
		(listener) => {
			followUpStops.add(listener);
			return () => {
				followUpStops.delete(listener);
			};
		},
		[followUpStops],
	);
	const done = state.status === 'done';
	const chosen = after.after;
	useEffect(
		() =>
			interrupts?.(() => {
				if (!done) cancel();
				else if (chosen === undefined) act({type: 'choose', after: 'quit'});
				else if (chosen !== 'quit') {
					if (followUpStops.size > 0) for (const stop of followUpStops) stop();
					else act({type: 'ended', outcome: {status: 'cancelled'}});
				}
			}),
		[interrupts, done, chosen, cancel, followUpStops],
	);
	useKeys(
		(input, key) => {
			if (input === 'a' && lacking.length > 0) act({type: 'choose', after: 'rules', addMissing: true});
			else if (input === 'r') act({type: 'choose', after: 'rules'});
			else if (input === 'i') act({type: 'choose', after: 'instances'});
			else if (key.return || key.escape || input === 'q' || (key.ctrl && input === 'c'))
				act({type: 'choose', after: 'quit'});
		},
		{isActive: offering},
	);
	const onFollowUp = useCallback((outcome: FollowupOutcome) => act({type: 'ended', outcome}), []);
	return {...after, offering, onFollowUp, followUpInterrupts, missing};
}

const doneGroupOf = (state: WizardState): string | undefined => state.result?.groupId ?? state.reused?.id;

/** Done: its screen with the offer, or, once one is chosen, the follow-up for the new group. */
export function DoneBody({
	done,
	state,
	services,
	data,
	rows,
	notice,
}: {
	readonly done: AfterDone;
	readonly state: WizardState;
	readonly services: WizardServices;
	readonly data: CloudData;
	readonly rows: number;
	readonly notice: string | undefined;
}) {
	const regionId = state.answers.regionId ?? '';
	const groupId = doneGroupOf(state);
	if ((done.after === 'rules' || done.after === 'instances') && groupId) {
		const Flow = done.after === 'rules' ? RulesFlow : InstancesFlow;
		return (
			<Flow
				services={{
					api: services.api,
					...services.followup,
					...(services.settings ? {settings: services.settings} : {}),
					...(services.defaultRegion ? {defaultRegion: services.defaultRegion} : {}),
					...(notice ? {sandbox: true} : {}),
				}}
				start={{
					regionId,
					groupId,
					fixed: true,
					...(done.after === 'rules' && done.addMissing && done.missing?.state === 'ready'
						? {queue: {add: done.missing.value, remove: []}}
						: {}),
				}}
				data={data}
				onFinish={done.onFollowUp}
				interrupts={done.followUpInterrupts}
			/>
		);
	}
	return state.reused ? (
		<ReusedScreen
			group={state.reused}
			regionId={regionId}
			target={services.target}
			offer={done.offering}
			missing={done.missing}
			planned={state.answers.rules?.length ?? 0}
			rows={rows}
		/>
	) : (
		<DoneScreen state={state} rows={rows} target={services.target} offer={done.offering} />
	);
}

/**
 * What is final, drawn once above everything: the answers once they are sent (or planned) and, once a follow-up
 * starts, one line for the group it works on (the Done screen gives way to it). While the answers can still
 * change they are in the live frame instead (answered.tsx), since <Static> cannot take a line back.
 */
export function Transcript({
	state,
	following,
	data,
}: {
	readonly state: WizardState;
	readonly following: boolean;
	readonly data: CloudData;
}) {
	const groupId = doneGroupOf(state);
	const items: {key: string; text: string; green?: boolean}[] = finalSteps(state).map((step) => ({
		key: step,
		text: summaryLine(step, state.answers, labelOf(step, state, data)),
	}));
	if (following && groupId) {
		const region = state.answers.regionId ?? '';
		items.push({
			key: 'done',
			green: true,
			text: `${glyphs.tick} ${
				state.reused
					? t('truth.done.reusedTranscript', {id: groupId, region})
					: t('wizard.done.transcript', {id: groupId, region})
			}`,
		});
	}
	return (
		<Static items={items}>
			{(entry) => (
				<Text key={entry.key} {...(entry.green ? {color: 'green'} : {})}>
					{entry.text}
				</Text>
			)}
		</Static>
	);
}
