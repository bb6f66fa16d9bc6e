import {Box} from 'ink';
import {useMemo, useState} from 'react';
import {lintRules} from '../../domain/lint.js';
import type {Rule} from '../../domain/model.js';
import {
	anywhere,
	showPorts,
	type TemplateId,
	templateIds,
	templateRules,
	uniqueRules,
} from '../../domain/rules.js';
import {t} from '../../text/index.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText, WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {hintLines} from '../components/key-hints.js';
import {RulesTable} from '../components/rules-table.js';
import {StepFrame, useHeadingLines} from '../components/step-frame.js';
import {stepTitle, templateName} from '../summary.js';
import {isShort} from '../use-terminal-size.js';
import {RuleEditor} from './rule-editor.js';
import {escLabel, type StepProps} from './step-props.js';

/** What --source and --rule said, for templates the flags did not pick. */
export type TemplateSeed = {source: string; extraRules: readonly Rule[]};

export const defaultSeed: TemplateSeed = {source: anywhere, extraRules: []};

function startingRules(template: TemplateId, seed: TemplateSeed): Rule[] {
	return uniqueRules([...templateRules(template, seed.source), ...seed.extraRules]);
}

/**
 * What a template's rules open, from the rules as they are now (a deleted RDP rule no longer shows, rules added
 * to Custom do): the ports of each protocol in order, as the console words it ("TCP 80, 443, 22 and ICMP").
 */
export function opensText(rules: readonly Rule[]): string {
	if (rules.length === 0) return t('wizard.template.custom.opens');
	const byProtocol = new Map<string, string[]>();
	for (const rule of rules) {
		const ports = byProtocol.get(rule.protocol) ?? [];
		const shown =
			rule.portRange === '-1/-1' && rule.protocol !== 'tcp' && rule.protocol !== 'udp' ? '' : showPorts(rule);
		if (shown !== '' && !ports.includes(shown)) ports.push(shown);
		byProtocol.set(rule.protocol, ports);
	}
	const sep = t('wizard.template.opensSeparator');
	const parts = [...byProtocol].map(([protocol, ports]) =>
		ports.length === 0 ? protocol.toUpperCase() : `${protocol.toUpperCase()} ${ports.join(sep)}`,
	);
	const last = parts.pop() as string;
	return parts.length === 0 ? last : t('wizard.template.opensLast', {list: parts.join(sep), last});
}

const templateItems = (rulesBy: Readonly<Record<TemplateId, readonly Rule[]>>): ListItem[] =>
	templateIds.map((id) => ({
		key: id,
		cells: [templateName(id), id, opensText(rulesBy[id])],
		search: id,
	}));

export function TemplateStep({
	state,
	dispatch,
	data,
	size,
	position,
	seed,
	lastUsed,
}: StepProps & {readonly seed: TemplateSeed; readonly lastUsed?: TemplateId}) {
	const {answers} = state;
	const [rulesBy, setRulesBy] = useState(
		() =>
			Object.fromEntries(
				templateIds.map((id) => [
					id,
					answers.template === id && answers.rules ? answers.rules : startingRules(id, seed),
				]),
			) as Record<TemplateId, Rule[]>,
	);
	const [highlighted, setHighlighted] = useState<TemplateId>(answers.template ?? lastUsed ?? 'web-linux');
	const [editing, setEditing] = useState(false);
	const items = useMemo(() => templateItems(rulesBy), [rulesBy]);
	const rules = rulesBy[highlighted];
	const warnings = lintRules(rules);
	const short = isShort(size);
	const hints: [string, string][] = [
		['↑↓', t('wizard.keys.move')],
		['Enter', t('wizard.keys.choose')],
		['Tab', t('wizard.keys.editRules')],
		['Esc', escLabel(state)],
	];
	const narrow = warnings[0]?.rule;
	const warning = narrow
		? t('wizard.template.narrow', {
				service: narrow.description || `${narrow.protocol.toUpperCase()} ${showPorts(narrow)}`,
			})
		: undefined;
	const problem = state.problems.template;
	const heading = useHeadingLines(stepTitle('template'), position);
	// Every line but the rule rows, counted as drawn (wrapped), so the frame stays shorter than the terminal:
	// heading, purpose, the list (3), margin, preview title, table header, defaults, warning, problem, keys.
	const fixed =
		heading +
		(short ? 0 : 1) +
		3 +
		(short ? 0 : 1) +
		2 +
		(short ? 0 : 1) +
		(warning ? wrapToWidth(warning, size.columns - 2).length : 0) +
		(problem ? wrapToWidth(problem, size.columns - 2).length : 0) +
		hintLines(hints, size.columns).length;
	const spare = size.rows - fixed - 1;
	const rulesHeight = Math.max(3, spare);
	// Too short a terminal for even a window of rules: the list's line already says what each template opens,
	// and Tab shows the rules in the editor.
	const preview = spare >= 3;

	useKeys(
		(input, key) => {
			if (key.tab || input === 'e') setEditing(true);
		},
		{isActive: !editing},
	);

	if (editing) {
		// The VPC comes after the template; known only when changed from Review or given as --vpc.
		const regionId = answers.regionId ?? '';
		const vpcs = data.vpcsOf(regionId);
		const vpcId = answers.network === 'classic' ? undefined : answers.vpcId;
		const cidr = vpcs?.state === 'ready' ? vpcs.value.find((v) => v.id === vpcId)?.cidr : undefined;
		return (
			<StepFrame title={stepTitle('template')} position={position} purpose={t('wizard.template.editPurpose')}>
				<RuleEditor
					title={templateName(highlighted)}
					rules={rules}
					height={Math.max(2, size.rows - 9)}
					regionId={answers.regionId}
					data={data}
					vpc={vpcId ? {id: vpcId, cidr} : undefined}
					onChange={(next) => setRulesBy((all) => ({...all, [highlighted]: next}))}
					onDone={() => setEditing(false)}
				/>
			</StepFrame>
		);
	}

	return (
		<StepFrame
			title={stepTitle('template')}
			position={position}
			purpose={t('wizard.template.purpose')}
			problem={problem}
			hints={hints}
		>
			<FilterList
				items={items}
				height={3}
				width={size.columns}
				noFilter
				initialKey={highlighted}
				onHighlight={(item) => item && setHighlighted(item.key as TemplateId)}
				onSelect={(item) => {
					const template = item.key as TemplateId;
					dispatch({type: 'answer', step: 'template', template, rules: rulesBy[template]});
				}}
				onBack={() => dispatch({type: 'back'})}
			/>
			<Box flexDirection="column" marginTop={short ? 0 : 1}>
				{preview ? (
					<>
						<FitText bold>{t('wizard.template.preview', {name: templateName(highlighted)})}</FitText>
						{/* The arrows and page keys move the template list; Tab opens the rules in the editor, which scrolls. */}
						<RulesTable
							rules={rules}
							height={rulesHeight}
							scroll="none"
							empty={t('wizard.template.noRules')}
						/>
					</>
				) : null}
				{short ? null : <FitText dimColor>{t('wizard.template.defaults')}</FitText>}
				{warning ? (
					<WrapText color="yellow" lead={glyphs.warning}>
						{warning}
					</WrapText>
				) : null}
			</Box>
		</StepFrame>
	);
}
