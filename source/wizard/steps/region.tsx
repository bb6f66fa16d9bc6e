import {Box} from 'ink';
import {useMemo} from 'react';
import type {Region} from '../../domain/model.js';
import {cleanLine, t} from '../../text/index.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText} from '../components/fit-text.js';
import {StepFrame} from '../components/step-frame.js';
import {ListLoading, LoadProblem, listHints, useListWait} from '../components/type-ahead.js';
import {stepTitle} from '../summary.js';
import {escLabel, listHeight, type StepProps} from './step-props.js';

/** Where the cursor starts on a first run (nothing used before, no profile region): the console's default. */
const consoleRegion = 'cn-hangzhou';

/** The last-used region (else the profile's) first, then the API's order. */
export function regionItems(
	regions: readonly Region[],
	lastUsed: string | undefined,
	profileRegion?: string,
): ListItem[] {
	const first = lastUsed ?? profileRegion;
	const ordered = [...regions];
	const at = ordered.findIndex((r) => r.id === first);
	if (at > 0) ordered.unshift(...ordered.splice(at, 1));
	return ordered.map((r) => {
		const name = cleanLine(r.localName);
		const id = cleanLine(r.id);
		const marks = [
			r.id === lastUsed ? t('wizard.region.lastUsed') : r.id === first ? t('wizard.region.profile') : '',
			r.status === 'soldOut' ? t('wizard.region.soldOut') : '',
		].filter(Boolean);
		return {key: r.id, cells: [name, id], search: `${name} ${id}`, mark: marks.join(', ') || undefined};
	});
}

export function RegionStep({
	state,
	dispatch,
	data,
	size,
	position,
	lastUsed,
	profileRegion,
}: StepProps & {readonly lastUsed?: string; readonly profileRegion?: string}) {
	return (
		<RegionList
			data={data}
			size={size}
			position={position}
			purpose={t('wizard.region.purpose')}
			problem={state.problems.region}
			initial={state.answers.regionId}
			lastUsed={lastUsed}
			profileRegion={profileRegion}
			onPick={(regionId, label) => dispatch({type: 'answer', step: 'region', regionId, label})}
			onBack={() => dispatch({type: 'back'})}
			escAction={escLabel(state)}
		/>
	);
}

/** The region screen, shared by the create wizard and the follow-ups: the list, or what keeps it from showing. */
export function RegionList({
	data,
	size,
	position,
	purpose,
	problem,
	initial,
	lastUsed,
	profileRegion,
	onPick,
	onBack,
	escAction = t('wizard.keys.cancel'),
}: Pick<StepProps, 'data' | 'size' | 'position'> & {
	/** What Esc does here, for its hint (back to Review when the region is changed from there). */
	readonly escAction?: string;
	readonly purpose: string;
	readonly problem?: string | undefined;
	readonly initial?: string | undefined;
	readonly lastUsed?: string | undefined;
	readonly profileRegion?: string | undefined;
	readonly onPick: (regionId: string, label: string) => void;
	readonly onBack: () => void;
}) {
	const view = data.regions();
	const items = useMemo(
		() => regionItems(view.list ?? [], lastUsed, profileRegion),
		[view.list, lastUsed, profileRegion],
	);
	const retry = !view.list && view.problem !== undefined;
	// A region used before (or the profile's) is first in the list; else the console's default, where listed.
	const firstRun = lastUsed === undefined && profileRegion === undefined;
	const startKey = firstRun && items.some((i) => i.key === consoleRegion) ? consoleRegion : items[0]?.key;
	// Typed while the list loads: kept, and the list opens filtered by it.
	const typed = useListWait({
		loading: !view.list && !retry,
		listing: view.list !== undefined,
		onBack,
		onReload: () => data.loadRegions(),
	});
	return (
		<StepFrame
			title={stepTitle('region')}
			position={position}
			purpose={purpose}
			problem={problem}
			hints={listHints(view.list !== undefined, escAction, retry ? t('wizard.keys.retry') : undefined)}
		>
			{view.list ? (
				<Box flexDirection="column">
					<FilterList
						items={items}
						keepWhole={1}
						height={listHeight(size.rows)}
						width={size.columns}
						initialKey={initial ?? startKey}
						initialQuery={typed.query}
						onSelect={(item) => onPick(item.key, item.cells[0] ?? item.key)}
						onBack={onBack}
					/>
					<FitText dimColor>
						{view.problem
							? t('wizard.region.refreshFailed', {reason: view.problem.sentence})
							: view.fromCache && view.refreshing
								? t('wizard.region.fromCache')
								: ' '}
					</FitText>
				</Box>
			) : view.problem ? (
				<LoadProblem problem={view.problem} />
			) : (
				<ListLoading query={typed.query} label={t('wizard.region.loading')} />
			)}
		</StepFrame>
	);
}
