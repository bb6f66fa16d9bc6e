// The summary of answered steps, one line per answer with its current value: drawn in the live frame (not in
// <Static>, which cannot take a line back), so going back, editing from Review or a new region never leaves a
// stale line. In a short terminal it folds into at most two lines of values, so the step below still fits.
import {Box, Text} from 'ink';
import {cleanLine, cut, t} from '../text/index.js';
import type {CloudData} from './cloud-data.js';
import {wrapToWidth} from './components/fit-text.js';
import {glyphs} from './components/glyphs.js';
import {type StepId, summarySteps, type WizardState} from './state.js';
import {answerText, summaryLine} from './summary.js';
import type {TerminalSize} from './use-terminal-size.js';

/** Below this many rows the summary is folded into one or two lines of values. */
const compactBelow = 22;
/** The most lines a folded summary takes. */
const compactLines = 2;

/** A step's label in the summary: the name picked, else the one the cloud data knows (an answer from a flag). */
export function labelOf(step: StepId, state: WizardState, data: CloudData | undefined): string | undefined {
	const {answers} = state;
	if (step === 'region') {
		if (state.labels.region) return state.labels.region;
		return data?.regions().list?.find((r) => r.id === answers.regionId)?.localName;
	}
	if (step === 'vpc') {
		if (state.labels.vpc) return state.labels.vpc;
		const load = answers.regionId ? data?.vpcsOf(answers.regionId) : undefined;
		const vpc = load?.state === 'ready' ? load.value.find((v) => v.id === answers.vpcId) : undefined;
		return vpc ? cleanLine(vpc.name) || t('wizard.vpc.unnamed') : undefined;
	}
	return undefined;
}

/** The lines of the summary for this state at this size (also what the step below must leave room for). */
export function summaryLines(state: WizardState, data: CloudData | undefined, size: TerminalSize): string[] {
	const list = summarySteps(state);
	if (list.length === 0) return [];
	if (size.rows >= compactBelow)
		return list.map((step) =>
			cut(summaryLine(step, state.answers, labelOf(step, state, data)), size.columns),
		);
	const values = list.map((step) => answerText(step, state.answers, labelOf(step, state, data)));
	const lines = wrapToWidth(`${glyphs.tick} ${values.join('  ·  ')}`, size.columns);
	if (lines.length <= compactLines) return lines;
	const kept = lines.slice(0, compactLines);
	kept[compactLines - 1] = `${cut(kept[compactLines - 1] ?? '', size.columns - 2)} …`;
	return kept;
}

export function AnsweredSummary({lines}: {readonly lines: readonly string[]}) {
	if (lines.length === 0) return null;
	return (
		<Box flexDirection="column">
			{lines.map((l, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the lines are redrawn whole each frame.
				<Text key={i} wrap="truncate-end">
					{l}
				</Text>
			))}
		</Box>
	);
}
