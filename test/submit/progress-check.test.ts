// A journal entry broken by hand (any field of the wrong type, anywhere) is reported as unreadable, naming the
// field; it never reaches the engine, so resume and the wizard's start cannot crash on it.
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {
	finishUnfinished,
	inspectUnfinished,
	readProgress,
	submit,
	unfinishedEntries,
	unreadableEntries,
} from '../../source/cloud/engine.js';
import {readEntry} from '../../source/cloud/progress-check.js';
import {journalInspection} from '../../source/commands/resume.js';
import type {JournalEntry} from '../../source/config/types.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import {inspectionLines} from '../../source/domain/summary.js';
import {setLang} from '../../source/text/index.js';
import {FakeCloud, MemoryJournal} from './fakes.js';
import {answers} from './fixtures.js';

const target = {endpoint: 'http://127.0.0.1:1'};
let good: JournalEntry;

beforeAll(async () => {
	setLang('en');
	// A real entry: the create succeeded, the authorize's answer was lost.
	const api = new FakeCloud();
	const journal = new MemoryJournal();
	api.faults.push({action: 'AuthorizeSecurityGroup', kind: 'lose'});
	await submit(planFromAnswers(answers({tags: [{key: 'team', value: 'web'}]}), {newId: () => 'p1'}), {
		api,
		journal,
		target,
	});
	const [entry] = journal.list();
	if (!entry) throw new Error('no entry');
	good = entry;
});

/** A deep copy of the good entry with the value at `path` replaced (undefined deletes it). */
function broken(path: readonly (string | number)[], value: unknown): JournalEntry {
	const copy = structuredClone(good) as unknown as Record<string | number, unknown>;
	let at: Record<string | number, unknown> = copy;
	for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
	const last = path.at(-1) as string | number;
	if (value === undefined) delete at[last];
	else at[last] = value;
	return copy as unknown as JournalEntry;
}

describe('readEntry', () => {
	it('reads an entry the engine wrote, as readProgress does', () => {
		const reading = readEntry(good);
		expect(reading.kind).toBe('progress');
		if (reading.kind !== 'progress') return;
		expect(reading.progress.groupId).toBe('sg-fake1');
		expect(reading.progress.plan.authorize).toHaveLength(1);
		expect(readProgress(good)).toEqual(reading.progress);
	});

	it('reads an entry written before peers existed (rules with cidr) as IPv4 peers', () => {
		const old = structuredClone(good) as unknown as {
			payload: {plan: {authorize: {rules: Record<string, unknown>[]}[]}};
		};
		for (const batch of old.payload.plan.authorize)
			for (const rule of batch.rules) {
				rule.cidr = (rule.peer as {cidr: string}).cidr;
				delete rule.peer;
			}
		const progress = readProgress(old as unknown as JournalEntry);
		expect(progress?.plan.authorize[0]?.rules[0]?.peer).toEqual({kind: 'ipv4', cidr: '0.0.0.0/0'});
		expect(progress?.plan.authorize[0]?.rules[0]).not.toHaveProperty('cidr');
	});

	it('leaves entries it did not write alone', () => {
		expect(readEntry(broken(['payload'], null)).kind).toBe('foreign');
		expect(readEntry(broken(['payload', 'version'], 2)).kind).toBe('foreign');
		expect(readEntry(broken(['payload'], [1, 2])).kind).toBe('foreign');
	});

	const cases: [string, (string | number)[], unknown, string][] = [
		[
			'a batch that is null',
			['payload', 'plan', 'authorize', 0],
			null,
			'payload.plan.authorize[0] should be an object (found null)',
		],
		[
			'a create without its fields',
			['payload', 'plan', 'create'],
			{},
			'payload.plan.create.regionId should be text (found nothing)',
		],
		[
			'a count as text',
			['payload', 'authorized'],
			'1',
			'payload.authorized should be a whole number from 0 to 1 (found text)',
		],
		[
			'a count past the batches',
			['payload', 'authorized'],
			2,
			'payload.authorized should be a whole number from 0 to 1',
		],
		[
			'a request id that is a number',
			['payload', 'requestIds', 0],
			7,
			'payload.requestIds[0] should be text (found a number)',
		],
		[
			'an unknown protocol',
			['payload', 'plan', 'authorize', 0, 'rules', 1, 'protocol'],
			'tcpx',
			'payload.plan.authorize[0].rules[1].protocol should be one of: tcp, udp, icmp, icmpv6, gre, all',
		],
		[
			'a priority as text',
			['payload', 'plan', 'authorize', 0, 'rules', 0, 'priority'],
			'high',
			'payload.plan.authorize[0].rules[0].priority should be a number (found text)',
		],
		[
			'tags that are not a list',
			['payload', 'plan', 'create', 'tags'],
			{team: 'web'},
			'payload.plan.create.tags should be a list (found an object)',
		],
		['no target', ['target'], null, 'target should be an object (found null)'],
		['a start time as a number', ['createdAt'], 5, 'createdAt should be text (found a number)'],
		['a group id as a number', ['payload', 'groupId'], 7, 'payload.groupId should be text (found a number)'],
		[
			'rules that are not a list',
			['payload', 'plan', 'authorize', 0, 'rules'],
			'all',
			'rules should be a list',
		],
	];
	for (const [what, path, value, problem] of cases) {
		it(`names what is wrong: ${what}`, () => {
			const reading = readEntry(broken(path, value));
			expect(reading.kind).toBe('unreadable');
			if (reading.kind === 'unreadable') expect(reading.problem).toContain(problem);
			expect(readProgress(broken(path, value))).toBeUndefined();
		});
	}
});

