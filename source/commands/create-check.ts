import type {Answers} from '../domain/answers.js';
import {type CreateFlags, type FlagProblem, fromFlags, missingFlags} from '../domain/from-flags.js';
import {lintRules} from '../domain/lint.js';
import {maxRulesPerGroup} from '../domain/validators.js';
import {t} from '../text/index.js';
import {type Flags, flagList, flagText} from './args.js';

type ExportFormat = 'aliyun' | 'terraform';
const exportFormats: readonly string[] = ['aliyun', 'terraform'] satisfies ExportFormat[];

/** An --export format that is not one of ours; no wizard step asks for it. */
export function exportProblem(flags: Flags): FlagProblem | undefined {
	const format = flagText(flags.export);
	return format === undefined || exportFormats.includes(format)
		? undefined
		: {flag: '--export', message: t('submit.flags.export', {value: format})};
}

/** The create flags in the domain's terms. */
export function createFlagsOf(flags: Flags): CreateFlags {
	return {
		region: flagText(flags.region),
		template: flagText(flags.template),
		name: flagText(flags.name),
		description: flagText(flags.description),
		vpc: flagText(flags.vpc),
		classic: flags.classic === true,
		type: flagText(flags.type),
		source: flagText(flags.source),
		rule: flagList(flags.rule),
		'resource-group': flagText(flags['resource-group']),
		tag: flagList(flags.tag),
	};
}

export type FlagsCheck =
	| {ok: true; answers: Answers; warnings: string[]; exportFormat?: ExportFormat}
	| {ok: false; missing: string[]; problems: FlagProblem[]};

/**
 * Every answer from the flags, or every flag that is missing or invalid. `--yes` is required to create (it is
 * not needed for --dry-run or --export, which create nothing).
 */
export function checkFlags(flags: Flags): FlagsCheck {
	const read = fromFlags(createFlagsOf(flags));
	const problems = [...read.problems];
	const named = new Set(problems.map((p) => p.flag));
	// A flag that was given but refused is reported once, as invalid, not also as missing.
	const missing = missingFlags(read.answers)
		.filter((flag) => !named.has(flag) && !(flag === '--vpc' && named.has('--classic')))
		.map((flag) => (flag === '--vpc' ? t('submit.flags.vpcOrClassic') : flag));

	const format = flagText(flags.export);
	const badExport = exportProblem(flags);
	if (badExport) problems.push(badExport);
	const count = read.answers.rules?.length ?? 0;
	if (count > maxRulesPerGroup) {
		problems.push({flag: '--rule', message: t('submit.flags.tooManyRules', {max: maxRulesPerGroup, count})});
	}
	const creates = flags['dry-run'] !== true && format === undefined;
	if (creates && flags.yes !== true) problems.push({flag: '--yes', message: t('submit.flags.needYes')});
	if (missing.length > 0 || problems.length > 0) return {ok: false, missing, problems};

	const a = read.answers;
	const answers: Answers = {
		regionId: a.regionId as string,
		template: a.template ?? 'custom',
		rules: a.rules ?? [],
		name: a.name as string,
		description: a.description ?? '',
		network: a.network ?? 'vpc',
		...(a.vpcId ? {vpcId: a.vpcId} : {}),
		type: a.type ?? 'normal',
		...(a.resourceGroupId ? {resourceGroupId: a.resourceGroupId} : {}),
		tags: a.tags ?? [],
	};
	return {
		ok: true,
		answers,
		warnings: lintRules(answers.rules).map((w) => w.message),
		...(format ? {exportFormat: format as ExportFormat} : {}),
	};
}

/** The one message that names every missing or invalid flag. */
export function problemLines(
	check: {missing: string[]; problems: FlagProblem[]},
	wizardWanted = false,
): string[] {
	// `ecs-sg --sandbox | tee log`: a person at a terminal who piped stdout wanted the wizard, not a script's answer.
	const lines = [
		t(wizardWanted && check.missing.length > 0 ? 'cli.error.wizardNeedsStdout' : 'submit.flags.problems'),
	];
	if (check.missing.length > 0)
		lines.push(`  ${t('submit.flags.missing', {flags: check.missing.join(', ')})}`);
	for (const p of check.problems)
		lines.push(`  ${t('submit.flags.problem', {flag: p.flag, message: p.message})}`);
	return lines;
}
