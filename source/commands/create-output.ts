import {readProgress} from '../cloud/engine.js';
import type {SubmitEvent, SubmitOutcome} from '../cloud/engine-types.js';
import type {Journal} from '../config/types.js';
import {exportAliyun} from '../domain/export-aliyun.js';
import type {SecurityGroupSummary} from '../domain/model.js';
import {authorizeParams, createParams, planRules, specOf} from '../domain/plan.js';
import type {SubmitPlan, SubmitResult} from '../domain/plan-types.js';
import {ecsSgCommand} from '../domain/summary.js';
import {rulesCount, t} from '../text/index.js';

/** The plan as JSON for `--dry-run --json`: the calls in order with their API parameters. */
export function planJson(plan: SubmitPlan, extras: {warnings: string[]; duplicates: SecurityGroupSummary[]}) {
	const spec = specOf(plan);
	return {
		dryRun: true,
		regionId: plan.regionId,
		vpcId: plan.create.vpcId ?? null,
		name: plan.create.name,
		type: plan.create.type,
		calls: [
			{
				action: 'CreateSecurityGroup',
				params: Object.fromEntries(createParams(spec, plan.create.clientToken)),
			},
			...plan.authorize.map((batch) => ({
				action: 'AuthorizeSecurityGroup',
				params: Object.fromEntries(
					authorizeParams(plan.regionId, '<SecurityGroupId>', batch.rules, batch.nicType, batch.clientToken),
				),
			})),
		],
		rules: planRules(plan),
		warnings: extras.warnings,
		duplicates: extras.duplicates.map((g) => g.id),
		commands: {aliyun: exportAliyun(plan), ecsSg: ecsSgCommand(plan).command},
	};
}

/** The --json result of a create. */
export const resultJson = (result: SubmitResult) => ({
	securityGroupId: result.groupId,
	regionId: result.regionId,
	vpcId: result.vpcId ?? null,
	name: result.name,
	type: result.type,
	rules: result.rules,
	requestIds: result.requestIds,
});

/** One stderr line per finished step and per retry (a terminal-free progress display). */
export function progressLine(plan: SubmitPlan, event: SubmitEvent): string | undefined {
	const action = event.step === 'create' ? 'CreateSecurityGroup' : 'AuthorizeSecurityGroup';
	switch (event.state) {
		case 'running':
			return undefined;
		case 'retrying':
			return t('submit.progress.retry', {
				action,
				code: event.code ?? '',
				seconds: ((event.delayMs ?? 0) / 1000).toFixed(1),
				attempt: event.attempt,
			});
		case 'done':
			if (event.step === 'create') return t('submit.progress.created', {id: event.groupId ?? ''});
			return t('submit.progress.authorized', {
				rules: rulesCount(
					plan.authorize[Number(event.step.slice('authorize-'.length)) - 1]?.rules.length ?? 0,
				),
			});
		case 'failed':
			return t('submit.progress.failed', {action});
	}
}

/** What exists after a failed or cancelled create, and what to do about it. */
export function afterFailureLines(plan: SubmitPlan, outcome: SubmitOutcome & {ok: false}, journal: Journal) {
	const entry = journal.get(outcome.journalId);
	const progress = entry ? readProgress(entry) : undefined;
	if (!progress) return [t('submit.fail.nothing')];
	const total = planRules(plan).length;
	if (!progress.groupId) return [t('submit.fail.unknown'), t('submit.fail.resume')];
	const applied = plan.authorize.slice(0, progress.authorized).reduce((n, b) => n + b.rules.length, 0);
	return [
		t('submit.fail.exists', {id: progress.groupId, region: plan.regionId, missing: total - applied, total}),
		t('submit.fail.resume'),
	];
}
