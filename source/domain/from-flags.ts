// The flags of `ecs-sg create` as (partial) answers: the wizard uses them to pre-fill its steps, the flags
// path requires them all. Every problem is collected, each naming its flag, so one message can list them all.

import {t} from '../text/index.js';
import type {Answers} from './answers.js';
import type {GroupType, Rule, Tag} from './model.js';
import {parsePeer} from './peers.js';
import {anywhere, isTemplateId, parseRuleSpec, type TemplateId, templateRules, uniqueRules} from './rules.js';
import {
	validateDescription,
	validateName,
	validateRegionId,
	validateResourceGroupId,
	validateTags,
	validateVpcId,
} from './validators.js';

export type CreateFlags = {
	region?: string;
	template?: string;
	name?: string;
	description?: string;
	vpc?: string;
	classic?: boolean;
	type?: string;
	source?: string;
	rule?: readonly string[];
	'resource-group'?: string;
	tag?: readonly string[];
};

export type FlagProblem = {flag: string; message: string};

export type FromFlags = {
	/** Only the answers whose flags were given and valid. */
	answers: Partial<Answers>;
	/** The extra rules from --rule, inbound or (`out:`) outbound (already part of answers.rules with --template). */
	extraRules: Rule[];
	/** The source of the template's SSH/RDP rules from --source (default 0.0.0.0/0). */
	source: string;
	problems: FlagProblem[];
};

export function fromFlags(flags: CreateFlags): FromFlags {
	const answers: Partial<Answers> = {};
	const problems: FlagProblem[] = [];
	const check = (flag: string, problem: string | undefined): boolean => {
		if (problem) problems.push({flag, message: problem});
		return problem === undefined;
	};

	if (flags.region !== undefined && check('--region', validateRegionId(flags.region)))
		answers.regionId = flags.region;

	let template: TemplateId | undefined;
	if (flags.template !== undefined) {
		if (isTemplateId(flags.template)) template = flags.template;
		else check('--template', t('domain.flags.template', {value: flags.template}));
	}

	// --source narrows the template's remote-administration rules (SSH 22, RDP 3389) only: web ports and ICMP
	// serve the world (issue 15 item 5). A per-rule source is the peer of a --rule.
	let source = anywhere;
	if (flags.source !== undefined) {
		const parsed = parsePeer(flags.source);
		if (check('--source', parsed.ok ? undefined : parsed.problem)) source = flags.source.trim();
	}

	const extraRules: Rule[] = [];
	for (const spec of flags.rule ?? []) {
		const parsed = parseRuleSpec(spec);
		if (parsed.ok) extraRules.push(parsed.rule);
		else check('--rule', parsed.problem);
	}
	if (template !== undefined) {
		answers.template = template;
		answers.rules = uniqueRules([...templateRules(template, source), ...extraRules]);
	}

	if (flags.name !== undefined && check('--name', validateName(flags.name))) answers.name = flags.name;
	if (flags.description !== undefined && check('--description', validateDescription(flags.description))) {
		answers.description = flags.description;
	}

	if (flags.vpc !== undefined && flags.classic) {
		check('--vpc', t('domain.flags.vpcAndClassic'));
	} else if (flags.classic) {
		answers.network = 'classic';
	} else if (flags.vpc !== undefined && check('--vpc', validateVpcId(flags.vpc))) {
		answers.network = 'vpc';
		answers.vpcId = flags.vpc;
	}

	if (flags.type !== undefined) {
		if (flags.type === 'normal' || flags.type === 'enterprise') answers.type = flags.type as GroupType;
		else check('--type', t('domain.flags.type', {value: flags.type}));
	}
	if (answers.type === 'enterprise' && answers.network === 'classic') {
		check('--type', t('domain.flags.enterpriseClassic'));
	}

	if (flags['resource-group'] !== undefined) {
		if (check('--resource-group', validateResourceGroupId(flags['resource-group']))) {
			answers.resourceGroupId = flags['resource-group'];
		}
	}

	if (flags.tag !== undefined) {
		const tags: Tag[] = [];
		for (const raw of flags.tag) {
			const at = raw.indexOf('=');
			if (at <= 0) check('--tag', t('domain.flags.tag', {value: raw}));
			else tags.push({key: raw.slice(0, at), value: raw.slice(at + 1)});
		}
		if (check('--tag', validateTags(tags))) answers.tags = tags;
	}

	return {answers, extraRules, source, problems};
}

/** The answers that must be given before anything can be created, as the flags that give them. */
export function missingFlags(answers: Partial<Answers>): string[] {
	const missing: string[] = [];
	if (answers.regionId === undefined) missing.push('--region');
	if (answers.template === undefined) missing.push('--template');
	if (answers.name === undefined) missing.push('--name');
	if (answers.network === undefined) missing.push('--vpc');
	return missing;
}
