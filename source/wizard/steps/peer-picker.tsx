// The live lists a rule's peer is picked from: the region's security groups (each with the VPC it is in; one in
// another VPC than the new group's is refused with the reason, as the API refuses it) and its prefix lists
// (DescribePrefixLists). Filter as you type; loaded once per region through the wizard's loader (cloud-data.ts).
import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {Peer, PrefixList, Rule, SecurityGroupSummary} from '../../domain/model.js';
import {cleanLine, t} from '../../text/index.js';
import type {CloudData, Load} from '../cloud-data.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText, WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {type KeyPress, useKeys} from '../components/key-chunk.js';
import {KeyHints} from '../components/key-hints.js';
import {Spinner} from '../components/spinner.js';
import {listHints} from '../components/type-ahead.js';

/**
 * The VPC a group's peers must be in: the one chosen for the new group, that of a group its rules already name,
 * or (`rules`) the VPC the group is in.
 */
export type VpcScope = {vpcId: string; because: 'chosen' | 'peer' | 'group'; peerName?: string} | undefined;

/**
 * Why a group cannot be this group's peer, or undefined when it can. `self` is the group the rule is for, when it
 * exists (`rules`): the API refuses a rule that references its own group (InvalidParamter.Conflict).
 */
export function groupRefusal(
	group: SecurityGroupSummary,
	scope: VpcScope,
	self?: string,
): string | undefined {
	const name = cleanLine(group.name) || group.id;
	if (group.id === self) return t('wizard.picker.itself', {group: name});
	if (!scope || group.vpcId === scope.vpcId) return undefined;
	const where = group.vpcId === '' ? t('wizard.picker.classic') : group.vpcId;
	const values = {group: name, where, vpc: scope.vpcId};
	if (scope.because === 'peer')
		return t('wizard.picker.otherPeerVpc', {...values, peer: scope.peerName ?? ''});
	return t(scope.because === 'chosen' ? 'wizard.picker.otherVpc' : 'wizard.picker.otherGroupVpc', values);
}

/** The rules with each group peer typed by id given the name the region's list knows it by (for Review). */
export function namedPeers(rules: readonly Rule[], groups: readonly SecurityGroupSummary[]): Rule[] {
	return rules.map((rule) => {
		const {peer} = rule;
		if (peer.kind !== 'group' || peer.name || peer.ownerAccount) return rule;
		const found = groups.find((g) => g.id === peer.groupId);
		return found?.name ? {...rule, peer: {...peer, name: found.name}} : rule;
	});
}

/** One sentence per group peer that is in another VPC than the one the group is made in (the API refuses it). */
export function peerVpcWarnings(
	rules: readonly Rule[],
	groups: readonly SecurityGroupSummary[],
	vpcId: string | undefined,
	keys: {rulesKey: string; vpcKey: string},
): string[] {
	if (!vpcId) return [];
	const out: string[] = [];
	for (const rule of rules) {
		const {peer} = rule;
		if (peer.kind !== 'group' || peer.ownerAccount) continue;
		const group = groups.find((g) => g.id === peer.groupId);
		if (!group || group.vpcId === vpcId) continue;
		const name = `${cleanLine(group.name) || group.id} (${group.id})`;
		const where = group.vpcId === '' ? t('wizard.picker.classic') : group.vpcId;
		const sentence = t('wizard.review.peerVpc', {group: name, where, vpc: vpcId, ...keys});
		if (!out.includes(sentence)) out.push(sentence);
	}
	return out;
}

export function groupItems(
	groups: readonly SecurityGroupSummary[],
	scope: VpcScope,
	self?: string,
): ListItem[] {
	// Those that can be picked first, each group's VPC shown, so the list says where each one is.
	const refused = (g: SecurityGroupSummary) => Number(groupRefusal(g, scope, self) !== undefined);
	const sorted = [...groups].sort((a, b) => refused(a) - refused(b));
	return sorted.map((g) => {
		const name = cleanLine(g.name) || g.id;
		const vpc = g.vpcId === '' ? t('wizard.picker.classic') : cleanLine(g.vpcId);
		return {
			key: g.id,
			cells: [name, g.id, vpc],
			search: `${name} ${g.id} ${vpc}`,
			mark:
				g.id === self
					? t('wizard.picker.itselfMark')
					: groupRefusal(g, scope)
						? t('wizard.picker.otherVpcMark')
						: undefined,
		};
	});
}

function prefixListItems(lists: readonly PrefixList[]): ListItem[] {
	return lists.map((l) => {
		const name = cleanLine(l.name) || l.id;
		return {
			key: l.id,
			cells: [name, l.id, l.addressFamily, cleanLine(l.description)],
			search: `${name} ${l.id} ${l.addressFamily} ${cleanLine(l.description)}`,
		};
	});
}

const noGroups: SecurityGroupSummary[] = [];
const noLists: PrefixList[] = [];

