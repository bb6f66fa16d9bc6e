// Keys typed while a list is still loading: the filter is kept (and shown above the spinner) and the list opens
// filtered by it; Enter is not kept; Esc clears the typed filter before it goes back. The create wizard's region
// and VPC lists, and the follow-ups' region, group and instance lists, share this (components/type-ahead.tsx).
import {afterEach, describe, expect, it} from 'vitest';
import type {SecurityGroupSummary} from '../../source/domain/model.js';
import {templateRules} from '../../source/domain/rules.js';
import {setLang} from '../../source/text/index.js';
import {App, type WizardOutcome} from '../../source/wizard/app.js';
import {GroupPick} from '../../source/wizard/followup/pickers.js';
import {FakeApi, type FakeServices, fakeServices} from '../helpers/fake-api.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
	setLang('en');
});

function wizard(services: FakeServices, answers = {}) {
	const outcomes: WizardOutcome[] = [];
	session = renderInk(<App services={services} initial={{answers}} onExit={(o) => outcomes.push(o)} />);
	return {s: session, outcomes};
}

describe('typing before the region list has arrived', () => {
	it('keeps the filter, shows it while loading, and opens the list filtered by it', async () => {
		const services = fakeServices();
		services.api.hold('describeRegions');
		const {s} = wizard(services);
		await s.waitFor('Loading the regions');
		await s.type('hangzx');
		await s.press(keys.backspace);
		const loading = await s.waitFor('Filter: hangz');
		expect(loading).toContain('Loading the regions');
		services.api.release('describeRegions');
		const list = await s.waitFor('(1 of 8)');
		expect(list).toMatch(/Filter: hangz/);
		expect(list).toMatch(/❯ China \(Hangzhou\)\s+cn-hangzhou/);
		expect(list).not.toContain('China (Qingdao)');
		await s.press(keys.enter);
		await s.waitFor('Step 2 of 7');
	});

	it('does not keep Enter (what it would pick is not known yet), and "r" is typed, not a retry', async () => {
		const services = fakeServices();
		services.api.hold('describeRegions');
		const {s} = wizard(services);
		await s.waitFor('Loading the regions');
		await s.type('r');
		await s.press(keys.enter);
		await s.waitFor('Filter: r');
		expect(services.api.callsOf('describeRegions')).toHaveLength(1);
		services.api.release('describeRegions');
		const list = await s.waitFor(/\(\d+ of 8\)/);
		expect(list).toContain('Step 1 of 7');
		expect(list).toMatch(/Filter: r/);
	});

	it('Esc clears the typed filter first, then cancels as it always does on the first step', async () => {
		const services = fakeServices();
		services.api.hold('describeRegions');
		const {s, outcomes} = wizard(services);
		await s.waitFor('Loading the regions');
		await s.type('bei');
		await s.waitFor('Filter: bei');
		await s.press(keys.escape);
		await s.waitFor((frame) => !frame.includes('Filter: bei') && frame.includes('Loading the regions'));
		expect(outcomes).toEqual([]);
		services.api.release('describeRegions');
		const list = await s.waitFor('(8 of 8)');
		expect(list).toContain('type to filter');
		await s.press(keys.escape);
		await s.waitFor('Cancelled');
	});
});

describe('typing before the VPC list has arrived', () => {
	it('keeps the filter and opens the list filtered by it', async () => {
		const services = fakeServices();
		services.api.hold('describeVpcs');
		const {s} = wizard(services, {
			regionId: 'cn-hangzhou',
			template: 'web-linux',
			rules: templateRules('web-linux'),
			name: 'web-sg',
			description: '',
			network: 'vpc',
		});
		await s.waitFor('Loading the VPCs of cn-hangzhou');
		await s.type('vpc-2');
		await s.waitFor('Filter: vpc-2');
		services.api.release('describeVpcs');
		const list = await s.waitFor('(1 of 3)');
		expect(list).toMatch(/❯ vpc-2\s+vpc-/);
		await s.press(keys.enter);
		const review = await s.waitFor('Step 7 of 7');
		expect(review).toMatch(/6 VPC\s+vpc-2/);
	});
});

describe("typing before a follow-up's group list has arrived", () => {
	const group = (id: string, name: string): SecurityGroupSummary => ({
		id,
		name,
		description: '',
		vpcId: 'vpc-1',
		type: 'normal',
		creationTime: '',
		resourceGroupId: '',
		tags: [],
	});

	it('keeps the filter (Space too: it is no multi-select) and picks from the filtered list', async () => {
		const api = new FakeApi();
		api.groups.push({...group('sg-web1', 'web tier'), rules: []}, {...group('sg-db1', 'db tier'), rules: []});
		api.hold('describeSecurityGroups');
		const picked: string[] = [];
		session = renderInk(
			<GroupPick
				api={api}
				regionId="cn-hangzhou"
				size={{columns: 80, rows: 24}}
				position={{index: 1, total: 2}}
				purpose="Pick one"
				onPick={(g) => picked.push(g.id)}
				onBack={() => picked.push('back')}
			/>,
		);
		await session.waitFor('Loading the security groups');
		await session.type('db t');
		await session.waitFor('Filter: db t');
		api.release('describeSecurityGroups');
		const list = await session.waitFor('(1 of 2)');
		expect(list).toMatch(/❯ db tier\s+sg-db1/);
		await session.press(keys.enter);
		expect(picked).toEqual(['sg-db1']);
	});
});
