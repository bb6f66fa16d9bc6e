// Plans and results as plain-text lines: the rules table, the calls in order, what exists of an unfinished
// create, the equivalent commands. Shared by --dry-run, the flags path, resume and (if it wants) the wizard.

import {cleanLine, commandName, rulesCount, shownTime, t, table} from '../text/index.js';
import {commandLines} from './command-lines.js';
import {exportAliyun, shellQuote} from './export-aliyun.js';
import {type Target, targetSuffix} from './followup.js';
import type {Rule, SecurityGroupSummary} from './model.js';
import {farEndHeader, peerLabel} from './peers.js';
import {authorizeAction, authorizeParams, createParams, planRules, specOf} from './plan.js';
import type {Inspection, SubmitPlan, SubmitResult} from './plan-types.js';
import {
	adminLabels,
	anywhere,
	parseRuleSpec,
	ruleKey,
	ruleSpec,
	showPorts,
	type TemplateId,
	templateRules,
} from './rules.js';

const direction = (rule: Rule): string =>
	rule.direction === 'ingress' ? t('submit.dir.ingress') : t('submit.dir.egress');

/** The policy in the current language (English keeps the API's own words, accept and drop). */
const policyWord = (rule: Rule): string =>
	rule.policy === 'drop' ? t('submit.policy.drop') : t('submit.policy.accept');

/** The far end's header: Source for inbound rules, Destination for outbound ones, both words for a mix. */
function farEndHeading(rules: readonly Rule[]): string {
	const directions = new Set(rules.map((r) => r.direction));
	if (directions.size === 1) return farEndHeader(rules[0]?.direction ?? 'ingress');
	return `${farEndHeader('ingress')}/${farEndHeader('egress')}`;
}

/** The rules as a table with a header row; "(no rules)" when there are none. */
export function rulesTable(rules: readonly Rule[], indent = '  '): string[] {
	if (rules.length === 0) return [`${indent}${t('submit.table.none')}`];
	const rows = [
		[
			t('submit.table.direction'),
			t('submit.table.protocol'),
			t('submit.table.ports'),
			farEndHeading(rules),
			t('submit.table.policy'),
			t('submit.table.priority'),
			t('submit.table.description'),
		],
		...rules.map((r) => [
			direction(r),
			r.protocol.toUpperCase(),
			showPorts(r),
			peerLabel(r.peer),
			policyWord(r),
			String(r.priority),
			cleanLine(r.description ?? ''),
		]),
	];
	return table(rows).map((row) => `${indent}${row}`);
}

/** One rule in a sentence-friendly form: `TCP 22 from 0.0.0.0/0 (accept, priority 1)`. */
const ruleLine = (rule: Rule): string =>
	t('submit.rule.line', {
		protocol: rule.protocol.toUpperCase(),
		ports: showPorts(rule),
		cidr: peerLabel(rule.peer),
		policy: policyWord(rule),
		priority: rule.priority,
	});

const showParams = (params: [string, string][]): string =>
	params.map(([k, v]) => `${k}=${shellQuote(cleanLine(v))}`).join(' ');

/** The API calls of a plan, in order, with their parameters (ClientToken included: it is what ecs-sg sends). */
export function planLines(plan: SubmitPlan): string[] {
	const spec = specOf(plan);
	const lines = [
		`  ${t('submit.plan.create', {n: 1, params: showParams(createParams(spec, plan.create.clientToken))})}`,
	];
	plan.authorize.forEach((batch, i) => {
		const params = authorizeParams(plan.regionId, t('submit.plan.fromStep1'), [], batch.nicType);
		params.push(
			[`Permissions.1-${batch.rules.length}.*`, t('submit.plan.seeRules')],
			['Permissions.N.NicType', batch.nicType],
			['ClientToken', batch.clientToken],
		);
		lines.push(
			`  ${t('submit.plan.authorize', {n: i + 2, action: authorizeAction(batch.direction), rules: rulesCount(batch.rules.length), params: showParams(params)})}`,
		);
	});
	return lines;
}

/** The template (and its admin source) a set of rules starts with, if it does, and the rules that follow. */
function templateOf(rules: readonly Rule[]): {template: TemplateId; source: string; rest: Rule[]} {
	for (const template of ['web-linux', 'web-windows'] as const) {
		// --source narrows the remote-administration rules only (SSH, RDP), so the source is read from one of them.
		const admin = rules.find((r) => adminLabels.includes(r.description ?? ''));
		const source = admin?.peer.kind === 'ipv4' ? admin.peer.cidr : anywhere;
		const expected = templateRules(template, source);
		const head = rules.slice(0, expected.length);
		const same =
			head.length === expected.length &&
			head.every(
				(r, i) =>
					ruleKey(r) === ruleKey(expected[i] as Rule) &&
					(r.description ?? '') === (expected[i]?.description ?? ''),
			);
		if (same) return {template, source, rest: rules.slice(expected.length)};
	}
	return {template: 'custom', source: anywhere, rest: [...rules]};
}

/** A rule `--rule` can give: every rule whose description parses back (a desc= takes the rest of the spec). */
const expressible = (r: Rule): boolean => {
	const parsed = parseRuleSpec(ruleSpec(r));
	return (
		parsed.ok &&
		ruleKey(parsed.rule) === ruleKey(r) &&
		(parsed.rule.description ?? '') === (r.description ?? '')
	);
};

/**
 * The `ecs-sg create ... --yes` command that makes the same group. Every field has a --rule form
 * (`out:`, `drop`, `priority=`, `desc=`), so `exact` is false only for a rule the syntax cannot carry back.
 */
