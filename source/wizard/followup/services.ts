// What the follow-up screens need from the world, passed in by commands/rules.ts, commands/instances.ts, or the
// create wizard's Done screen (the same services as the create), and by tests with fakes or a sandbox.
import type {ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import type {Members} from '../../cloud/members.js';
import type {EcsApi, RetryObservable} from '../../cloud/port.js';
import type {Settings} from '../../config/types.js';
import type {Rule} from '../../domain/model.js';
import type {ChangeCall} from '../../domain/plan-types.js';

/**
 * The cloud calls a follow-up makes beside the api's reads, injected as the create's submit is (commands/ binds
 * cloud/changes.ts applyChanges and cloud/members.ts readMembers to the api): the screens import no cloud code.
 */
export type FollowupCalls = {
	/** Runs the calls in order; once `signal` is aborted the call in flight finishes and the rest are skipped. */
	apply(
		calls: readonly ChangeCall[],
		onEvent: (event: ChangeEvent) => void,
		signal?: AbortSignal,
	): Promise<ChangeOutcome>;
	/** The group, the instances of its network and the network's groups. */
	members(regionId: string, groupId: string): Promise<Members>;
};

export type FollowupServices = FollowupCalls & {
	api: EcsApi & Partial<RetryObservable>;
	settings?: Settings;
	/** The region stored with the credentials' profile: first in the list when no region was used yet. */
	defaultRegion?: string;
	/** The calls go to the local sandbox: the headings say so, and empty lists say where its seeded data is. */
	sandbox?: boolean;
};

/**
 * Subscribes a listener to stop requests that are not keys (SIGINT, SIGTERM, SIGHUP reaching the process); returns
 * the function that unsubscribes it. The flows treat one like Ctrl+C.
 */
export type StopRequests = (listener: () => void) => () => void;

/** Where a follow-up starts: what the flags (or the create that just finished) already say. */
export type FollowupStart = {
	regionId?: string;
	groupId?: string;
	/**
	 * Opened for one group from the create wizard's Done screen: there is no going back to pick another, and Esc
	 * on the first screen leaves without cancelling anything.
	 */
	fixed?: boolean;
	/** `rules add|remove` in a terminal without --yes: changes to queue once the group's rules are read. */
	queue?: {add: readonly Rule[]; remove: readonly Rule[]};
	/** `instances add|remove` in a terminal without --yes: instances to select once the group is read. */
	select?: {change: 'join' | 'leave'; instanceIds: readonly string[]};
};

export type FollowupOutcome =
	/** Calls were sent (the last round's outcome; failed calls make exit 1). */
	| {status: 'applied'; regionId: string; groupId: string; outcome: ChangeOutcome}
	/** Left without sending anything (Esc on a fixed start, or q before applying). */
	| {status: 'left'}
	/** Ctrl+C, or Esc on the first screen; `outcome` when calls had been sent before the cancel took effect. */
	| {status: 'cancelled'; outcome?: ChangeOutcome};

/** The exit code a follow-up ends with (design.md): 0 done or nothing to do, 1 a call failed, 130 cancelled. */
export function exitCodeOf(outcome: FollowupOutcome): 0 | 1 | 130 {
	switch (outcome.status) {
		case 'applied':
			return outcome.outcome.outcomes.some((o) => o.state === 'failed') ? 1 : 0;
		case 'left':
			return 0;
		case 'cancelled':
			return 130;
	}
}
