// `ecs-sg rules [add|remove]`: change the rules of an existing group. In a terminal, the rules screens (pre-filled
// from the flags; `--yes` with add/remove applies without them); otherwise, or with --json, the flags-only path:
// `rules add|remove --group ID --rule PROTO:PORTS:CIDR [--egress] --yes`, or `rules --group ID` to list.
import type {ChangeOutcome} from '../cloud/change-types.js';
import {ruleText} from '../domain/followup.js';
import {lintRules} from '../domain/lint.js';
import type {Direction, Rule, SecurityGroupDetail} from '../domain/model.js';
import {
	checkRuleChange,
	type GroupRule,
	nicTypeOfGroup,
	plainRule,
	planRuleChange,
	rulesMatching,
} from '../domain/rule-change.js';
import {parseRuleSpec, ruleSpec} from '../domain/rules.js';
import {rulesTable} from '../domain/summary.js';
import {t} from '../text/index.js';
import {refusal} from '../wizard/followup/rules-edit.js';
import type {ParsedArgs} from './args.js';
import * as followup from './followup.js';
import * as flagsPath from './followup-flags.js';
import type {ExitCode, Io} from './io.js';
import type {Services} from './services.js';

type RulesFlags = flagsPath.CommonFlags & {
	direction: Direction;
	/** Parsed `--rule` values, in order, with what was typed (for messages) and which options it said. */
	rules: {spec: string; rule: Rule; given?: {policy?: boolean; priority?: boolean}}[];
};

/** Every flag problem that needs no API call, all at once. */
export function readRulesFlags(args: Pick<ParsedArgs, 'positionals' | 'flags'>): RulesFlags {
	const direction: Direction = args.flags.egress === true ? 'egress' : 'ingress';
	const rules: RulesFlags['rules'] = [];
	const common = flagsPath.readCommon(args, 'rule', (spec) => {
		const parsed = parseRuleSpec(spec, direction);
		if (!parsed.ok) return parsed.problem;
		rules.push({spec, rule: parsed.rule, given: parsed.given});
		return undefined;
	});
	return {...common, direction, rules};
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const read = readRulesFlags(args);
	if (flagsPath.isScripted(io, read)) return runFlags(args, io, read);
	if (read.problems.length > 0) return followup.usage(io, read.problems);
	const rules = read.rules.map((r) => r.rule);
	return followup.runInteractive(
		args,
		io,
		read,
		{
			...(read.mode === 'add' ? {queue: {add: rules, remove: []}} : {}),
			...(read.mode === 'remove' ? {queue: {add: [], remove: rules}} : {}),
		},
		async () => (await import('../wizard/followup/rules-app.js')).RulesApp,
	);
}

type RulesReport = {
	command: 'rules';
	action: flagsPath.FollowupMode;
	regionId: string;
	securityGroupId: string;
	direction?: Direction;
	added: Rule[];
	removed: Rule[];
	unchanged: Rule[];
	failed: {action: string; code: string; message: string; rules: Rule[]}[];
	/** Lint of the additions against the group's rules (domain/lint.ts), as sentences. */
	warnings?: string[];
};

function runFlags(args: ParsedArgs, io: Io, read: RulesFlags): Promise<number> {
	return flagsPath.runOnGroup(args, io, read, async (services, regionId, group) =>
		read.mode === 'list'
			? listRules(io, read, group, regionId)
			: await change(io, read, services, group, regionId),
	);
}

const byDirection = (rules: readonly GroupRule[]): GroupRule[] =>
	[...rules].sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'ingress' ? -1 : 1));

function listRules(io: Io, read: RulesFlags, group: SecurityGroupDetail, regionId: string): ExitCode {
	const rules = byDirection(group.rules);
	return followup.printResult(
		io,
		read.json,
		{
			command: 'rules',
			action: 'list',
			regionId,
			securityGroupId: group.id,
			name: group.name,
			vpcId: group.vpcId,
			type: group.type,
			rules: rules.map(plainRule),
		},
		[
			t('followup.flags.listHeading', {
				id: group.id,
				name: group.name,
				region: regionId,
				count: rules.length,
			}),
			...rulesTable(rules),
		],
	);
}

