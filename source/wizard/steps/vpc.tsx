import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {Vpc} from '../../domain/model.js';
import {cleanLine, t} from '../../text/index.js';
import {usePeerGroups} from '../cloud-data.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {StepFrame} from '../components/step-frame.js';
import {ListLoading, LoadProblem, listHints, useListWait} from '../components/type-ahead.js';
import {stepTitle} from '../summary.js';
import {vpcScope} from './rule-editor.js';
import {escLabel, listHeight, type StepProps} from './step-props.js';

function vpcItems(vpcs: readonly Vpc[], lastUsed: string | undefined): ListItem[] {
	return vpcs.map((v) => {
		const name = cleanLine(v.name) || t('wizard.vpc.unnamed');
		const id = cleanLine(v.id);
		const cidr = cleanLine(v.cidr);
		const marks = [
			v.isDefault ? t('wizard.vpc.default') : '',
			v.id === lastUsed ? t('wizard.vpc.lastUsed') : '',
		]
			.filter(Boolean)
			.join(', ');
		return {key: v.id, cells: [name, id, cidr], search: `${name} ${id} ${cidr}`, mark: marks || undefined};
	});
}

const empty: readonly Vpc[] = [];

export function VpcStep({
	state,
	dispatch,
	data,
	size,
	position,
	lastUsed,
}: StepProps & {readonly lastUsed?: string}) {
	const regionId = state.answers.regionId ?? '';
	const load = data.vpcsOf(regionId);
	const vpcs = load?.state === 'ready' ? load.value : empty;
	const items = useMemo(() => vpcItems(vpcs, lastUsed), [vpcs, lastUsed]);
	const listing = load?.state === 'ready' && vpcs.length > 0;
	const loading = !load || load.state === 'loading';
	// Typed while the list loads: kept, and the list opens filtered by it.
	const typed = useListWait({
		loading,
		listing,
		onBack: () => dispatch({type: 'back'}),
		onReload: () => data.loadVpcs(regionId, true),
	});
	// A rule whose peer is a group of this region wants that group's VPC (the API refuses another): offered first.
	const peerGroups = usePeerGroups(data, regionId, state.answers.rules);
	const peerVpc = peerGroups ? vpcScope(state.answers.rules ?? [], undefined, peerGroups)?.vpcId : undefined;
	const preferred =
		state.answers.vpcId ??
		(peerVpc && vpcs.some((v) => v.id === peerVpc) ? peerVpc : undefined) ??
		(lastUsed && vpcs.some((v) => v.id === lastUsed) ? lastUsed : vpcs.find((v) => v.isDefault)?.id);

	let body: React.ReactNode;
	if (!load || load.state === 'loading') {
		body = (
			<ListLoading
				query={typed.query}
				label={
					load?.total
						? t('wizard.vpc.loadingCount', {region: regionId, loaded: load.loaded ?? 0, total: load.total})
						: t('wizard.vpc.loading', {region: regionId})
				}
			/>
		);
	} else if (load.state === 'failed') {
		body = <LoadProblem problem={load.problem} />;
	} else if (vpcs.length === 0) {
		body = (
			<Box flexDirection="column">
				<Text color="yellow">{t('wizard.vpc.none', {region: regionId})}</Text>
				<Text>{t('wizard.vpc.howToCreate')}</Text>
				<Text color="cyan">{`  aliyun vpc CreateVpc --RegionId ${regionId} --CidrBlock 192.168.0.0/16`}</Text>
				<Text dimColor>{t('wizard.vpc.orClassic')}</Text>
			</Box>
		);
	} else {
		body = (
			<FilterList
				items={items}
				keepWhole={1}
				height={listHeight(size.rows)}
				width={size.columns}
				initialKey={preferred}
				initialQuery={typed.query}
				onSelect={(item) => dispatch({type: 'answer', step: 'vpc', vpcId: item.key, label: item.cells[0]})}
				onBack={() => dispatch({type: 'back'})}
			/>
		);
	}
	return (
		<StepFrame
			title={stepTitle('vpc')}
			position={position}
			purpose={t('wizard.vpc.purpose', {region: regionId})}
			problem={state.problems.vpc}
			hints={listHints(listing, escLabel(state), loading ? undefined : t('wizard.keys.reload'))}
		>
			{body}
		</StepFrame>
	);
}
