// What the wizard needs from the world, passed in (by commands/create.ts, or by tests with fakes), so that
// nothing heavy (pop-core, the sandbox, inquirer) is imported before the first frame.

import type {SubmitEvent, SubmitOutcome} from '../cloud/engine-types.js';
import type {EcsApi, RetryObservable} from '../cloud/port.js';
import type {Journal, JournalEntry, Settings} from '../config/types.js';
import type {Answers} from '../domain/answers.js';
import type {Inspection, SubmitPlan} from '../domain/plan-types.js';
import type {FollowupCalls} from './followup/services.js';

/** What finishing or deleting an unfinished create came to, in one sentence for the screen. */
export type ResumeResult = {ok: boolean; message: string};

export type UnfinishedServices = {
	/** What exists of the entry's create now (asks the API). */
	inspect(entry: JournalEntry): Promise<Inspection>;
	/** Finishes the create (the missing calls, same ClientTokens). */
	finish(entry: JournalEntry): Promise<ResumeResult>;
	/** Deletes the half-made group (if any) and forgets the entry. */
	remove(entry: JournalEntry): Promise<ResumeResult>;
};

export type WizardServices = {
	api: EcsApi & Partial<RetryObservable>;
	settings?: Settings;
	/** The region stored with the credentials' profile: first in the list when no region was used yet. */
	defaultRegion?: string;
	journal?: Journal;
	/** Answers to the calls that create the group (domain/plan.ts planFromAnswers). */
	plan(answers: Answers): SubmitPlan;
	/**
	 * Runs a plan (cloud/engine.ts submit with the api, journal and target already bound). Once `signal` is
	 * aborted the engine stops before its next call and answers with what exists.
	 */
	submit(
		plan: SubmitPlan,
		onEvent: (event: SubmitEvent) => void,
		signal?: AbortSignal,
	): Promise<SubmitOutcome>;
	/** The follow-ups' cloud calls (offered on Done), bound to the same api. */
	followup: FollowupCalls;
	/** Absent: unfinished creates are only listed, with `ecs-sg resume` as the way to act on them. */
	unfinished?: UnfinishedServices;
	/**
	 * Where the calls go (--sandbox, --endpoint, --profile): the follow-up commands shown at the end carry the
	 * same flags, so they act on the same place.
	 */
	target?: {endpoint?: string; sandbox?: boolean; profile?: string};
};