async function change(
	io: Io,
	read: RulesFlags,
	services: Services,
	group: SecurityGroupDetail,
	regionId: string,
): Promise<ExitCode> {
	const nicType = nicTypeOfGroup(group);
	let removals: GroupRule[] = [];
	if (read.mode === 'remove') {
		const unmatched: {spec: string; direction: Direction}[] = [];
		for (const {spec, rule, given} of read.rules) {
			const found = rulesMatching(group.rules, rule, given);
			if (found.length === 0) unmatched.push({spec, direction: rule.direction});
			removals.push(...found);
		}
		if (unmatched.length > 0) {
			return followup.usage(
				io,
				unmatched.map(({spec, direction}) =>
					t(direction === 'ingress' ? 'followup.flags.noSuchInbound' : 'followup.flags.noSuchOutbound', {
						rule: spec,
						id: group.id,
					}),
				),
			);
		}
		removals = [...new Set(removals)];
	}
	// What the group would refuse (a group peer in an enterprise group) is said before anything is sent.
	const refused = read.mode === 'add' ? read.rules.flatMap(({rule}) => refusal(group, rule) ?? []) : [];
	if (refused.length > 0) return followup.usage(io, [...new Set(refused)]);
	const check = checkRuleChange(
		group.rules,
		{add: read.mode === 'add' ? read.rules.map((r) => r.rule) : [], remove: removals},
		nicType,
	);
	if (check.problem) return followup.usage(io, [check.problem]);
	for (const rule of check.present)
		followup.warn(io, [t('followup.flags.present', {rule: ruleSpec(rule), id: group.id})]);
	// The additions are linted with the group's rules, so a new rule shadowed by an existing one is said too.
	const lint = lintRules([...group.rules.map(plainRule), ...check.fresh])
		.filter((w) => check.fresh.includes(w.rule))
		.map((w) => w.message);
	if (!read.json) for (const w of lint) followup.warn(io, [`! ${w}`]);
	const plan = planRuleChange({regionId, groupId: group.id, vpcId: group.vpcId}, check);
	const sent = await flagsPath.sendPlan(io, services, plan, (call) =>
		'input' in call ? t('followup.flags.sending', {count: call.input.rules.length, id: group.id}) : undefined,
	);
	const report = {
		...rulesReport(read, regionId, group.id, check.present, sent.outcome),
		...(lint.length > 0 ? {warnings: lint} : {}),
	};
	return flagsPath.reportSent(io, read, sent, plan, report, [
		...(plan.calls.length === 0 ? [t('followup.flags.nothingToAdd', {id: group.id})] : []),
		...report.added.map((rule) => t('followup.flags.added', {rule: ruleText(rule)})),
		...report.removed.map((rule) => t('followup.flags.removed', {rule: ruleText(rule)})),
	]);
}

function rulesReport(
	read: Pick<RulesFlags, 'mode' | 'direction'>,
	regionId: string,
	groupId: string,
	present: readonly Rule[],
	outcome: ChangeOutcome,
): RulesReport {
	const rulesOf = (kinds: string[], state: string) =>
		outcome.outcomes.flatMap((o) =>
			o.state === state && 'input' in o.call && kinds.includes(o.call.kind) ? o.call.input.rules : [],
		);
	return {
		command: 'rules',
		action: read.mode,
		regionId,
		securityGroupId: groupId,
		direction: read.direction,
		added: rulesOf(['authorize', 'authorize-egress'], 'done'),
		removed: rulesOf(['revoke', 'revoke-egress'], 'done'),
		unchanged: present.map(plainRule),
		failed: flagsPath.failedOf(outcome, (call, {code, message}) =>
			'input' in call ? {action: call.kind, code, message, rules: call.input.rules} : undefined,
		),
	};
}
