// `ecs-sg rules [add|remove]`: change the rules of an existing group. In a terminal, the rules screens (pre-filled
// from the flags; `--yes` with add/remove applies without them); otherwise, or with --json, the flags-only path:
// `rules add|remove --group ID --rule PROTO:PORTS:CIDR [--egress] --yes`, or `rules --group ID` to list.
import type {ChangeOutcome} from '../cloud/change-types.js';
import {outcomeLine, requestIdsOf, ruleText} from '../domain/followup.js';
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
import {cleanDeep, cleanLine, t} from '../text/index.js';
import type {ParsedArgs} from './args.js';
import {print, readTarget, runInteractive, runOnGroup, sendPlan, sentCode, usage, warn} from './followup.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';
import type {Services} from './services.js';

export type RulesMode = 'list' | 'add' | 'remove';

export type RulesFlags = {
	mode: RulesMode;
	regionId?: string;
	groupId?: string;
	direction: Direction;
	/** Parsed `--rule` values, in order, with what was typed (for messages) and which options it said. */
	rules: {spec: string; rule: Rule; given?: {policy?: boolean; priority?: boolean}}[];
	yes: boolean;
	json: boolean;
	problems: string[];
};

/** Every flag problem that needs no API call, all at once. */
export function readRulesFlags(args: Pick<ParsedArgs, 'positionals' | 'flags'>): RulesFlags {
	const {flags} = args;
	const [word, ...extra] = args.positionals;
	const problems: string[] = [];
	let mode: RulesMode = 'list';
	if (word === 'add' || word === 'remove') mode = word;
	else if (word !== undefined) problems.push(t('followup.flags.rulesAction', {value: cleanLine(word)}));
	if (extra.length > 0) problems.push(t('followup.flags.extra', {value: cleanLine(extra.join(' '))}));
	const target = readTarget(flags);
	problems.push(...target.problems);
	const direction: Direction = flags.egress === true ? 'egress' : 'ingress';
	const specs = Array.isArray(flags.rule) ? (flags.rule as readonly string[]) : [];
	const rules: RulesFlags['rules'] = [];
	for (const spec of specs) {
		const parsed = parseRuleSpec(spec, direction);
		if (parsed.ok) rules.push({spec, rule: parsed.rule, given: parsed.given});
		else problems.push(t('followup.flags.flag', {flag: '--rule', message: parsed.problem}));
	}
	if (mode === 'list') {
		if (specs.length > 0) problems.push(t('followup.flags.ruleWithoutAction'));
	} else if (specs.length === 0) {
		problems.push(t('followup.flags.ruleMissing', {action: mode}));
	}
	return {
		mode,
		...(target.regionId ? {regionId: target.regionId} : {}),
		...(target.groupId ? {groupId: target.groupId} : {}),
		direction,
		rules,
		yes: flags.yes === true,
		json: flags.json === true,
		problems,
	};
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const read = readRulesFlags(args);
	const scripted = !io.interactive || read.json || (read.mode !== 'list' && read.yes);
	if (scripted) return runFlags(args, io, read);
	if (read.problems.length > 0) return usage(io, read.problems);
	const rules = read.rules.map((r) => r.rule);
	return runInteractive(
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
	action: RulesMode;
	regionId: string;
	securityGroupId: string;
	direction?: Direction;
	added: Rule[];
	removed: Rule[];
	unchanged: Rule[];
	failed: {action: string; code: string; message: string; rules: Rule[]}[];
	requestIds: string[];
	/** Lint of the additions against the group's rules (domain/lint.ts), as sentences. */
	warnings?: string[];
	cancelled?: boolean;
};

function runFlags(args: ParsedArgs, io: Io, read: RulesFlags): Promise<number> {
	return runOnGroup(args, io, read, async (services, regionId, group) =>
		read.mode === 'list'
			? listRules(io, read, group, regionId)
			: await change(io, read, services, group, regionId),
	);
}

const byDirection = (rules: readonly GroupRule[]): GroupRule[] =>
	[...rules].sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'ingress' ? -1 : 1));

function listRules(io: Io, read: RulesFlags, group: SecurityGroupDetail, regionId: string): ExitCode {
	if (read.json) {
		line(
			io.stdout,
			JSON.stringify(
				cleanDeep({
					command: 'rules',
					action: 'list',
					regionId,
					securityGroupId: group.id,
					name: group.name,
					vpcId: group.vpcId,
					type: group.type,
					rules: byDirection(group.rules).map(plainRule),
				}),
			),
		);
		return exitCodes.ok;
	}
	print(io, [
		t('followup.flags.listHeading', {
			id: group.id,
			name: group.name,
			region: regionId,
			count: group.rules.length,
		}),
		...rulesTable(byDirection(group.rules)),
	]);
	return exitCodes.ok;
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
			return usage(
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
	const check = checkRuleChange(
		group.rules,
		{add: read.mode === 'add' ? read.rules.map((r) => r.rule) : [], remove: removals},
		nicType,
	);
	if (check.problem) return usage(io, [check.problem]);
	for (const rule of check.present)
		warn(io, [t('followup.flags.present', {rule: ruleSpec(rule), id: group.id})]);
	// The additions are linted with the group's rules, so a new rule shadowed by an existing one is said too.
	const lint = lintRules([...group.rules.map(plainRule), ...check.fresh])
		.filter((w) => check.fresh.includes(w.rule))
		.map((w) => w.message);
	if (!read.json) for (const w of lint) warn(io, [`! ${w}`]);
	const plan = planRuleChange({regionId, groupId: group.id, vpcId: group.vpcId}, check);
	const sent = await sendPlan(io, services, plan, (event) => {
		if (event.state === 'running' && event.attempt === 1) {
			const call = plan.calls[event.index];
			if (call && 'input' in call)
				warn(io, [t('followup.flags.sending', {count: call.input.rules.length, id: group.id})]);
		}
	});
	const {outcome} = sent;
	const report = {
		...rulesReport(read, regionId, group.id, check.present, outcome),
		...(lint.length > 0 ? {warnings: lint} : {}),
	};
	if (read.json) line(io.stdout, JSON.stringify(cleanDeep(report)));
	else {
		const lines = outcome.outcomes.map(outcomeLine);
		if (plan.calls.length === 0) lines.push(t('followup.flags.nothingToAdd', {id: group.id}));
		for (const rule of report.added) lines.push(t('followup.flags.added', {rule: ruleText(rule)}));
		for (const rule of report.removed) lines.push(t('followup.flags.removed', {rule: ruleText(rule)}));
		print(io, lines);
	}
	return sentCode(io, sent, plan);
}

export function rulesReport(
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
		failed: outcome.outcomes.flatMap((o) =>
			(o.state === 'failed' || o.state === 'skipped') && 'input' in o.call
				? [
						{
							action: o.call.kind,
							code: o.error?.code ?? 'Skipped',
							message: o.error ? o.error.sentence : t('followup.call.skipped'),
							rules: o.call.input.rules,
						},
					]
				: [],
		),
		requestIds: requestIdsOf(outcome),
		...(outcome.cancelled ? {cancelled: true} : {}),
	};
}
