// Using an existing group instead of creating one (Review's `u`): which of the planned rules it lacks, read
// from the cloud once, so Done can say so and offer to add them (through the rules follow-up, which applies them
// with the same runner as `ecs-sg rules add`). Nothing is added without the person asking.
import {useEffect, useState} from 'react';
import type {EcsApi} from '../cloud/port.js';
import type {Rule} from '../domain/model.js';
import {checkRuleChange, nicTypeOfGroup} from '../domain/rule-change.js';
import {cleanLine} from '../text/index.js';
import type {WizardState} from './state.js';

export type MissingRules =
	| {state: 'none'}
	| {state: 'reading'}
	| {state: 'read'; missing: readonly Rule[]; planned: number}
	| {state: 'failed'; reason: string};

/** The planned rules the reused group lacks; `none` when no group was reused. */
export function useMissingRules(state: WizardState, api: EcsApi): MissingRules {
	const group = state.reused?.id;
	const regionId = state.answers.regionId;
	const planned = state.answers.rules;
	const [found, setFound] = useState<MissingRules>({state: 'none'});
	useEffect(() => {
		if (!group || !regionId) return;
		let live = true;
		setFound({state: 'reading'});
		api.describeSecurityGroupAttribute(regionId, group, {summary: false}).then(
			(detail) => {
				if (!live) return;
				const check = checkRuleChange(detail.rules, {add: planned ?? [], remove: []}, nicTypeOfGroup(detail));
				setFound({state: 'read', missing: check.fresh, planned: (planned ?? []).length});
			},
			(error: unknown) => {
				if (!live) return;
				const reason =
					error instanceof Error ? ((error as {sentence?: string}).sentence ?? error.message) : error;
				setFound({state: 'failed', reason: cleanLine(reason)});
			},
		);
		return () => {
			live = false;
		};
	}, [api, group, regionId, planned]);
	return found;
}
