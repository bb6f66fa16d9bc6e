import {Text} from 'ink';
import {useMemo, useState} from 'react';
import type {AccountAttributes, NetworkType} from '../../domain/model.js';
import {t} from '../../text/index.js';
import type {Load} from '../cloud-data.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {StepFrame} from '../components/step-frame.js';
import {networkName, stepTitle} from '../summary.js';
import {escLabel, type StepProps} from './step-props.js';

/** Whether the region still offers the classic network: undefined while unknown (loading, or the check failed). */
export function classicOffered(account: Load<AccountAttributes> | undefined): boolean | undefined {
	return account?.state === 'ready' ? account.value.networkTypes.includes('classic') : undefined;
}

export function NetworkStep({state, dispatch, data, size, position}: StepProps) {
	const regionId = state.answers.regionId ?? '';
	const account = data.accountOf(regionId);
	const offered = classicOffered(account);
	const [highlighted, setHighlighted] = useState<NetworkType>(state.answers.network ?? 'vpc');
	const classicMark =
		offered === false
			? t('wizard.network.classic.notOffered', {region: regionId})
			: account?.state === 'loading'
				? t('wizard.network.classic.checking')
				: t('wizard.network.classic.note');
	const items = useMemo<ListItem[]>(
		() => [
			{key: 'vpc', cells: [networkName('vpc'), t('wizard.network.vpc.note')], search: 'vpc'},
			{key: 'classic', cells: [networkName('classic'), classicMark], search: 'classic'},
		],
		[classicMark],
	);
	return (
		<StepFrame
			title={stepTitle('network')}
			position={position}
			purpose={t('wizard.network.purpose')}
			problem={state.problems.network}
			hints={[
				['↑↓', t('wizard.keys.move')],
				['Enter', t('wizard.keys.choose')],
				['Esc', escLabel(state)],
			]}
		>
			<FilterList
				items={items}
				height={2}
				width={size.columns}
				noFilter
				initialKey={highlighted}
				onHighlight={(item) => item && setHighlighted(item.key as NetworkType)}
				onSelect={(item) =>
					dispatch({
						type: 'answer',
						step: 'network',
						network: item.key as NetworkType,
						classicOffered: classicOffered(data.accountOf(regionId)),
					})
				}
				onBack={() => dispatch({type: 'back'})}
			/>
			<Text dimColor wrap="wrap">
				{highlighted === 'classic' ? t('wizard.network.classic.explain') : t('wizard.network.vpc.explain')}
			</Text>
		</StepFrame>
	);
}
