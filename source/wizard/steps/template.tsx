import {Box, useInput} from 'ink';
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
import {FitText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {RulesTable} from '../components/rules-table.js';
import {StepFrame} from '../components/step-frame.js';
import {stepTitle, templateName} from '../summary.js';
import {isShort} from '../use-terminal-size.js';
import {RuleEditor} from './rule-editor.js';
import type {StepProps} from './step-props.js';

/** What --source and --rule said, for templates the flags did not pick. */
export type TemplateSeed = {source: string; extraRules: readonly Rule[]};

export const defaultSeed: TemplateSeed = {source: anywhere, extraRules: []};

export function startingRules(template: TemplateId, seed: TemplateSeed): Rule[] {
	return uniqueRules([...templateRules(template, seed.source), ...seed.extraRules]);
}

const templateItems = (): ListItem[] =>
	templateIds.map((id) => ({
		key: id,
		cells: [templateName(id), id, t(`wizard.template.${id}.opens`)],
		search: id,
	}));

/** Lines of the Template step besides the rules: heading, purpose, list (3), titles, defaults, tip, keys. */
const chrome = 13;
/** The same in a short terminal, without the purpose, the margin and the defaults line. */
const shortChrome = 10;

export function TemplateStep({
	state,
	dispatch,
	size,
	position,
	seed,
	lastUsed,
}: StepProps & {readonly seed: TemplateSeed; readonly lastUsed?: TemplateId}) {
	const {answers} = state;
	const [rulesBy, setRulesBy] = useState<Record<TemplateId, Rule[]>>(() => ({
		'web-linux':
			answers.template === 'web-linux' && answers.rules ? answers.rules : startingRules('web-linux', seed),
		'web-windows':
			answers.template === 'web-windows' && answers.rules
				? answers.rules
				: startingRules('web-windows', seed),
		custom: answers.template === 'custom' && answers.rules ? answers.rules : startingRules('custom', seed),
	}));
	const [highlighted, setHighlighted] = useState<TemplateId>(answers.template ?? lastUsed ?? 'web-linux');
	const [editing, setEditing] = useState(false);
	const items = useMemo(templateItems, []);
	const rules = rulesBy[highlighted];
	const warnings = lintRules(rules);
	const short = isShort(size);
	const rulesHeight = Math.max(2, size.rows - (short ? shortChrome : chrome) - 2);

	useInput(
		(input, key) => {
			if (key.tab || input === 'e') setEditing(true);
		},
		{isActive: !editing},
	);

	if (editing) {
		return (
			<StepFrame title={stepTitle('template')} position={position} purpose={t('wizard.template.editPurpose')}>
				<RuleEditor
					title={templateName(highlighted)}
					rules={rules}
					height={Math.max(2, size.rows - 10)}
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
			problem={state.problems.template}
			hints={[
				['↑↓', t('wizard.keys.move')],
				['Enter', t('wizard.keys.choose')],
				['Tab', t('wizard.keys.editRules')],
				['Esc', t('wizard.keys.back')],
			]}
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
				<FitText bold>{t('wizard.template.preview', {name: templateName(highlighted)})}</FitText>
				<RulesTable rules={rules} height={rulesHeight} empty={t('wizard.template.noRules')} />
				{short ? null : <FitText dimColor>{t('wizard.template.defaults')}</FitText>}
				{warnings[0] ? (
					<FitText color="yellow">
						{`${glyphs.warning} ${t('wizard.template.narrow', {
							service:
								warnings[0].rule.description ||
								`${warnings[0].rule.protocol.toUpperCase()} ${showPorts(warnings[0].rule)}`,
						})}`}
					</FitText>
				) : null}
			</Box>
		</StepFrame>
	);
}