describe('the journal with a broken entry', () => {
	it('lists the readable entries as unfinished and the broken one as unreadable, with what it names', () => {
		const journal = new MemoryJournal();
		journal.put(good);
		const bad = broken(['payload', 'plan', 'authorize'], [null]);
		journal.put({...bad, id: 'bad', createdAt: 5 as unknown as string});
		journal.put({...good, id: 'other', payload: {mine: false}});
		expect(unfinishedEntries(journal).map((e) => e.id)).toEqual(['p1']);
		const unreadable = unreadableEntries(journal);
		expect(unreadable).toHaveLength(1);
		expect(unreadable[0]).toMatchObject({id: 'bad', groupId: 'sg-fake1', regionId: 'cn-hangzhou'});
		expect(unreadable[0]?.problem).toContain('createdAt should be text');
	});

	it('whatever field is replaced by whatever value, nothing throws: readable entries work, others say why', async () => {
		const paths: (string | number)[][] = [];
		const walk = (value: unknown, path: (string | number)[]) => {
			if (path.length > 0) paths.push(path);
			if (Array.isArray(value)) {
				for (const [i, v] of value.entries()) walk(v, [...path, i]);
			} else if (value && typeof value === 'object')
				for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
		};
		walk(good, []);
		expect(paths.length).toBeGreaterThan(40);
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...paths),
				fc.oneof(fc.constant(undefined), fc.jsonValue({maxDepth: 2})),
				async (path, value) => {
					const entry = broken(path, value);
					const reading = readEntry(entry);
					if (reading.kind === 'unreadable') {
						expect(reading.problem).toMatch(/should be/);
						return;
					}
					if (reading.kind === 'foreign') return;
					// Readable: everything that reads it works without throwing.
					const known = journalInspection(entry);
					if (known) inspectionLines(known);
					const api = new FakeCloud();
					const journal = new MemoryJournal();
					journal.put(entry);
					const found = await inspectUnfinished(entry, api).catch((e: unknown) => e);
					expect(found).not.toBeInstanceOf(TypeError);
					const finished = await finishUnfinished(entry, {api, journal, target}).catch((e: unknown) => e);
					expect(finished).not.toBeInstanceOf(TypeError);
				},
			),
			{numRuns: 300},
		);
	});
});
