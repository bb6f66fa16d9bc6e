// The follow-up operations as text: the commands to run next (carrying the target the run used, so a newcomer
// on the sandbox never copies a command that talks to the real cloud), and what a round of changes came to, for
// the flags paths and `--json`.

import {cleanLine, commandName, rulesCount, t} from '../text/index.js';
import {shellQuote} from './export-aliyun.js';
import type {Rule} from './model.js';
import {peerLabel} from './peers.js';
import type {CallReport, RoundReport} from './plan-types.js';
import {actionOf} from './plan-types.js';
import {showPorts} from './rules.js';

/** Where a run's calls went: what --sandbox, --endpoint and --profile said (as recorded in journal entries). */
export type Target = {endpoint?: string; sandbox?: boolean; profile?: string};

/** The global flags that send a command to the same place: `--sandbox`, `--endpoint URL`, `--profile NAME`. */
export function targetFlags(target: Target | undefined): string[] {
	if (!target) return [];
	const words: string[] = [];
	if (target.sandbox) words.push('--sandbox');
	else if (target.endpoint) words.push('--endpoint', shellQuote(cleanLine(target.endpoint)));
	if (target.profile) words.push('--profile', shellQuote(cleanLine(target.profile)));
	return words;
}

/** ` --sandbox` (with its leading space), or nothing: for messages that put the flags after the command. */
export const targetSuffix = (target: Target | undefined): string => {
	const words = targetFlags(target);
	return words.length > 0 ? ` ${words.join(' ')}` : '';
};

/** `ecs-sg rules --sandbox --region cn-hangzhou --group sg-…`: a follow-up for one group, runnable as shown. */
export function followUpCommand(
	command: 'rules' | 'instances',
	regionId: string,
	groupId: string,
	target?: Target,
): string {
	return [
		commandName(),
		command,
		...targetFlags(target),
		'--region',
		shellQuote(cleanLine(regionId)),
		'--group',
		shellQuote(cleanLine(groupId)),
	].join(' ');
}

/** `TCP 22 0.0.0.0/0 (accept, priority 1)` as the flags path lists rules. */
export const ruleText = (rule: Rule): string =>
	t('followup.flags.rule', {
		direction: rule.direction === 'ingress' ? t('followup.rules.in') : t('followup.rules.out'),
		protocol: rule.protocol.toUpperCase(),
		ports: showPorts(rule),
		cidr: peerLabel(rule.peer),
		policy: rule.policy === 'drop' ? t('submit.policy.drop') : t('submit.policy.accept'),
		priority: rule.priority,
	});

/** A call's outcome as a line: the action, what it carried, and how it ended (with the refusal when it failed). */
export function outcomeLine(outcome: CallReport): string {
	const {call} = outcome;
	const what =
		'input' in call
			? t('wizard.submit.rules', {rules: rulesCount(call.input.rules.length)})
			: cleanLine(call.instanceId);
	const action = actionOf(call);
	switch (outcome.state) {
		case 'done':
			return t('followup.flags.done', {action, what, id: outcome.requestId ?? '-'});
		case 'unchanged':
			return t(call.kind === 'join' ? 'followup.flags.alreadyIn' : 'followup.flags.alreadyOut', {
				action,
				what,
			});
		case 'failed':
			return t('followup.flags.failed', {
				action,
				what,
				reason: outcome.error ? `${outcome.error.sentence} ${outcome.error.next}`.trim() : '-',
			});
		case 'skipped':
			return t('followup.flags.skipped', {action, what});
	}
}

/** Every request id a round got back, in call order. */
export const requestIdsOf = (outcome: RoundReport): string[] =>
	outcome.outcomes.flatMap((o) => (o.state === 'done' && o.requestId ? [o.requestId] : []));
