// Reads a journal entry the way the engine needs it, checking every field it will use. The journal lives in a
// file people may edit by hand; an entry of the wrong shape must be reported as unreadable (which entry, which
// field, what it should be), never reach the engine and crash it half-way through a resume.
import type {Journal, JournalEntry} from '../config/types.js';
import type {SubmitProgress} from '../domain/plan-types.js';
import {t} from '../text/index.js';

export type EntryReading =
	| {kind: 'progress'; progress: SubmitProgress}
	/** Not one of the engine's entries (no `version: 1` payload): left alone. */
	| {kind: 'foreign'}
	/** The engine's entry, but a field it needs is missing or of the wrong type. */
	| {kind: 'unreadable'; problem: string};

/** A field that is not what it should be, as `path` and what was expected. */
class Wrong extends Error {
	constructor(
		readonly path: string,
		readonly expected: string,
		readonly found: unknown,
	) {
		super(path);
	}
}

const kindOf = (value: unknown): string => {
	if (value === null) return 'null';
	if (value === undefined) return t('submit.journal.found.missing');
	if (Array.isArray(value)) return t('submit.journal.found.list');
	if (typeof value === 'string') return t('submit.journal.found.text');
	if (typeof value === 'number') return t('submit.journal.found.number');
	if (typeof value === 'boolean') return t('submit.journal.found.boolean');
	return t('submit.journal.found.object');
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function record(value: unknown, path: string): Record<string, unknown> {
	if (!isRecord(value)) throw new Wrong(path, t('submit.journal.expect.object'), value);
	return value;
}

function text(value: unknown, path: string): string {
	if (typeof value !== 'string') throw new Wrong(path, t('submit.journal.expect.text'), value);
	return value;
}

function optionalText(value: unknown, path: string): void {
	if (value !== undefined) text(value, path);
}

function list(value: unknown, path: string): unknown[] {
	if (!Array.isArray(value)) throw new Wrong(path, t('submit.journal.expect.list'), value);
	return value;
}

function oneOf(value: unknown, path: string, allowed: readonly string[]): void {
	if (typeof value !== 'string' || !allowed.includes(value))
		throw new Wrong(path, t('submit.journal.expect.oneOf', {values: allowed.join(', ')}), value);
}

function count(value: unknown, path: string, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
		throw new Wrong(path, t('submit.journal.expect.count', {max}), value);
	return value;
}

function checkRule(value: unknown, path: string): void {
	const rule = record(value, path);
	oneOf(rule.direction, `${path}.direction`, ['ingress', 'egress']);
	oneOf(rule.protocol, `${path}.protocol`, ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all']);
	text(rule.portRange, `${path}.portRange`);
	// Entries written before peers existed carry `cidr` (always IPv4): read as the peer it was.
	if (rule.peer === undefined && typeof rule.cidr === 'string') {
		rule.peer = {kind: 'ipv4', cidr: rule.cidr};
		delete rule.cidr;
	}
	checkPeer(rule.peer, `${path}.peer`);
	oneOf(rule.policy, `${path}.policy`, ['accept', 'drop']);
	if (typeof rule.priority !== 'number' || !Number.isFinite(rule.priority))
		throw new Wrong(`${path}.priority`, t('submit.journal.expect.number'), rule.priority);
	optionalText(rule.description, `${path}.description`);
}

function checkPeer(value: unknown, path: string): void {
	const peer = record(value, path);
	oneOf(peer.kind, `${path}.kind`, ['ipv4', 'ipv6', 'group', 'prefix-list']);
	if (peer.kind === 'ipv4' || peer.kind === 'ipv6') text(peer.cidr, `${path}.cidr`);
	if (peer.kind === 'group') {
		text(peer.groupId, `${path}.groupId`);
		optionalText(peer.ownerAccount, `${path}.ownerAccount`);
	}
	if (peer.kind === 'prefix-list') text(peer.prefixListId, `${path}.prefixListId`);
}

function checkCreate(value: unknown, path: string): void {
	const create = record(value, path);
	text(create.regionId, `${path}.regionId`);
	optionalText(create.vpcId, `${path}.vpcId`);
	text(create.name, `${path}.name`);
	optionalText(create.description, `${path}.description`);
	oneOf(create.type, `${path}.type`, ['normal', 'enterprise']);
	optionalText(create.resourceGroupId, `${path}.resourceGroupId`);
	for (const [i, tag] of list(create.tags, `${path}.tags`).entries()) {
		const at = `${path}.tags[${i}]`;
		const pair = record(tag, at);
		text(pair.key, `${at}.key`);
		text(pair.value, `${at}.value`);
	}
	text(create.clientToken, `${path}.clientToken`);
}

function checkPayload(payload: Record<string, unknown>): SubmitProgress {
	const plan = record(payload.plan, 'payload.plan');
	text(plan.id, 'payload.plan.id');
	text(plan.regionId, 'payload.plan.regionId');
	checkCreate(plan.create, 'payload.plan.create');
	const batches = list(plan.authorize, 'payload.plan.authorize');
	for (const [i, value] of batches.entries()) {
		const path = `payload.plan.authorize[${i}]`;
		const batch = record(value, path);
		for (const [j, rule] of list(batch.rules, `${path}.rules`).entries())
			checkRule(rule, `${path}.rules[${j}]`);
		oneOf(batch.nicType, `${path}.nicType`, ['intranet', 'internet']);
		if (batch.direction !== undefined) oneOf(batch.direction, `${path}.direction`, ['ingress', 'egress']);
		text(batch.clientToken, `${path}.clientToken`);
	}
	optionalText(payload.groupId, 'payload.groupId');
	// Older entries may lack these two; the engine starts them at nothing done.
	const authorized =
		payload.authorized === undefined ? 0 : count(payload.authorized, 'payload.authorized', batches.length);
	const requestIds =
		payload.requestIds === undefined
			? []
			: list(payload.requestIds, 'payload.requestIds').map((r, i) => text(r, `payload.requestIds[${i}]`));
	const groupId = payload.groupId;
	return {
		version: 1,
		// Every field the engine reads was checked above.
		plan: plan as unknown as SubmitProgress['plan'],
		...(typeof groupId === 'string' && groupId !== '' ? {groupId} : {}),
		authorized,
		requestIds,
	};
}

function checkEnvelope(entry: Record<string, unknown>): void {
	text(entry.id, 'id');
	text(entry.createdAt, 'createdAt');
	text(entry.regionId, 'regionId');
	const target = record(entry.target, 'target');
	optionalText(target.endpoint, 'target.endpoint');
	if (target.sandbox !== undefined && typeof target.sandbox !== 'boolean')
		throw new Wrong('target.sandbox', t('submit.journal.expect.boolean'), target.sandbox);
	optionalText(target.profile, 'target.profile');
}

/** Reads an entry of the journal: the engine's progress, someone else's entry, or what makes it unreadable. */
export function readEntry(entry: JournalEntry): EntryReading {
	const raw: unknown = entry;
	const payload = isRecord(raw) ? raw.payload : undefined;
	if (!isRecord(raw) || !isRecord(payload) || payload.version !== 1) return {kind: 'foreign'};
	try {
		checkEnvelope(raw);
		return {kind: 'progress', progress: checkPayload(payload)};
	} catch (error) {
		if (!(error instanceof Wrong)) throw error;
		return {
			kind: 'unreadable',
			problem: t('submit.journal.wrongField', {
				path: error.path,
				expected: error.expected,
				found: kindOf(error.found),
			}),
		};
	}
}

/** The engine's payload in a journal entry, or undefined when the entry is not one of the engine's or unreadable. */
export function readProgress(entry: JournalEntry): SubmitProgress | undefined {
	const reading = readEntry(entry);
	return reading.kind === 'progress' ? reading.progress : undefined;
}

/** The engine's unfinished creates in a journal, oldest first (unreadable ones left out: see unreadableEntries). */
export function unfinishedEntries(journal: Journal): JournalEntry[] {
	return journal
		.list()
		.filter((e) => readProgress(e) !== undefined)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export type UnreadableEntry = {
	/** The entry's id, or a stand-in when the id itself is what is wrong. */
	id: string;
	/** Which field is wrong and what it should be. */
	problem: string;
	/** The group it names, when that much can be read (so the person knows what may exist). */
	groupId?: string;
	regionId?: string;
};

/** The engine's entries a hand edit has broken: each with what is wrong, so it can be reported, not crashed on. */
export function unreadableEntries(journal: Journal): UnreadableEntry[] {
	return journal.list().flatMap((entry): UnreadableEntry[] => {
		const reading = readEntry(entry);
		if (reading.kind !== 'unreadable') return [];
		const raw = entry as unknown as Record<string, unknown>;
		const payload = raw.payload as Record<string, unknown>;
		const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : t('submit.journal.noId');
		return [
			{
				id,
				problem: reading.problem,
				...(typeof payload.groupId === 'string' && payload.groupId !== '' ? {groupId: payload.groupId} : {}),
				...(typeof raw.regionId === 'string' && raw.regionId !== '' ? {regionId: raw.regionId} : {}),
			},
		];
	});
}
