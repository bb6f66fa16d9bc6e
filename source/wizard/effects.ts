// The wizard's effects, out of App(): the reducer says which one is due (state.due: the submit, remembering the
// choices) and the runner here performs it once, saying so with `taken`; what follows from the answers alone
// (prefetching a region, the same-name check, a flag's region the live list does not know, --yes's confirm) is
// asked of the data store, which asks the cloud once per key.
import {useCallback, useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import {CloudError} from '../cloud/errors.js';
import {cleanLine, lang, t} from '../text/index.js';
import {CloudData} from './cloud-data.js';
import type {WizardServices} from './services.js';
import {completeAnswers, type WizardAction, type WizardState} from './state.js';

export const unexpected = (message: string): CloudError =>
	new CloudError(
		'unknown',
		'Unexpected',
		cleanLine(message).slice(0, 300),
		t('wizard.failed.unexpectedNext'),
	);

/** The wizard's data store: primed with the cached regions (so the first frame shows them), then refreshed. */
export function useWizardData(services: WizardServices, language: 'en-US' | 'zh-CN' | undefined): CloudData {
	const data = useMemo(() => {
		const store = new CloudData(
			services.api,
			services.settings,
			language ?? (lang() === 'zh' ? 'zh-CN' : 'en-US'),
		);
		store.primeRegions();
		return store;
	}, [services, language]);
	useSyncExternalStore(data.subscribe, data.getVersion);
	useEffect(() => {
		data.loadRegions();
		return () => data.dispose();
	}, [data]);
	return data;
}

/** What the wizard's effects need: the state, its dispatch, the world. */
type Run = {
	readonly state: WizardState;
	readonly dispatch: (action: WizardAction) => void;
	readonly services: WizardServices;
	readonly data: CloudData;
};

/**
 * The one stop of a run's submit, and the cancel that uses it: the abort happens at once, in the same tick as the
 * request to stop, not in an effect after the next render: a response that arrives before that render (a busy
 * machine) would otherwise let the engine send its next call after the person asked it to stop.
 */
function useCancel(dispatch: (action: WizardAction) => void): {
	readonly stop: AbortController;
	readonly cancel: () => void;
} {
	const stop = useMemo(() => new AbortController(), []);
	const cancel = useCallback(() => {
		stop.abort();
		dispatch({type: 'cancel'});
	}, [stop, dispatch]);
	return {stop, cancel};
}

/** The effect the state says is due, performed once; a cancel aborts the submit before its next call. */
function useDueEffect({state, dispatch, services, stop}: Omit<Run, 'data'> & {stop: AbortController}): void {
	useEffect(() => {
		if (state.status === 'cancelled') stop.abort();
	}, [state.status, stop]);
	useEffect(() => {
		if (!state.due) return;
		dispatch({type: 'taken'});
		const {plan, answers} = state;
		if (state.due === 'submit' && plan && state.status === 'submitting')
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
									error instanceof CloudError
										? error
										: unexpected(String((error as Error)?.message ?? error)),
								journalId: plan.id,
							},
						}),
				);
		else if (state.due === 'remember')
			try {
				services.settings?.remember({
					regionId: answers.regionId,
					template: answers.template,
					vpcId: answers.vpcId,
				});
			} catch {
				// Remembering is a convenience; the group exists either way.
			}
	}, [state, dispatch, services, stop]);
}

/**
 * Runs the wizard's effects. Returns whether --yes is still waiting for the same-name check before confirming by
 * itself, Review's confirm, and Ctrl+C's cancel.
 */
export function useWizardEffects(run: Run & {readonly unfinished: number}): {
	readonly autoPending: boolean;
	readonly confirm: () => void;
	readonly cancel: () => void;
} {
	const {state, dispatch, data, services} = run;
	const {answers} = state;
	const regionId = answers.regionId;
	const {stop, cancel} = useCancel(dispatch);
	useDueEffect({...run, stop});

	// Confirming Review: the plan of the complete answers (a create), or none (--dry-run / --export).
	const confirm = useCallback(() => {
		const complete = completeAnswers(state.answers);
		if (!complete || state.status !== 'editing') return;
		dispatch({type: 'confirm', plan: state.mode === 'create' ? services.plan(complete) : undefined});
	}, [state, services, dispatch]);

	// Everything a region needs starts the moment it is known, so the later steps rarely wait.
	useEffect(() => {
		if (regionId) data.prefetch(regionId);
	}, [data, regionId]);

	// A region from a flag is checked against the live list (a cached one may predate a new region): one ECS does
	// not know is asked again, with the reason, before anything is built on it.
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
	}, [unknownRegion, regionId, dispatch]);

	// The same-name check runs as soon as name and network are known, so the create itself is two calls.
	const vpcId = answers.network === 'vpc' ? answers.vpcId : undefined;
	const networkKnown = answers.network === 'classic' || vpcId !== undefined;
	useEffect(() => {
		if (regionId && answers.name && networkKnown) data.checkDuplicates(regionId, vpcId, answers.name);
	}, [data, regionId, vpcId, answers.name, networkKnown]);

	// --yes: confirm on arrival at Review, unless the same-name check found something to decide.
	const [autoTried, setAutoTried] = useState(false);
	const duplicates = regionId && answers.name ? data.duplicatesOf(regionId, vpcId, answers.name) : undefined;
	const autoPending =
		state.yes &&
		!autoTried &&
		run.unfinished === 0 &&
		state.step === 'review' &&
		state.status === 'editing' &&
		!state.problems.review;
	useEffect(() => {
		if (!autoPending || !duplicates || duplicates.state === 'loading') return;
		setAutoTried(true);
		// A group with the same name is a decision for the user: Review stays up with the warning.
		if (duplicates.state === 'ready' && duplicates.value.length > 0) return;
		confirm();
	}, [autoPending, duplicates, confirm]);
	return {autoPending, confirm, cancel};
}
