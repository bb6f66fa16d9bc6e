// `ecs-sg resume` finishing one create: the missing calls with the same ClientTokens, progress on stderr, a
// two-stage stop (the call in flight finishes, then what exists is said).
import {cancelledCode, finishUnfinished} from '../cloud/engine.js';
import {CloudError} from '../cloud/errors.js';
import type {JournalEntry} from '../config/types.js';
import type {Inspection} from '../domain/plan-types.js';
import {resultLines} from '../domain/summary.js';
import {t} from '../text/index.js';
import {afterFailureLines, progressLine, resultJson} from './create-output.js';
import {exitCodes} from './io.js';
import type {Say, Settled} from './resume.js';
import type {Services} from './services.js';
import {stopInTwo} from './signals.js';

/** Finishes the create (the missing calls, same ClientTokens), a stop ending it after the call in flight. */
export async function finishOne(
	entry: JournalEntry,
	services: Services,
	plan: Inspection['plan'],
	{out, err}: Say,
): Promise<Settled> {
	const {journal} = services.store;
	const base = {journalId: entry.id};
	// SIGINT, SIGTERM or SIGHUP while finishing: stop after the call in flight (a second one quits at once).
	const stop = stopInTwo({
		first: () => err([t('submit.cancel.stopping')]),
		second: () =>
			err(afterFailureLines(plan, {ok: false, error: stoppedError(), journalId: entry.id}, journal)),
	});
	let outcome: Awaited<ReturnType<typeof finishUnfinished>>;
	try {
		outcome = await finishUnfinished(
			entry,
			{api: services.api, journal, target: services.target, signal: stop.signal},
			(event) => {
				const progress = progressLine(plan, event);
				if (progress) err([progress]);
			},
		);
	} finally {
		stop.stop();
	}
	if (!outcome.ok && outcome.cancelled) {
		err(afterFailureLines(plan, outcome, journal));
		return {
			code: stop.exitCode(),
			report: {...base, action: 'left', securityGroupId: outcome.groupId ?? null},
		};
	}
	if (outcome.ok) {
		out(resultLines(outcome.result, services.target));
		return {code: exitCodes.ok, report: {...base, action: 'finished', ...resultJson(outcome.result)}};
	}
	err([
		t('submit.fail.error', {sentence: outcome.error.sentence}),
		outcome.error.next,
		...afterFailureLines(plan, outcome, journal),
	]);
	return {
		code: exitCodes.cloud,
		report: {
			...base,
			action: 'failed',
			error: outcome.error.code,
			securityGroupId: outcome.groupId ?? null,
		},
	};
}

/** What a second stop request reports (the journal, not this error, says what exists). */
const stoppedError = () =>
	new CloudError('unknown', cancelledCode, t('submit.cancelled'), t('submit.cancelledNext'));
