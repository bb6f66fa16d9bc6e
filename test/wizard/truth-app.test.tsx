// Issue 15 items 1, 7 and 8 on the screen: the summary after Esc (Template once), the typed name kept, quitting
// asked, the Esc hint of Region opened from Review, no keys offered while Deleting, the stop taken at once, and
// a stop that came after the last call ending at Done.
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {JournalEntry} from '../../source/config/types.js';
import {templateRules} from '../../source/domain/rules.js';
import {App, type AppProps, type WizardOutcome} from '../../source/wizard/app.js';
import type {Draft} from '../../source/wizard/state.js';
import {type FakeServices, fakeServices, memoryJournal} from '../helpers/fake-api.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
});

function start(
	options: Partial<Omit<AppProps, 'services' | 'initial'>> & {
		services?: FakeServices;
		answers?: Draft;
		size?: {columns: number; rows: number};
	} = {},
) {
	const services = options.services ?? fakeServices();
	const outcomes: WizardOutcome[] = [];
	const {answers = {}, size, ...props} = options;
	session = renderInk(
		<App services={services} initial={{answers}} onExit={(o) => outcomes.push(o)} {...props} />,
		size,
	);
	return {s: session, services, outcomes};
}

const full: Draft = {
	regionId: 'cn-hangzhou',
	template: 'web-linux',
	rules: templateRules('web-linux'),
	name: 'web-sg',
	description: '',
	network: 'vpc',
	vpcId: 'vpc-cnhang00000',
};

const countOf = (frame: string, pattern: RegExp) => frame.split('\n').filter((l) => pattern.test(l)).length;

describe('the summary and Esc', () => {
	it('Esc from Name then Enter on Template: one Template line, and the typed name is still there', async () => {
		const {s} = start({answers: {regionId: 'cn-hangzhou'}});
		await s.waitFor('Step 2 of 7');
		await s.press(keys.enter);
		await s.waitFor('Step 3 of 7');
		await s.type('web-draft');
		await s.press(keys.escape);
		await s.waitFor('Step 2 of 7');
		await s.press(keys.enter);
		const frame = await s.waitFor('Step 3 of 7');
		if (process.env.SHOW) console.log(frame);
		expect(countOf(frame, /✔ Template\s/)).toBe(1);
		expect(countOf(frame, /✔ Region\s/)).toBe(1);
		expect(frame).toContain('web-draft');
	});

	it('Esc on step 1 after three answers asks before throwing them away', async () => {
		const {s, outcomes} = start();
		await s.waitFor('China (Hangzhou)');
		await s.press(keys.enter);
		await s.waitFor('Step 2 of 7');
		await s.press(keys.enter);
		await s.waitFor('Step 3 of 7');
		await s.type('web-1');
		await s.press(keys.enter);
		await s.waitFor('Step 4 of 7');
		await s.press(keys.escape, keys.escape, keys.escape);
		await s.waitFor('Step 1 of 7');
		await s.press(keys.escape);
		await s.waitFor('Quit and throw away the 3 answers given so far?');
		expect(outcomes).toEqual([]);
		await s.press('n');
		await s.waitFor('Step 1 of 7');
		await s.press(keys.escape);
		await s.waitFor('Quit and throw away');
		await s.press('y');
		await vi.waitFor(() =>
			expect(outcomes).toEqual([{status: 'cancelled', during: 'editing', complete: false}]),
		);
	});

	it('Region opened from Review says Esc goes back to Review, and it does', async () => {
		const {s} = start({answers: full});
		await s.waitFor('Step 7 of 7');
		await s.press('1');
		const frame = await s.waitFor('Step 1 of 7');
		expect(frame).toContain('Esc back to Review');
		expect(frame).not.toContain('Esc cancel');
		await s.press(keys.escape);
		await s.waitFor('Step 7 of 7');
	});

	it('fits at 50x20 with the summary folded', async () => {
		const {s} = start({answers: {...full, vpcId: undefined}, size: {columns: 50, rows: 20}});
		const frame = await s.waitFor('Step 6 of 7');
		expect(frame.split('\n').length).toBeLessThanOrEqual(20);
		expect(frame).toContain('web-sg');
	});
});

