import {Box, Text, useInput} from 'ink';
import {useEffect, useState} from 'react';
import {lintRules} from '../../domain/lint.js';
import {cleanLine, cut, fitWidth, t, width} from '../../text/index.js';
import {FitText, WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {RulesTable} from '../components/rules-table.js';
import {StepFrame} from '../components/step-frame.js';
import {activeSteps, type StepId} from '../state.js';
import {answerText, stepTitle} from '../summary.js';
import {isShort} from '../use-terminal-size.js';
import {classicOffered} from './network.js';
import type {StepProps} from './step-props.js';

export type ReviewProps = StepProps & {
	/** Builds the plan and dispatches confirm (the reducer refuses a second one). */
	readonly onConfirm: () => void;
};

const linesOf = (text: string, columns: number): number =>
	Math.max(1, Math.ceil((width(text) + 2) / Math.max(20, columns)));

/** Every answer (numbered, to change it), the type, the rules, the warnings, and the confirm. */
export function ReviewStep({state, dispatch, data, size, position, onConfirm}: ReviewProps) {
	const {answers} = state;
	const regionId = answers.regionId ?? '';
	const region = data.regions().list?.find((r) => r.id === regionId);
	const vpcLoad = data.vpcsOf(regionId);
	const vpc = vpcLoad?.state === 'ready' ? vpcLoad.value.find((v) => v.id === answers.vpcId) : undefined;
	const vpcMissing = answers.network === 'vpc' && vpcLoad?.state === 'ready' && !vpc;
	const vpcId = answers.network === 'vpc' ? answers.vpcId : undefined;
	const dup = answers.name ? data.duplicatesOf(regionId, vpcId, answers.name) : undefined;
	const duplicates = dup?.state === 'ready' ? dup.value : [];
	const checking = dup?.state === 'loading';
	const editable = activeSteps(answers).filter((s): s is Exclude<StepId, 'review'> => s !== 'review');
	const type = answers.type ?? 'normal';

	// Enter while the same-name check is still out is kept, and acted on once the check has answered.
	const [wanted, setWanted] = useState(false);
	useEffect(() => {
		if (!wanted || checking) return;
		setWanted(false);
		if (duplicates.length === 0) onConfirm();
	}, [wanted, checking, duplicates.length, onConfirm]);

	useInput((input, key) => {
		if (key.return || input === 'y' || input === 'Y') {
			if (checking) setWanted(true);
			else onConfirm();
		} else if (key.escape || input === 'n' || input === 'N') dispatch({type: 'back'});
		else if (input === 't')
			dispatch({type: 'set-type', groupType: type === 'normal' ? 'enterprise' : 'normal'});
		else if (input === 'u' && duplicates[0]) dispatch({type: 'use-existing', group: duplicates[0]});
		else if (/^[1-9]$/.test(input)) {
			const step = editable[Number(input) - 1];
			if (step) dispatch({type: 'edit', step});
		}
	});

	const labels = [
		...editable.map(stepTitle),
		t('wizard.review.type'),
		t('wizard.review.resourceGroup'),
		t('wizard.review.tags'),
	];
	const labelWidth = Math.max(...labels.map(width)) + 2;
	// Cut here rather than by Ink: its truncation draws a column too many when it cuts a CJK character in two.
	const valueWidth = Math.max(1, size.columns - 2 - labelWidth);
	const rowLabel = (step: StepId) => {
		if (step === 'region') return answerText(step, answers, region?.localName);
		if (step === 'vpc' && vpc)
			return `${cleanLine(vpc.name) || t('wizard.vpc.unnamed')}  ${vpc.id}  ${cleanLine(vpc.cidr)}`;
		return answerText(step, answers);
	};

	const warnings = lintRules(answers.rules ?? []).map((w) => w.message);
	if (vpcMissing) warnings.push(t('wizard.review.vpcMissing', {vpc: answers.vpcId ?? '', region: regionId}));
	// A region changed from here may not offer the classic network picked before.
	if (answers.network === 'classic' && classicOffered(data.accountOf(regionId)) === false)
		warnings.push(t('wizard.network.classicRefused', {region: regionId}));
	if (duplicates.length > 0)
		warnings.push(
			t('wizard.review.duplicate', {
				name: answers.name ?? '',
				groups: duplicates.map((g) => g.id).join(', '),
			}),
		);
	if (dup?.state === 'failed')
		warnings.push(t('wizard.review.duplicateUnknown', {reason: dup.problem.sentence}));
	const warningLines = warnings.reduce((n, w) => n + linesOf(w, size.columns), 0);
	// Flags-only answers (no step asks them) are shown too, so Review really holds every answer.
	const extras: [string, string][] = [];
	if (answers.resourceGroupId) extras.push([t('wizard.review.resourceGroup'), answers.resourceGroupId]);
	if (answers.tags && answers.tags.length > 0)
		extras.push([t('wizard.review.tags'), answers.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')]);
	const rulesHeight = Math.max(1, size.rows - editable.length - extras.length - warningLines - 10);
	// A short terminal keeps every answer and warning in view; the Template line already counts the rules.
	const short = isShort(size);

	const hints: [string, string][] = [
		['Enter/y', state.mode === 'plan' ? t('wizard.keys.showPlan') : t('wizard.keys.create')],
		['n/Esc', t('wizard.keys.back')],
		[`1-${editable.length}`, t('wizard.keys.change')],
		['t', t('wizard.keys.type')],
	];
	if (duplicates[0]) hints.push(['u', t('wizard.keys.useExisting', {group: duplicates[0].id})]);

	return (
		<StepFrame
			title={stepTitle('review')}
			position={position}
			purpose={t('wizard.review.purpose')}
			problem={state.problems.review}
			hints={hints}
		>
			{editable.map((step, i) => (
				<Text key={step} wrap="truncate-end">
					<Text dimColor>{`${i + 1} `}</Text>
					<Text bold>{fitWidth(stepTitle(step), labelWidth)}</Text>
					{cut(rowLabel(step), valueWidth)}
				</Text>
			))}
			<Text wrap="truncate-end">
				<Text dimColor>{'  '}</Text>
				<Text bold>{fitWidth(t('wizard.review.type'), labelWidth)}</Text>
				{cut(type === 'normal' ? t('wizard.review.normal') : t('wizard.review.enterprise'), valueWidth)}
			</Text>
			{extras.map(([label, value]) => (
				<Text key={label} wrap="truncate-end">
					<Text dimColor>{'  '}</Text>
					<Text bold>{fitWidth(label, labelWidth)}</Text>
					{cut(cleanLine(value), valueWidth)}
				</Text>
			))}
			{short ? null : (
				<Box marginTop={1}>
					<RulesTable rules={answers.rules ?? []} height={rulesHeight} empty={t('wizard.review.noRules')} />
				</Box>
			)}
			{warnings.map((w) =>
				short ? (
					<FitText key={w} color="yellow">{`${glyphs.warning} ${w}`}</FitText>
				) : (
					<WrapText key={w} color="yellow" lead={glyphs.warning}>
						{w}
					</WrapText>
				),
			)}
			{checking ? (
				<FitText dimColor>{t('wizard.review.checking', {name: answers.name ?? ''})}</FitText>
			) : null}
		</StepFrame>
	);
}
