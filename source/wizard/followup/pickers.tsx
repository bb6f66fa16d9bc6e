// The first two screens of both follow-ups: the region (the create wizard's list, cached names first) and the
// group (a live list of the region's groups, filtered by typing).
import {Box, Text} from 'ink';
import {type ComponentProps, useEffect, useMemo} from 'react';
import type {EcsApi} from '../../cloud/port.js';
import type {SecurityGroupSummary} from '../../domain/model.js';
import {cleanLine, t} from '../../text/index.js';
import {useLoad} from '../cloud-data.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {StepFrame} from '../components/step-frame.js';
import {ListLoading, LoadProblem, listHints, useListWait} from '../components/type-ahead.js';
import {RegionList} from '../steps/region.js';
import {listHeight} from '../steps/step-props.js';
import type {TerminalSize} from '../use-terminal-size.js';

export type Position = {index: number; total: number};

type PickProps = {
	readonly size: TerminalSize;
	readonly position: Position;
	readonly purpose: string;
	readonly problem?: string;
	readonly onBack: () => void;
};

/** The create wizard's region screen, loading the list first when nothing has yet. */
export function RegionPick({data, ...list}: ComponentProps<typeof RegionList>) {
	useEffect(() => {
		if (!data.regions().list && !data.regions().refreshing) data.loadRegions();
	}, [data]);
	return <RegionList data={data} {...list} />;
}

export const groupTypeText = (type: SecurityGroupSummary['type']): string =>
	type === 'enterprise' ? t('followup.group.enterprise') : t('followup.group.normal');

export const networkText = (vpcId: string): string =>
	vpcId ? cleanLine(vpcId) : t('followup.group.classic');

export function groupItems(groups: readonly SecurityGroupSummary[]): ListItem[] {
	return groups.map((g) => {
		const name = cleanLine(g.name) || t('wizard.vpc.unnamed');
		const id = cleanLine(g.id);
		const network = networkText(g.vpcId);
		const type = groupTypeText(g.type);
		return {key: g.id, cells: [name, id, network, type], search: `${name} ${id} ${network} ${type}`};
	});
}

const noGroups: readonly SecurityGroupSummary[] = [];

export function GroupPick({
	api,
	regionId,
	size,
	position,
	purpose,
	problem,
	initial,
	onPick,
	onBack,
}: PickProps & {
	readonly api: EcsApi;
	readonly regionId: string;
	readonly initial?: string;
	readonly onPick: (group: SecurityGroupSummary) => void;
}) {
	const {load, reload} = useLoad(regionId, () => api.describeSecurityGroups(regionId));
	const groups = load?.state === 'ready' ? load.value : noGroups;
	const items = useMemo(() => groupItems(groups), [groups]);
	const listing = groups.length > 0;
	const loading = !load || load.state === 'loading';
	// Typed while the list loads: kept, and the list opens filtered by it.
	const typed = useListWait({loading, listing, onBack, onReload: reload});
	const missing = initial !== undefined && load?.state === 'ready' && !groups.some((g) => g.id === initial);
	let body: React.ReactNode;
	if (loading)
		body = <ListLoading query={typed.query} label={t('followup.group.loading', {region: regionId})} />;
	else if (load.state === 'failed') body = <LoadProblem problem={load.problem} />;
	else if (!listing)
		body = (
			<Box flexDirection="column">
				<Text color="yellow">{t('followup.group.none', {region: regionId})}</Text>
				<Text>{t('followup.group.howToCreate')}</Text>
			</Box>
		);
	else
		body = (
			<FilterList
				items={items}
				keepWhole={1}
				height={listHeight(size.rows)}
				width={size.columns}
				initialKey={initial}
				initialQuery={typed.query}
				onSelect={(item) => {
					const group = groups.find((g) => g.id === item.key);
					if (group) onPick(group);
				}}
				onBack={onBack}
			/>
		);
	return (
		<StepFrame
			title={t('followup.group.title')}
			position={position}
			purpose={purpose}
			problem={missing ? t('followup.group.notInRegion', {id: initial ?? '', region: regionId}) : problem}
			hints={listHints(listing, t('wizard.keys.back'), loading ? undefined : t('wizard.keys.reload'))}
		>
			{body}
		</StepFrame>
	);
}
