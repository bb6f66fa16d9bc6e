import type {Answers} from '../domain/answers.js';
import type {NetworkType, Rule} from '../domain/model.js';
import {type TemplateId, templateIds, validateRule} from '../domain/rules.js';
import {maxRulesPerGroup, validateDescription, validateName, validateRegionId} from '../domain/validators.js';
import {t} from '../text/index.js';

/** The console's steps, in order. VPC is skipped when the network is Classic. */
export const steps = ['region', 'template', 'name', 'description', 'network', 'vpc', 'review'] as const;
export type StepId = (typeof steps)[number];

export type Draft = Partial<Answers>;

export type AnswerAction =
	| {type: 'answer'; step: 'region'; regionId: string; label?: string}
	| {type: 'answer'; step: 'template'; template: TemplateId; rules: readonly Rule[]}
	| {type: 'answer'; step: 'name'; name: string}
	| {type: 'answer'; step: 'description'; description: string}
	/** `classicOffered`: what DescribeAccountAttributes said for the region (undefined while unknown). */
	| {type: 'answer'; step: 'network'; network: NetworkType; classicOffered?: boolean}
	| {type: 'answer'; step: 'vpc'; vpcId: string; label?: string};

export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** The steps this draft walks through (VPC only for the VPC network). */
export const activeSteps = (answers: Draft): StepId[] =>
	steps.filter((s) => s !== 'vpc' || answers.network !== 'classic');

export function isComplete(step: StepId, a: Draft): boolean {
	switch (step) {
		case 'region':
			return a.regionId !== undefined;
		case 'template':
			return a.template !== undefined && a.rules !== undefined;
		case 'name':
			return a.name !== undefined;
		case 'description':
			return a.description !== undefined;
		case 'network':
			return a.network !== undefined;
		case 'vpc':
			return a.network === 'classic' || a.vpcId !== undefined;
		case 'review':
			return false;
		default:
			return assertNever(step);
	}
}

/** The full answers once every step before Review is complete. */
export function completeAnswers(a: Draft): Answers | undefined {
	const ready = activeSteps(a).every((s) => s === 'review' || isComplete(s, a));
	if (!ready || a.regionId === undefined || a.template === undefined || a.rules === undefined)
		return undefined;
	if (a.name === undefined || a.description === undefined || a.network === undefined) return undefined;
	return {
		regionId: a.regionId,
		template: a.template,
		rules: a.rules,
		name: a.name,
		description: a.description,
		network: a.network,
		...(a.network === 'vpc' ? {vpcId: a.vpcId} : {}),
		type: a.type ?? 'normal',
		...(a.resourceGroupId ? {resourceGroupId: a.resourceGroupId} : {}),
		tags: a.tags ?? [],
	};
}

const flagSteps = new Map<string, StepId>([
	['--region', 'region'],
	['--template', 'template'],
	['--source', 'template'],
	['--rule', 'template'],
	['--name', 'name'],
	['--description', 'description'],
	['--vpc', 'network'],
	['--classic', 'network'],
	['--type', 'review'],
]);

/** Which step a flag's problem is shown on; undefined for flags no step asks (tags, resource group). */
export const stepOfFlag = (flag: string): StepId | undefined => flagSteps.get(flag);

export function firstIncomplete(answers: Draft): StepId {
	return activeSteps(answers).find((s) => s !== 'review' && !isComplete(s, answers)) ?? 'review';
}

type Checked = {ok: true; answers: Draft} | {ok: false; problem: string};

export function applyAnswer(answers: Draft, action: AnswerAction): Checked {
	switch (action.step) {
		case 'region': {
			const problem = validateRegionId(action.regionId);
			if (problem) return {ok: false, problem};
			const next: Draft = {...answers, regionId: action.regionId};
			// VPCs belong to a region: a VPC picked elsewhere is no answer here.
			if (answers.regionId !== action.regionId) delete next.vpcId;
			return {ok: true, answers: next};
		}
		case 'template': {
			if (!templateIds.includes(action.template)) return {ok: false, problem: t('wizard.template.unknown')};
			if (action.rules.length > maxRulesPerGroup)
				return {ok: false, problem: t('wizard.rules.tooMany', {max: maxRulesPerGroup})};
			for (const rule of action.rules) {
				const problem = validateRule(rule);
				if (problem) return {ok: false, problem};
			}
			return {ok: true, answers: {...answers, template: action.template, rules: [...action.rules]}};
		}
		case 'name': {
			const problem = validateName(action.name);
			return problem ? {ok: false, problem} : {ok: true, answers: {...answers, name: action.name}};
		}
		case 'description': {
			const problem = validateDescription(action.description);
			return problem
				? {ok: false, problem}
				: {ok: true, answers: {...answers, description: action.description}};
		}
		case 'network': {
			if (action.network === 'classic') {
				if (action.classicOffered === false)
					return {ok: false, problem: t('wizard.network.classicRefused', {region: answers.regionId ?? ''})};
				const next: Draft = {...answers, network: 'classic'};
				delete next.vpcId;
				// Advanced (enterprise) groups exist only in a VPC.
				if (next.type === 'enterprise') next.type = 'normal';
				return {ok: true, answers: next};
			}
			return {ok: true, answers: {...answers, network: 'vpc'}};
		}
		case 'vpc': {
			if (!/^vpc-[a-z0-9]+$/.test(action.vpcId))
				return {ok: false, problem: t('domain.vpc.format', {value: action.vpcId})};
			return {ok: true, answers: {...answers, network: 'vpc', vpcId: action.vpcId}};
		}
		default:
			return assertNever(action);
	}
}

/** A text step's value as typed, kept when the person goes back before answering it. */
export type TextDrafts = Partial<Record<'name' | 'description', string>>;

/** The names shown beside an id (a region's local name, a VPC's name), as the person picked them. */
export type Labels = Partial<Record<'region' | 'vpc', string>>;

/** A region's name follows its id; a VPC's name goes with the VPC (a new region drops both). */
export function labelsAfter(labels: Labels, action: AnswerAction, answers: Draft): Labels {
	const next: Labels = {...labels};
	if (action.step === 'region') next.region = action.label;
	if (action.step === 'vpc') next.vpc = action.label;
	if (answers.vpcId === undefined) delete next.vpc;
	if (next.region === undefined) delete next.region;
	if (next.vpc === undefined) delete next.vpc;
	return next;
}

/** The record without `key` (a step's problem, a text step's draft). */
export function without<T extends Partial<Record<StepId, string>>>(record: T, key: StepId): T {
	const next = {...record};
	delete next[key];
	return next;
}
