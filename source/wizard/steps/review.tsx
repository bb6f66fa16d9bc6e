import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {lintRules} from '../../domain/lint.js';
import {cleanLine, cut, fitWidth, t, width} from '../../text/index.js';
import {labelOf} from '../answered.js';
import {usePeerGroups} from '../cloud-data.js';
import {FitText, WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {hintLines} from '../components/key-hints.js';
import {RulesTable} from '../components/rules-table.js';
import {StepFrame, useHeadingLines} from '../components/step-frame.js';
import {activeSteps, type StepId} from '../state.js';
import {answerText, stepTitle} from '../summary.js';
import {isShort} from '../use-terminal-size.js';
import {classicOffered} from './network.js';
import {namedPeers, peerVpcWarnings} from './peer-picker.js';
import type {StepProps} from './step-props.js';

export type ReviewProps = StepProps & {
	/** Builds the plan and dispatches confirm (the reducer refuses a second one). */
	readonly onConfirm: () => void;
};

/** Lines a warning takes, wrapped as WrapText wraps it after its glyph. */
const linesOf = (text: string, columns: number): number => wrapToWidth(text, columns - 2).length;

/** Every answer (numbered, to change it), the type, the rules, the warnings, and the confirm. */
export function ReviewStep({state, dispatch, data, size, position, onConfirm}: ReviewProps) {
	const {answers} = state;
	const regionId = answers.regionId ?? '';
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

	useKeys((input, key) => {
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
		if (step === 'region') return answerText(step, answers, labelOf(step, state, data));
		if (step === 'vpc' && vpc)
			return `${cleanLine(vpc.name) || t('wizard.vpc.unnamed')}  ${vpc.id}  ${cleanLine(vpc.cidr)}`;
		return answerText(step, answers);
	};

	// Group peers are shown by name and id, and one in another VPC is said before the API refuses it.
	const groups = usePeerGroups(data, regionId, answers.rules) ?? [];
	const warnings = lintRules(answers.rules ?? []).map((w) => w.message);
	warnings.push(
		...peerVpcWarnings(answers.rules ?? [], groups, vpcId, {
			rulesKey: String(editable.indexOf('template') + 1),
			vpcKey: String(editable.indexOf('vpc') + 1),
		}),
	);
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
	const short = isShort(size);

	const hints: [string, string][] = [
		['Enter/y', state.mode === 'plan' ? t('wizard.keys.showPlan') : t('wizard.keys.create')],
		['n/Esc', t('wizard.keys.back')],
		[`1-${editable.length}`, t('wizard.keys.change')],
		['t', t('wizard.keys.type')],
	];
	if (duplicates[0]) hints.push(['u', t('wizard.keys.useExisting', {group: duplicates[0].id})]);
	// Everything but the rules rows is counted, so the table gets what is left and scrolls through the rest
	// (heading, purpose, answers, type, extras, margin, table header, warnings, checking, problem, keys).
	const rules = namedPeers(answers.rules ?? [], groups);
	const heading = useHeadingLines(stepTitle('review'), position);
	const problemLines = state.problems.review
		? wrapToWidth(state.problems.review, size.columns - 2).length
		: 0;
	const fixed =
		heading +
		(short ? 0 : 1) +
		editable.length +
		1 +
		extras.length +
		(short ? 0 : 1) +
		1 +
		warningLines +
		(checking ? 1 : 0) +
		problemLines;
	const spare = (all: [string, string][]) => size.rows - fixed - hintLines(all, size.columns).length - 1;
	// Below 18 rows with no room for even a window of rules (40x12): the Template line counts the rules, and
	// each warning keeps one line, as nothing else fits with every answer in view.
	const tiny = short && spare(hints) + 1 < 3;
	if (!tiny && rules.length > spare(hints) - 2) hints.push(['↑↓ PgUp/PgDn', t('wizard.keys.scrollRules')]);
	// Too little room for three lines of rules: the purpose and the margin above the table give theirs.
	const tight = !short && spare(hints) < 3;
	const rulesHeight = Math.max(3, spare(hints) + (tight ? 2 : 0));

	return (
		<StepFrame
			title={stepTitle('review')}
			position={position}
			purpose={tight ? undefined : t('wizard.review.purpose')}
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
			{/* Shown in a short terminal too, scrolled by the arrows: a warning names a rule, which must be findable. */}
			{tiny ? null : (
				<Box marginTop={short || tight ? 0 : 1}>
					<RulesTable
						rules={rules}
						height={rulesHeight}
						scroll="all"
						empty={t('wizard.review.noRules')}
						// Priority is a column once a rule has one other than the default, so a drop rule's order shows.
						columns={{priority: rules.some((r) => r.priority !== 1)}}
					/>
				</Box>
			)}
			{warnings.map((w) =>
				tiny ? (
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
