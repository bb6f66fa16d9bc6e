// Plain-text pieces shared by several screens: names of templates and networks, the one-line summary of a
// finished step (the transcript), and the follow-up commands of the console guide.

import {followUpCommand, type Target} from '../domain/followup.js';
import type {NetworkType} from '../domain/model.js';
import type {TemplateId} from '../domain/rules.js';
import {cleanLine, fitWidth, type MessageKey, rulesCount, t, width} from '../text/index.js';
import {glyphs} from './components/glyphs.js';
import type {Draft, StepId} from './state.js';

export const stepTitle = (step: StepId): string => t(`wizard.${step}.title` as MessageKey);

export const templateName = (id: TemplateId): string => t(`wizard.template.${id}.name` as MessageKey);

export const networkName = (network: NetworkType): string =>
	network === 'vpc' ? t('wizard.network.vpc.name') : t('wizard.network.classic.name');

/** The answer of one step as a person reads it (no heading). */
export function answerText(step: StepId, a: Draft, label?: string): string {
	switch (step) {
		case 'region':
			return label ? `${cleanLine(label)}  ${a.regionId ?? ''}` : (a.regionId ?? '');
		case 'template':
			return a.template
				? t('wizard.summary.template', {
						name: templateName(a.template),
						rules: rulesCount(a.rules?.length ?? 0),
					})
				: '';
		case 'name':
			return cleanLine(a.name ?? '');
		case 'description':
			return a.description ? cleanLine(a.description) : t('wizard.review.none');
		case 'network':
			return a.network ? networkName(a.network) : '';
		case 'vpc':
			return label ? `${cleanLine(label)}  ${a.vpcId ?? ''}` : (a.vpcId ?? '');
		case 'review':
			return '';
	}
}

const labelWidth = (): number =>
	Math.max(
		...(['region', 'template', 'name', 'description', 'network', 'vpc'] as const).map((s) =>
			width(stepTitle(s)),
		),
	);

/** "✔ Region       China (Hangzhou)  cn-hangzhou": a finished step in the transcript. */
export function summaryLine(step: StepId, a: Draft, label?: string): string {
	return `${glyphs.tick} ${fitWidth(stepTitle(step), labelWidth() + 2)}${answerText(step, a, label)}`;
}

/**
 * The console guide's follow-up operations for a group, as commands to run, with the target flags of this run
 * (a sandbox run's commands say --sandbox, so they never reach the real cloud).
 */
export function followUps(
	regionId: string,
	groupId: string,
	target?: Target,
): {key: 'r' | 'i'; label: string; command: string}[] {
	return [
		{
			key: 'r',
			label: t('wizard.done.addRules'),
			command: followUpCommand('rules', regionId, groupId, target),
		},
		{
			key: 'i',
			label: t('wizard.done.addInstances'),
			command: followUpCommand('instances', regionId, groupId, target),
		},
	];
}
