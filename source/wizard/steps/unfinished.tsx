import {Box, Text} from 'ink';
import {useState} from 'react';
import type {JournalEntry} from '../../config/types.js';
import type {Inspection, SubmitProgress} from '../../domain/plan-types.js';
import {cleanLine, shownTime, t} from '../../text/index.js';
import {useLoad} from '../cloud-data.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {KeyHints} from '../components/key-hints.js';
import {Spinner} from '../components/spinner.js';
import type {ResumeResult, UnfinishedServices} from '../services.js';

const progressOf = (entry: JournalEntry): Partial<SubmitProgress> =>
	entry.payload && typeof entry.payload === 'object' ? (entry.payload as Partial<SubmitProgress>) : {};

/** What the journal alone says about an entry (no API call). */
function entryText(entry: JournalEntry): string {
	const progress = progressOf(entry);
	const name = cleanLine(progress.plan?.create?.name ?? '?');
	const region = cleanLine(entry.regionId);
	return progress.groupId
		? t('wizard.unfinished.entryGroup', {
				name,
				region,
				id: cleanLine(progress.groupId),
				at: shownTime(entry.createdAt),
			})
		: t('wizard.unfinished.entry', {name, region, at: shownTime(entry.createdAt)});
}

function inspectionText(found: Inspection): string {
	switch (found.group) {
		case 'exists':
			return t('wizard.unfinished.exists', {
				id: found.groupId ?? '',
				applied: found.applied.length,
				missing: found.missing.length,
			});
		case 'gone':
			return t('wizard.unfinished.gone', {id: found.groupId ?? ''});
		case 'unknown':
			return t('wizard.unfinished.unknown');
	}
}

/** Where the person is with the entry showing (what exists of it is read apart: `inspected`). */
type Phase =
	| {kind: 'asking'}
	| {kind: 'confirm-delete'}
	| {kind: 'working'; action: 'finish' | 'delete'}
	| {kind: 'result'; result: ResumeResult};

export type UnfinishedProps = {
	readonly entries: readonly JournalEntry[];
	readonly services?: UnfinishedServices;
	readonly onDone: () => void;
};

/** At start: a create was interrupted. Say exactly what exists and offer to finish or delete it first. */
export function UnfinishedScreen({entries, services, onDone}: UnfinishedProps) {
	const [index, setIndex] = useState(0);
	const [phase, setPhase] = useState<Phase>({kind: 'asking'});
	const entry = entries[index];
	const {load: inspected} = useLoad(services && entry ? String(index) : undefined, () =>
		(services as UnfinishedServices).inspect(entry as JournalEntry),
	);
	const inspecting = services !== undefined && (!inspected || inspected.state === 'loading');

	const next = () => {
		if (index + 1 >= entries.length) onDone();
		else {
			setIndex(index + 1);
			setPhase({kind: 'asking'});
		}
	};
	const run = (action: 'finish' | 'delete') => {
		if (!services || !entry) return;
		setPhase({kind: 'working', action});
		const call = action === 'finish' ? services.finish(entry) : services.remove(entry);
		call.then(
			(result) => setPhase({kind: 'result', result}),
			(error: unknown) =>
				setPhase({
					kind: 'result',
					result: {ok: false, message: cleanLine(error instanceof Error ? error.message : error)},
				}),
		);
	};

	useKeys((input, key) => {
		if (phase.kind === 'result') {
			if (key.return || key.escape || input === ' ') next();
			return;
		}
		if (phase.kind === 'confirm-delete') {
			if (input === 'y') run('delete');
			else setPhase({kind: 'asking'});
			return;
		}
		if (phase.kind !== 'asking' || inspecting) return;
		if (input === 'f' && services) run('finish');
		else if (input === 'd' && services) setPhase({kind: 'confirm-delete'});
		else if (input === 's' || key.return || key.escape) next();
	});

	if (!entry) return null;
	// While checking, finishing or deleting, no key does anything: no key is offered.
	const busy = inspecting || phase.kind === 'working';
	const hints: [string, string][] = busy
		? []
		: phase.kind === 'result'
			? [['Enter', t('wizard.keys.continue')]]
			: phase.kind === 'confirm-delete'
				? [
						['y', t('wizard.keys.deleteConfirm')],
						[t('wizard.keys.anyKey'), t('wizard.keys.keep')],
					]
				: services
					? [
							['f', t('wizard.keys.finish')],
							['d', t('wizard.keys.delete')],
							['s/Enter', t('wizard.keys.skip')],
						]
					: [['Enter', t('wizard.keys.continue')]];
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{t('wizard.unfinished.title')}
				{entries.length > 1 ? <Text dimColor>{`  ${index + 1}/${entries.length}`}</Text> : null}
			</Text>
			<Text wrap="wrap">{t('wizard.unfinished.purpose')}</Text>
			<Text>
				{glyphs.bullet} {entryText(entry)}
			</Text>
			{inspecting ? <Spinner label={t('wizard.unfinished.inspecting')} /> : null}
			{phase.kind === 'asking' && inspected?.state === 'ready' ? (
				<Text>{`  ${inspectionText(inspected.value)}`}</Text>
			) : null}
			{phase.kind === 'asking' && inspected?.state === 'failed' ? (
				<Text color="red">{`  ${cleanLine(inspected.problem.sentence)}`}</Text>
			) : null}
			{phase.kind === 'confirm-delete' ? (
				<Text color="yellow">{t('wizard.unfinished.confirmDelete')}</Text>
			) : null}
			{phase.kind === 'working' ? (
				<Spinner
					label={
						phase.action === 'finish' ? t('wizard.unfinished.finishing') : t('wizard.unfinished.deleting')
					}
				/>
			) : null}
			{phase.kind === 'result' ? (
				<Text color={phase.result.ok ? 'green' : 'red'}>
					{phase.result.ok ? glyphs.tick : glyphs.cross} {cleanLine(phase.result.message)}
				</Text>
			) : null}
			{services ? null : <Text dimColor>{t('wizard.unfinished.later')}</Text>}
			{hints.length > 0 ? <KeyHints hints={hints} /> : null}
		</Box>
	);
}