type PeerPickerProps = {
	readonly kind: 'group' | 'prefix-list';
	readonly regionId: string;
	readonly data: CloudData;
	readonly scope: VpcScope;
	/** The group the rule is for, when it exists: it cannot be its own peer. */
	readonly self?: string | undefined;
	readonly initialQuery: string;
	/** Keys that came after the one that opened the list, in the same chunk: the list applies them on opening. */
	readonly initialKeys?: readonly KeyPress[];
	readonly height: number;
	readonly width: number;
	readonly onPick: (peer: Peer) => void;
	readonly onBack: () => void;
};

export function PeerPicker({
	kind,
	regionId,
	data,
	scope,
	self,
	initialQuery,
	initialKeys,
	height,
	width,
	onPick,
	onBack,
}: PeerPickerProps) {
	useEffect(() => {
		if (kind === 'group') data.loadGroups(regionId);
		else data.loadPrefixLists(regionId);
	}, [kind, regionId, data]);
	const load: Load<readonly (SecurityGroupSummary | PrefixList)[]> | undefined =
		kind === 'group' ? data.groupsOf(regionId) : data.prefixListsOf(regionId);
	const groups =
		kind === 'group' && load?.state === 'ready' ? (load.value as SecurityGroupSummary[]) : noGroups;
	const lists = kind === 'prefix-list' && load?.state === 'ready' ? (load.value as PrefixList[]) : noLists;
	// The scope is worked out anew on every render: the list is rebuilt only when what it says changes, so the
	// highlight (and a refusal shown for it) stays put.
	const scopeKey = scope ? `${scope.vpcId}|${scope.because}|${scope.peerName ?? ''}` : '';
	// biome-ignore lint/correctness/useExhaustiveDependencies: scopeKey stands for scope.
	const items = useMemo(
		() => (kind === 'group' ? groupItems(groups, scope, self) : prefixListItems(lists)),
		[kind, groups, lists, scopeKey, self],
	);
	const [problem, setProblem] = useState<string | undefined>();
	const scopeText = scope && kind === 'group' ? t('wizard.picker.scope', {vpc: scope.vpcId}) : undefined;
	// The scope sentence wraps (never cut); the lines it takes past its one come off the list.
	const scopeExtra = scopeText ? wrapToWidth(scopeText, width).length - 1 : 0;
	const listing = load?.state === 'ready' && items.length > 0;
	useKeys(
		(input, key) => {
			if (key.escape) onBack();
			else if (input === 'r' && load?.state !== 'loading') {
				if (kind === 'group') data.loadGroups(regionId, true);
				else data.loadPrefixLists(regionId, true);
			}
		},
		{isActive: !listing},
	);
	const select = (item: ListItem) => {
		if (kind === 'prefix-list') {
			const list = lists.find((l) => l.id === item.key);
			if (list) onPick({kind: 'prefix-list', prefixListId: list.id, name: list.name});
			return;
		}
		const group = groups.find((g) => g.id === item.key);
		if (!group) return;
		const refused = groupRefusal(group, scope, self);
		if (refused) return setProblem(refused);
		onPick({kind: 'group', groupId: group.id, name: group.name});
	};
	const title =
		kind === 'group'
			? t('wizard.picker.groups', {region: regionId})
			: t('wizard.picker.lists', {region: regionId});
	let body: React.ReactNode;
	if (!load || load.state === 'loading') body = <Spinner label={t('wizard.picker.loading')} />;
	else if (load.state === 'failed')
		body = (
			<Box flexDirection="column">
				<WrapText color="red" lead={glyphs.cross}>
					{load.problem.sentence}
				</WrapText>
				{load.problem.next ? <WrapText>{load.problem.next}</WrapText> : null}
			</Box>
		);
	else if (items.length === 0)
		body = (
			<Text color="yellow">
				{kind === 'group'
					? t('wizard.picker.noGroups', {region: regionId})
					: t('wizard.picker.noLists', {region: regionId})}
			</Text>
		);
	else
		body = (
			<FilterList
				items={items}
				keepWhole={1}
				height={Math.max(1, height - scopeExtra)}
				width={width}
				initialQuery={initialQuery}
				initialKeys={initialKeys}
				onSelect={select}
				onHighlight={() => setProblem(undefined)}
				onBack={onBack}
			/>
		);
	const hints = listHints(
		listing,
		t('wizard.keys.back'),
		load && load.state !== 'loading' ? t('wizard.keys.reload') : undefined,
	);
	return (
		<Box flexDirection="column">
			<FitText bold>{title}</FitText>
			{scopeText ? <WrapText dimColor>{scopeText}</WrapText> : null}
			{body}
			{problem ? (
				<WrapText color="red" lead={glyphs.cross}>
					{problem}
				</WrapText>
			) : null}
			<KeyHints hints={hints} />
		</Box>
	);
}
