// A small in-memory Alibaba Cloud for the engine's unit tests: groups, rules, ClientToken idempotency, and
// scripted faults ("fail the next N calls of ACTION", "carry out the call, then lose the answer").
import {CloudError, type CloudErrorKind} from '../../source/cloud/errors.js';
import type {EcsApi, RetryEvent, RetryObservable} from '../../source/cloud/port.js';
import type {Journal, JournalEntry} from '../../source/config/types.js';
import type {
	CreateGroupInput,
	Rule,
	RulesInput,
	SecurityGroupDetail,
	SecurityGroupSummary,
} from '../../source/domain/model.js';
import {ruleKey} from '../../source/domain/rules.js';

export type Fault =
	| {action: string; kind: 'error'; error: CloudError; count?: number}
	| {action: string; kind: 'lose'; count?: number}
	| {action: string; kind: 'retry'; codes: string[]; count?: number};

export const cloudError = (kind: CloudErrorKind, code: string, status = 400): CloudError =>
	new CloudError(kind, code, `${code} happened.`, 'Do something.', {status, requestId: 'req-err'});

type Group = SecurityGroupSummary & {rules: (Rule & {nicType: 'intranet' | 'internet'})[]};

export class FakeCloud implements Pick<EcsApi, keyof EcsApi>, RetryObservable {
	groups = new Map<string, Group>();
	tokens = new Map<string, string>();
	calls: {action: string; input: unknown}[] = [];
	faults: Fault[] = [];
	private listeners = new Set<(e: RetryEvent) => void>();
	private next = 1;
	private req = 1;

	onRetry(listener: (e: RetryEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private async gate(action: string): Promise<'lose' | undefined> {
		const fault = this.faults.find((f) => f.action === action);
		if (!fault) return undefined;
		fault.count = (fault.count ?? 1) - 1;
		if (fault.count <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
		if (fault.kind === 'error') throw fault.error;
		if (fault.kind === 'retry') {
			fault.codes.forEach((code, i) => {
				for (const l of this.listeners) l({action, attempt: i + 1, delayMs: 10, code});
			});
			return undefined;
		}
		return 'lose';
	}

	private lost(action: string): CloudError {
		return new CloudError('network', 'ECONNRESET', 'The connection was reset.', 'Try again.', {action});
	}

	private requestId = () => `req-${this.req++}`;

	async createSecurityGroup(input: CreateGroupInput) {
		this.calls.push({action: 'CreateSecurityGroup', input});
		const fate = await this.gate('CreateSecurityGroup');
		let id = this.tokens.get(input.clientToken);
		if (!id) {
			id = `sg-fake${this.next++}`;
			this.tokens.set(input.clientToken, id);
			this.groups.set(id, {
				id,
				name: input.name,
				description: input.description ?? '',
				vpcId: input.vpcId ?? '',
				type: input.type,
				creationTime: '2024-01-01T00:00:00Z',
				resourceGroupId: input.resourceGroupId ?? '',
				tags: input.tags,
				rules: [],
			});
		}
		if (fate === 'lose') throw this.lost('CreateSecurityGroup');
		return {requestId: this.requestId(), groupId: id};
	}

	authorizeSecurityGroup(input: RulesInput) {
		return this.authorize('AuthorizeSecurityGroup', input);
	}

	authorizeSecurityGroupEgress(input: RulesInput) {
		return this.authorize('AuthorizeSecurityGroupEgress', input);
	}

	private async authorize(action: string, input: RulesInput) {
		this.calls.push({action, input});
		const fate = await this.gate(action);
		const group = this.groups.get(input.groupId);
		if (!group) throw cloudError('group-not-found', 'InvalidSecurityGroupId.NotFound', 404);
		for (const rule of input.rules) {
			if (!group.rules.some((r) => ruleKey(r) === ruleKey(rule))) {
				group.rules.push({...rule, nicType: input.nicType});
			}
		}
		if (fate === 'lose') throw this.lost(action);
		return {requestId: this.requestId()};
	}

	async describeSecurityGroups(_regionId: string, filter: {vpcId?: string; name?: string} = {}) {
		this.calls.push({action: 'DescribeSecurityGroups', input: filter});
		await this.gate('DescribeSecurityGroups');
		return [...this.groups.values()]
			.filter((g) => (filter.vpcId ? g.vpcId === filter.vpcId : true))
			.filter((g) => (filter.name ? g.name.includes(filter.name) : true))
			.map(({rules: _rules, ...summary}) => summary);
	}

	async describeSecurityGroupAttribute(_regionId: string, groupId: string): Promise<SecurityGroupDetail> {
		this.calls.push({action: 'DescribeSecurityGroupAttribute', input: groupId});
		await this.gate('DescribeSecurityGroupAttribute');
		const group = this.groups.get(groupId);
		if (!group) throw cloudError('group-not-found', 'InvalidSecurityGroupId.NotFound', 404);
		return {
			...group,
			innerAccessPolicy: 'Accept',
			rules: group.rules.map((r) => ({...r, createTime: '2024-01-01T00:00:00Z'})),
		};
	}

	async deleteSecurityGroup(_regionId: string, groupId: string) {
		this.calls.push({action: 'DeleteSecurityGroup', input: groupId});
		await this.gate('DeleteSecurityGroup');
		if (!this.groups.delete(groupId))
			throw cloudError('group-not-found', 'InvalidSecurityGroupId.NotFound', 404);
		return {requestId: this.requestId()};
	}

	// The rest of the port is not used by the submit engine.
	describeRegions = notUsed('DescribeRegions');
	describeVpcs = notUsed('DescribeVpcs');
	describeAccountAttributes = notUsed('DescribeAccountAttributes');
	revokeSecurityGroup = notUsed('RevokeSecurityGroup');
	revokeSecurityGroupEgress = notUsed('RevokeSecurityGroupEgress');
	modifySecurityGroupRule = notUsed('ModifySecurityGroupRule');
	modifySecurityGroupEgressRule = notUsed('ModifySecurityGroupEgressRule');
	describePrefixLists = notUsed('DescribePrefixLists');
	describeSecurityGroupReferences = notUsed('DescribeSecurityGroupReferences');
	describeInstances = notUsed('DescribeInstances');
	joinSecurityGroup = notUsed('JoinSecurityGroup');
	leaveSecurityGroup = notUsed('LeaveSecurityGroup');

	/** The state-changing calls made so far, by action name. */
	changes(): string[] {
		const changing = [
			'CreateSecurityGroup',
			'AuthorizeSecurityGroup',
			'AuthorizeSecurityGroupEgress',
			'DeleteSecurityGroup',
		];
		return this.calls.map((c) => c.action).filter((a) => changing.includes(a));
	}
}

function notUsed(action: string) {
	return async (): Promise<never> => {
		throw new Error(`${action} is not expected here`);
	};
}

/** A Journal kept in memory, with a log of every write (to check it is written before the first call). */
export class MemoryJournal implements Journal {
	entries = new Map<string, JournalEntry>();
	log: string[] = [];
	list() {
		return [...this.entries.values()].map((e) => structuredClone(e));
	}
	get(id: string) {
		const e = this.entries.get(id);
		return e ? structuredClone(e) : undefined;
	}
	put(entry: JournalEntry) {
		this.log.push(`put:${entry.id}`);
		this.entries.set(entry.id, structuredClone(entry));
	}
	remove(id: string) {
		this.log.push(`remove:${id}`);
		this.entries.delete(id);
	}
}