describe('unfinished creates', () => {
	const entry: JournalEntry = {
		id: 'plan-old',
		createdAt: '2026-11-28T10:00:00.000Z',
		updatedAt: '2026-11-28T10:00:01.000Z',
		target: {},
		regionId: 'cn-hangzhou',
		payload: {
			version: 1,
			plan: {create: {name: 'old-sg'}},
			groupId: 'sg-half',
			authorized: 0,
			requestIds: [],
		},
	};

	it('offers no key while Deleting…', async () => {
		const services = fakeServices({journal: memoryJournal([entry])});
		services.unfinished = {
			inspect: async () => ({
				journalId: entry.id,
				plan: {} as never,
				group: 'exists',
				groupId: 'sg-half',
				applied: [],
				missing: templateRules('web-linux'),
				createdAt: entry.createdAt,
			}),
			finish: vi.fn(),
			remove: () => new Promise(() => {}),
		};
		const {s} = start({services});
		await s.waitFor('f finish it');
		await s.press('d');
		await s.waitFor('Delete this half-made group?');
		await s.press('y');
		const frame = await s.waitFor('Deleting…');
		expect(frame).not.toContain('f finish it');
		expect(frame).not.toContain('d delete');
	});
});

describe('a stop while submitting', () => {
	it('is taken at once: the submit is aborted in the same tick as the stop request', async () => {
		const services = fakeServices();
		services.api.hold('createSecurityGroup');
		const signals: AbortSignal[] = [];
		const submit = services.submit;
		services.submit = (plan, onEvent, signal) => {
			if (signal) signals.push(signal);
			return submit(plan, onEvent, signal);
		};
		const listeners: (() => void)[] = [];
		const {s, outcomes} = start({
			answers: full,
			services,
			interrupts: (listener) => {
				listeners.push(listener);
				return () => listeners.splice(listeners.indexOf(listener), 1);
			},
		});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		await s.waitFor(/CreateSecurityGroup\s+running/);
		for (const l of [...listeners]) l();
		// No render, no effect in between: a response arriving now must already find the stop.
		expect(signals[0]?.aborted).toBe(true);
		services.api.release('createSecurityGroup');
		await vi.waitFor(() => expect(outcomes[0]).toMatchObject({status: 'cancelled', during: 'submitting'}));
		expect(services.api.callsOf('authorizeSecurityGroup')).toHaveLength(0);
	});

	it('that came after the last call was sent ends at Done, saying so (no Cancelled)', async () => {
		const services = fakeServices();
		services.api.hold('authorizeSecurityGroup');
		const {s, outcomes} = start({answers: full, services});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		await s.waitFor(/AuthorizeSecurityGroup.*running/);
		await s.press(keys.ctrlC);
		await s.waitFor('Stopping after the call in flight');
		services.api.release('authorizeSecurityGroup');
		const frame = await s.waitFor('The stop came after the last call had been sent.');
		expect(frame).toContain('Done');
		expect(frame).not.toContain('Cancelled');
		await vi.waitFor(() => expect(outcomes[0]).toMatchObject({status: 'done'}));
	});
});

describe('using the existing group of the same name (item 4)', () => {
	const base = {description: '', type: 'normal' as const, creationTime: '', resourceGroupId: '', tags: []};
	const [kept, ...rest] = templateRules('web-linux');

	it('says which planned rules it lacks, offers to add them, and never claims a create', async () => {
		const services = fakeServices();
		services.api.groups.push({
			...base,
			id: 'sg-existing1',
			name: 'web-sg',
			vpcId: 'vpc-cnhang00000',
			rules: kept ? [kept] : [],
		});
		const {s, outcomes} = start({answers: full, services, size: {columns: 100, rows: 30}});
		await s.waitFor('already exists here: sg-existing1');
		await s.press('u');
		const frame = await s.waitFor(`It lacks ${rest.length} of the ${rest.length + 1} rules you planned`);
		expect(frame).toContain('a add them now');
		expect(frame).not.toMatch(/Created/);
		await s.press('a');
		// The rules follow-up opens on the group with the missing rules queued, to apply or change.
		const rules = await s.waitFor(`Queued: ${rest.length} to add, 0 to remove`);
		expect(rules).not.toMatch(/✔ Created/);
		expect(rules).toContain('Using the existing group sg-existing1 in cn-hangzhou.');
		expect(outcomes).toEqual([]);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
	});

	it('says so when it already has every planned rule (no `a`)', async () => {
		const services = fakeServices();
		services.api.groups.push({
			...base,
			id: 'sg-existing1',
			name: 'web-sg',
			vpcId: 'vpc-cnhang00000',
			rules: templateRules('web-linux'),
		});
		const {s} = start({answers: full, services});
		await s.waitFor('already exists here: sg-existing1');
		await s.press('u');
		const frame = await s.waitFor('It already has every rule you planned.');
		expect(frame).not.toContain('a add them now');
	});
});