export function ecsSgCommand(source: SubmitPlan | SubmitResult): {command: string; exact: boolean} {
	const spec = specOf(source);
	const {template, source: from, rest} = templateOf(spec.rules);
	const words = [commandName(), 'create', '--region', spec.regionId, '--template', template];
	if (template !== 'custom' && from !== anywhere) words.push('--source', from);
	words.push('--name', spec.name);
	if (spec.description) words.push('--description', spec.description);
	if (spec.vpcId) words.push('--vpc', spec.vpcId);
	else words.push('--classic');
	words.push('--type', spec.type);
	if (spec.resourceGroupId) words.push('--resource-group', spec.resourceGroupId);
	for (const tag of spec.tags) words.push('--tag', `${tag.key}=${tag.value}`);
	for (const rule of rest) words.push('--rule', ruleSpec(rule));
	words.push('--yes');
	return {
		command: words.map((w) => (w.startsWith('--') ? w : shellQuote(w))).join(' '),
		exact: rest.every(expressible),
	};
}

/** "VPC vpc-…" or "the classic network of cn-…": where a group lives. */
export const whereOf = (regionId: string, vpcId: string | undefined): string =>
	vpcId ? t('submit.where.vpc', {vpc: vpcId}) : t('submit.where.classic', {region: regionId});

export type DryRunExtras = {
	/** Lint warnings (already sentences). */
	warnings?: readonly string[];
	/** Groups that already have the name in the same VPC. */
	duplicates?: readonly SecurityGroupSummary[];
};

/** What --dry-run prints: the calls, the rules table, warnings and the equivalent commands. */
export function dryRunLines(plan: SubmitPlan, extras: DryRunExtras = {}): string[] {
	const rules = planRules(plan);
	const lines = [t('submit.dry.heading', {count: 1 + plan.authorize.length}), ...planLines(plan), ''];
	lines.push(t('submit.dry.rules', {count: rules.length}), ...rulesTable(rules));
	const warnings = [...(extras.warnings ?? [])];
	if (extras.duplicates && extras.duplicates.length > 0) {
		warnings.push(
			t('submit.dry.duplicate', {
				name: plan.create.name,
				where: whereOf(plan.regionId, plan.create.vpcId),
				ids: extras.duplicates.map((g) => g.id).join(', '),
			}),
		);
	}
	if (warnings.length > 0) {
		lines.push('', t('submit.dry.warnings'), ...warnings.map((w) => `  ! ${cleanLine(w)}`));
	}
	lines.push('', t('submit.dry.aliyun'), ...exportAliyun(plan).trimEnd().split('\n'));
	const ecsSg = ecsSgCommand(plan);
	lines.push('', t('submit.dry.ecsSg'), ...commandLines(ecsSg.command, printedColumns));
	if (!ecsSg.exact) lines.push(t('submit.dry.inexact'));
	lines.push('', t('submit.dry.nothing'));
	return lines;
}

/** Printed output (not a screen) keeps every command within 80 columns, so a copy of one is never split. */
const printedColumns = 80;

/** `add rules:      ecs-sg rules add …`: the label as it is, the command under it when both do not fit. */
function nextStep(message: string): string[] {
	const at = message.indexOf(`${commandName()} `);
	const line = `  ${message}`;
	if (at < 0 || line.length < printedColumns) return [line];
	return [`  ${message.slice(0, at).trimEnd()}`, ...commandLines(message.slice(at), printedColumns, '    ')];
}

/**
 * The human result of a create: the id, where, the rules as applied, and the follow-up commands (with the
 * run's --sandbox, --endpoint or --profile, so they act on the same place).
 */
export function resultLines(result: SubmitResult, target?: Target): string[] {
	const id = result.groupId;
	const flags = targetSuffix(target);
	return [
		t('submit.result.created', {
			id,
			name: result.name,
			region: result.regionId,
			where: whereOf(result.regionId, result.vpcId),
		}),
		t('submit.result.rules', {count: result.rules.length}),
		...rulesTable(result.rules),
		'',
		t('submit.result.next'),
		...nextStep(t('submit.result.addRules', {region: result.regionId, id, target: flags})),
		...nextStep(t('submit.result.addInstances', {region: result.regionId, id, target: flags})),
	];
}

/** What exists of an unfinished create, as resume and the wizard show it. */
export function inspectionLines(inspection: Inspection): string[] {
	const {plan} = inspection;
	const total = planRules(plan).length;
	const lines = [
		// Two lines: one would be wider than a 100-column terminal with a long VPC id.
		t('submit.resume.heading', {name: plan.create.name, when: shownTime(inspection.createdAt)}),
		`  ${t('submit.resume.where', {region: plan.regionId, where: whereOf(plan.regionId, plan.create.vpcId)})}`,
	];
	if (inspection.group === 'exists') {
		lines.push(
			`  ${t('submit.resume.exists', {id: inspection.groupId ?? '', applied: inspection.applied.length, total})}`,
		);
	} else if (inspection.group === 'gone') {
		lines.push(`  ${t('submit.resume.gone', {id: inspection.groupId ?? ''})}`);
		return lines;
	} else {
		lines.push(`  ${t('submit.resume.unknown')}`);
	}
	const applied = new Set(inspection.applied.map(ruleKey));
	for (const rule of planRules(plan)) {
		if (!applied.has(ruleKey(rule)))
			lines.push(`    ${t('submit.resume.missingRule', {rule: ruleLine(rule)})}`);
	}
	return lines;
}
