import {afterEach, describe, expect, it, vi} from 'vitest';
import type {JournalEntry} from '../../source/config/types.js';
import type {FlagProblem} from '../../source/domain/from-flags.js';
import {templateRules} from '../../source/domain/rules.js';
import {setLang, width} from '../../source/text/index.js';
import {App, type AppProps, type WizardOutcome} from '../../source/wizard/app.js';
import type {Draft} from '../../source/wizard/state.js';
import {
	cloudError,
	type FakeServices,
	fakeServices,
	makeVpcs,
	memoryJournal,
	memorySettings,
	sampleRegionsZh,
} from '../helpers/fake-api.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
	setLang('en');
});

type Start = Partial<Omit<AppProps, 'services' | 'initial'>> & {
	services?: FakeServices;
	answers?: Draft;
	yes?: boolean;
	mode?: 'create' | 'plan';
	problems?: FlagProblem[];
	size?: {columns: number; rows: number};
};

function start(options: Start = {}) {
	const services = options.services ?? fakeServices();
	const outcomes: WizardOutcome[] = [];
	const {answers = {}, yes, mode, problems, size, ...props} = options;
	session = renderInk(
		<App
			services={services}
			initial={{answers, yes, mode, problems}}
			onExit={(o) => outcomes.push(o)}
			{...props}
		/>,
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

/** The lines Ink redraws (the transcript of finished steps above them is printed once). */
const dynamicLines = (frame: string): string[] =>
	frame.split('\n').filter((l) => !/^✔ (Region|Template|Name|Description|Network|VPC) {2,}/.test(l));

describe('Region', () => {
	it('shows the friendly name beside the id, filters by typing, and moves on', async () => {
		const {s} = start();
		await s.waitFor('China (Hangzhou)');
		expect(s.lastFrame()).toMatch(/Region\s+Step 1 of 7/);
		expect(s.lastFrame()).toMatch(/China \(Hangzhou\)\s+cn-hangzhou/);
		await s.type('shang');
		await s.waitFor('(1 of 8)');
		await s.press(keys.enter);
		await s.waitFor('Step 2 of 7');
		expect(s.lastFrame()).toMatch(/✔ Region\s+China \(Shanghai\)\s+cn-shanghai/);
	});

	it('asks again for a region from the flags that the live list does not have, saying why', async () => {
		const {s, outcomes} = start({answers: {regionId: 'cn-nowhere', name: 'web-sg'}});
		await s.waitFor('ECS does not know the region "cn-nowhere": pick one from the list.');
		expect(s.lastFrame()).toMatch(/Region\s+Step 1 of 7/);
		await s.type('shang');
		await s.press(keys.enter);
		// The name the flags gave is still skipped; the reason is gone.
		await s.waitFor(/Template\s+Step 2 of 7/);
		expect(s.lastFrame()).not.toContain('does not know');
		expect(outcomes).toEqual([]);
	});

	it('says beside every heading when the calls go to the sandbox, and only there (issue 15 item 12)', async () => {
		const {s} = start({notice: 'Sandbox notice line'});
		await s.waitFor('China (Hangzhou)');
		expect(s.lastFrame()).not.toContain('Sandbox notice line');
		expect(s.lastFrame()).toMatch(/Region\s+Step 1 of 7\s+◆ sandbox: no real account/);
		await s.press(keys.enter);
		await s.waitFor(/Template\s+Step 2 of 7\s+◆ sandbox/);
	});

	it('shows no sandbox mark for a real account', async () => {
		const {s} = start();
		await s.waitFor('China (Hangzhou)');
		expect(s.lastFrame()).not.toContain('sandbox');
	});

	it('shows the cached list at once while a fresh one loads, last-used region first', async () => {
		const settings = memorySettings(
			{lastRegion: 'cn-shenzhen'},
			{
				'en-US': [
					{id: 'cn-beijing', localName: 'Cached Beijing', endpoint: 'x'},
					{id: 'cn-shenzhen', localName: 'Cached Shenzhen', endpoint: 'y'},
				],
			},
		);
		const services = fakeServices({settings});
		services.api.hold('describeRegions');
		const {s} = start({services});
		const frame = await s.waitFor('Cached Shenzhen');
		expect(frame).toContain('saved list');
		expect(frame.indexOf('Cached Shenzhen')).toBeLessThan(frame.indexOf('Cached Beijing'));
		expect(frame).toMatch(/❯ Cached Shenzhen\s+cn-shenzhen\s+last used/);
		services.api.release('describeRegions');
		await s.waitFor('China (Qingdao)');
		expect(s.lastFrame()).not.toContain('saved list');
	});

	it('waits for the list with a spinner, and offers a retry when it fails', async () => {
		const services = fakeServices();
		services.api.fail(
			'describeRegions',
			cloudError('InvalidAccessKeyId.NotFound', 'The AccessKey ID is not known.', 'Run ecs-sg configure.'),
		);
		const {s} = start({services});
		await s.waitFor('The AccessKey ID is not known.');
		expect(s.lastFrame()).toContain('Run ecs-sg configure.');
		await s.press('r');
		await s.waitFor('China (Hangzhou)');
	});

	it('in Chinese, asks for zh-CN names and aligns them by display width', async () => {
		setLang('zh');
		const services = fakeServices({regionsZh: sampleRegionsZh});
		const {s} = start({services});
		const frame = await s.waitFor('华东1（杭州）');
		expect(frame).toContain('地域');
		expect(frame).toContain('第 1 步，共 7 步');
		expect(services.api.callsOf('describeRegions')[0]?.args[0]).toMatchObject({language: 'zh-CN'});
		const line = (id: string) => frame.split('\n').find((l) => l.includes(id)) ?? '';
		const col = (l: string, id: string) => width(l.slice(0, l.indexOf(id)));
		expect(col(line('cn-hangzhou'), 'cn-hangzhou')).toBe(col(line('ap-southeast-1'), 'ap-southeast-1'));
	});

	it('Esc on the first step cancels: nothing was created', async () => {
		const {s, outcomes, services} = start();
		await s.waitFor('China (Hangzhou)');
		await s.press(keys.escape);
		await s.waitFor('Cancelled.');
		expect(s.lastFrame()).toContain('Nothing was created.');
		expect(outcomes).toEqual([{status: 'cancelled', during: 'editing', complete: false}]);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
	});
});

describe('Template', () => {
	const atTemplate = async (options: Start = {}) => {
		const started = start({answers: {regionId: 'cn-hangzhou'}, ...options});
		await started.s.waitFor('Rules of Web Server Linux');
		return started;
	};

	it('previews each rule of the highlighted template and the default behaviour', async () => {
		const {s} = await atTemplate();
		let frame = s.lastFrame();
		expect(frame).toMatch(/inbound\s+TCP\s+22\s+0\.0\.0\.0\/0\s+accept\s+SSH/);
		expect(frame).toContain('inbound denied, outbound allowed');
		expect(frame).toMatch(/SSH is open to all/);
		await s.press(keys.down);
		frame = await s.waitFor('Rules of Web Server Windows');
		expect(frame).toMatch(/TCP\s+3389/);
		expect(frame).not.toMatch(/TCP\s+22\s/);
		await s.press(keys.down);
		frame = await s.waitFor('Rules of Custom');
		expect(frame).toContain('No rules');
	});

	it('edits the rules: narrows a source, refuses a bad one, deletes and adds rules', async () => {
		const {s} = await atTemplate();
		await s.press(keys.tab);
		await s.waitFor('Editing the rules of Web Server Linux');
		await s.press(keys.down, keys.down, 's');
		await s.waitFor('New source for TCP 22');
		await s.press(keys.ctrlU);
		await s.type('203.0.113.300/32');
		await s.press(keys.enter);
		await s.waitFor('not an IPv4 address');
		await s.press(keys.ctrlU);
		await s.type('203.0.113.0/24');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+22\s+203\.0\.113\.0\/24/);
		await s.press(keys.up, keys.up, 'd');
		await s.waitFor((f) => !/TCP\s+80\s/.test(f));
		// `a` opens the rule form (issue 12 item 3): ports first, then down to the source, typed over.
		await s.press('a');
		await s.waitFor('New rule for Web Server Linux');
		await s.type('8080');
		await s.press(keys.down, keys.down);
		await s.type('10.0.0.0/8');
		await s.press(keys.enter);
		await s.waitFor(/TCP\s+8080\s+10\.0\.0\.0\/8/);
		await s.press(keys.enter);
		const preview = await s.waitFor('Rules of Web Server Linux');
		expect(preview).not.toMatch(/SSH is open to all/);
		await s.press(keys.enter);
		await s.waitFor('Step 3 of 7');
		expect(s.lastFrame()).toMatch(/✔ Template\s+Web Server Linux \(4 rules\)/);
	});

	it('refuses a rule whose ports are wrong, with the reason', async () => {
		const {s} = await atTemplate();
		await s.press(keys.tab, 'a');
		await s.waitFor('New rule for');
		await s.type('99999');
		await s.press(keys.enter);
		await s.waitFor('Ports must be 1 to 65535');
		await s.press(keys.escape);
		await s.waitFor('Editing the rules');
		expect(s.lastFrame()).not.toContain('99999');
	});

	it('starts from --source and --rule when the template was not given', async () => {
		const {s} = await atTemplate({
			seed: {
				source: '198.51.100.0/24',
				extraRules: templateRules('web-linux')
					.slice(0, 1)
					.map((r) => ({...r, portRange: '8443/8443'})),
			},
		});
		expect(s.lastFrame()).toMatch(/TCP\s+22\s+198\.51\.100\.0\/24/);
		expect(s.lastFrame()).toMatch(/TCP\s+8443/);
	});
});

describe('Name and Description', () => {
	it('validates as you type and refuses Enter with the reason, then accepts the fix', async () => {
		const {s} = start({answers: {regionId: 'cn-hangzhou', template: 'custom', rules: []}});
		await s.waitFor('Step 3 of 7');
		await s.type('1web');
		await s.waitFor('must start with a letter');
		await s.press(keys.enter);
		expect(s.lastFrame()).toContain('Step 3 of 7');
		await s.press(keys.ctrlU);
		await s.type('web sg');
		await s.waitFor(/" " is not\s+allowed/);
		await s.press(keys.backspace, keys.backspace, keys.backspace);
		await s.type('-sg');
		await s.waitFor('looks good');
		await s.press(keys.enter);
		await s.waitFor('Step 4 of 7');
		expect(s.lastFrame()).toMatch(/✔ Name\s+web-sg/);
	});

	it('refuses an empty name only once Enter is pressed', async () => {
		const {s} = start({answers: {regionId: 'cn-hangzhou', template: 'custom', rules: []}});
		await s.waitFor('Step 3 of 7');
		expect(s.lastFrame()).not.toContain('Enter a name');
		await s.press(keys.enter);
		await s.waitFor('Enter a name');
	});

	it('takes an empty description as none and refuses a URL', async () => {
		const {s} = start({
			answers: {...full, description: undefined, network: undefined, vpcId: undefined},
			yes: false,
		});
		await s.waitFor('Step 4 of 7');
		await s.type('https://example.com');
		await s.waitFor('cannot start with http');
		await s.press(keys.ctrlU, keys.enter);
		await s.waitFor('Step 5 of 7');
		expect(s.lastFrame()).toMatch(/✔ Description\s+\(none\)/);
	});

	it('shows a bad --name value on the Name step', async () => {
		const {s} = start({
			answers: {regionId: 'cn-hangzhou', template: 'custom', rules: []},
			problems: [{flag: '--name', message: 'The name must start with a letter (of any script), not "9".'}],
		});
		const frame = await s.waitFor('Step 3 of 7');
		expect(frame).toContain('not "9"');
	});
});

describe('Network and VPC', () => {
	const before: Draft = {
		regionId: 'cn-hangzhou',
		template: 'custom',
		rules: [],
		name: 'web',
		description: '',
	};

	it('refuses Classic where the region does not offer it, with the reason', async () => {
		const {s} = start({answers: before});
		await s.waitFor('not offered in cn-hangzhou');
		await s.press(keys.down, keys.enter);
		await s.waitFor('does not offer the classic network');
		expect(s.lastFrame()).toContain('Step 5 of 7');
	});

	it('takes Classic where offered, marks it legacy, and skips the VPC step', async () => {
		const {s} = start({answers: before, services: fakeServices({classicRegions: ['cn-hangzhou']})});
		await s.waitFor('end of life 2025-02-28');
		await s.press(keys.down);
		await s.waitFor('reached end of life');
		await s.press(keys.enter);
		const frame = await s.waitFor('Step 6 of 6');
		expect(frame).toMatch(/Review\s+Step 6 of 6/);
		expect(frame).not.toMatch(/\d VPC /);
	});

	it('lists every VPC with name, id, CIDR and the default marker, and filters by typing', async () => {
		const vpcs = makeVpcs('cn-hangzhou', 60);
		const {s} = start({
			answers: {...before, network: 'vpc'},
			services: fakeServices({vpcs: {'cn-hangzhou': vpcs}}),
		});
		const frame = await s.waitFor('(60 of 60)');
		expect(frame).toMatch(/❯ default-vpc\s+vpc-cnhang00000\s+10\.0\.0\.0\/24\s+default/);
		await s.type('vpc-59');
		await s.waitFor('(1 of 60)');
		await s.press(keys.enter);
		await s.waitFor('Review');
		// Review lists every answer itself (numbered): the summary of answered steps gives way to it.
		expect(s.lastFrame()).toMatch(/6 VPC\s+vpc-59\s+vpc-cnhang00059/);
	});

	it('shows the VPCs loading, with progress', async () => {
		const services = fakeServices();
		services.api.hold('describeVpcs');
		const {s} = start({answers: {...before, network: 'vpc'}, services});
		await s.waitFor('Loading the VPCs of cn-hangzhou');
		services.api.release('describeVpcs');
		await s.waitFor('default-vpc');
	});

	it('says when a region has no VPC and how to create one', async () => {
		const {s} = start({
			answers: {...before, network: 'vpc'},
			services: fakeServices({vpcs: {'cn-hangzhou': []}}),
		});
		const frame = await s.waitFor('has no VPC yet');
		expect(frame).toContain('aliyun vpc CreateVpc --RegionId cn-hangzhou');
		await s.press(keys.escape);
		await s.waitFor('Step 5 of 7');
	});

	it('fetches the VPCs as soon as the region is chosen', async () => {
		const {s, services} = start();
		await s.waitFor('China (Hangzhou)');
		await s.type('hangzhou');
		await s.press(keys.enter);
		await s.waitFor('Step 2 of 7');
		await vi.waitFor(() => expect(services.api.callsOf('describeVpcs')).toHaveLength(1));
		expect(services.api.callsOf('describeAccountAttributes')).toHaveLength(1);
	});
});

describe('Review', () => {
	it('shows every answer, the rules, the type and the SSH warning', async () => {
		const {s} = start({answers: full});
		const frame = await s.waitFor(/6 VPC\s+default-vpc/);
		expect(frame).toMatch(/1 Region\s+China \(Hangzhou\)\s+cn-hangzhou/);
		expect(frame).toMatch(/6 VPC\s+default-vpc\s+vpc-cnhang00000\s+10\.0\.0\.0\/24/);
		expect(frame).toMatch(/Type\s+normal \(basic\)/);
		expect(frame).toMatch(/inbound\s+TCP\s+443/);
		expect(frame).toMatch(/SSH \(port 22\) is open to the whole internet/);
	});

	it('shows the answers only flags give (resource group, tags)', async () => {
		const {s} = start({
			answers: {...full, resourceGroupId: 'rg-acfmxazb4ph6aiy', tags: [{key: 'env', value: 'dev'}]},
		});
		const frame = await s.waitFor(/Tags\s+env=dev/);
		expect(frame).toMatch(/Resource group\s+rg-acfmxazb4ph6aiy/);
	});

	it('warns when the region no longer offers the classic network picked', async () => {
		const {s} = start({answers: {...full, network: 'classic', vpcId: undefined}});
		await s.waitFor('does not offer the classic network');
	});

	it('changes any answer and comes back to Review', async () => {
		const {s} = start({answers: full});
		await s.waitFor('Step 7 of 7');
		await s.press('3');
		await s.waitFor('Step 3 of 7');
		await s.press(keys.ctrlU);
		await s.type('api-sg');
		await s.press(keys.enter);
		const frame = await s.waitFor('Step 7 of 7');
		expect(frame).toMatch(/3 Name\s+api-sg/);
		await s.press('t');
		await s.waitFor('enterprise (advanced');
	});

	it('warns about a group with the same name in the VPC and can use it instead', async () => {
		const services = fakeServices();
		const base = {description: '', type: 'normal' as const, creationTime: '', resourceGroupId: '', tags: []};
		services.api.groups.push({
			...base,
			id: 'sg-existing1',
			name: 'web-sg',
			vpcId: 'vpc-cnhang00000',
			rules: [],
		});
		const {s, outcomes} = start({answers: full, services});
		await s.waitFor('already exists here: sg-existing1');
		await s.press('u');
		await s.waitFor('Using the existing group sg-existing1');
		expect(s.lastFrame()).toContain('ecs-sg instances --region cn-hangzhou --group sg-existing1');
		// The follow-ups are offered: nothing ends until the person leaves the screen.
		expect(outcomes).toEqual([]);
		await s.press('q');
		await vi.waitFor(() =>
			expect(outcomes[0]).toMatchObject({status: 'reused', group: {id: 'sg-existing1'}}),
		);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
	});

	it('keeps an Enter pressed while the same-name check is out, and acts once it answers', async () => {
		const services = fakeServices();
		services.api.hold('describeSecurityGroups');
		const {s} = start({answers: full, services});
		await s.waitFor('Checking for a group already named web-sg');
		await s.press(keys.enter);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
		services.api.release('describeSecurityGroups');
		await s.waitFor('Next (follow-up operations)');
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(1);
	});

	it('keeps each follow-up command on one line, to be copied whole, where the terminal is wide enough', async () => {
		const services = {...fakeServices(), target: {profile: 'ops-dev'}};
		const {s} = start({answers: full, services, size: {columns: 80, rows: 40}});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		await s.waitFor('Next (follow-up operations)');
		const lines = s
			.lastFrame()
			.split('\n')
			.map((l) => l.trimEnd());
		const rules = 'ecs-sg rules --profile ops-dev --region cn-hangzhou --group sg-fake00000001';
		const instances = 'ecs-sg instances --profile ops-dev --region cn-hangzhou --group sg-fake00000001';
		// 75 characters fit indented; 79 only from the first column (indented, Ink would break the line).
		expect([rules.length, instances.length]).toEqual([75, 79]);
		expect(lines).toContain(`    ${rules}`);
		expect(lines).toContain(instances);
	});

	it('creates once however often Enter is pressed, then shows Done', async () => {
		const {s, services, outcomes} = start({answers: full});
		await s.waitFor('Step 7 of 7');
		// Two Enters in one write are one confirm (the reader splits the chunk, trailing line breaks are one Enter); the
		// confirms after it reach Submitting or Done, where `y` does nothing (an Enter there would quit Done).
		await s.press(`${keys.enter}${keys.enter}`, 'y', 'y');
		await s.waitFor('Next (follow-up operations)');
		const frame = s.lastFrame();
		expect(frame).toMatch(/Created security group sg-fake00000001 \(web-sg\) in cn-hangzhou/);
		expect(frame).toContain('ecs-sg rules --region cn-hangzhou --group sg-fake00000001');
		expect(frame).toMatch(/inbound\s+TCP\s+80/);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(1);
		expect(services.api.callsOf('authorizeSecurityGroup')).toHaveLength(1);
		expect(frame).toContain('r add rules now');
		await s.press(keys.enter);
		await vi.waitFor(() => expect(outcomes[0]?.status).toBe('done'));
		expect(services.settings.remembered).toEqual([
			{regionId: 'cn-hangzhou', template: 'web-linux', vpcId: 'vpc-cnhang00000'},
		]);
	});
});

describe('Submitting', () => {
	it('shows each API call with its state', async () => {
		const services = fakeServices();
		services.api.hold('authorizeSecurityGroup');
		const {s} = start({answers: full, services});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		const frame = await s.waitFor(/AuthorizeSecurityGroup \(4 rules\)\s+running/);
		expect(frame).toMatch(/✔ CreateSecurityGroup\s+done \(request REQ-0001\)/);
		services.api.release('authorizeSecurityGroup');
		await s.waitFor('Done');
	});

	it('an API error is shown as a readable message with the next step, and what exists', async () => {
		const services = fakeServices();
		services.api.fail(
			'createSecurityGroup',
			cloudError(
				'QuotaExceed.SecurityGroup',
				'The maximum number of security groups in this region is reached.',
				'Delete unused groups or ask for a higher quota.',
				'quota',
			),
		);
		const {s, outcomes} = start({answers: full, services});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		const frame = await s.waitFor('Failed');
		expect(frame).toContain('The maximum number of security groups in this region is reached.');
		expect(frame).toContain('Next: Delete unused groups or ask for a higher quota.');
		expect(frame).toContain('Nothing was created.');
		await vi.waitFor(() => expect(outcomes[0]).toMatchObject({status: 'failed'}));
	});

	it('after the group was made, says it exists and how to finish or delete it', async () => {
		const services = fakeServices();
		services.api.fail('authorizeSecurityGroup', cloudError('InvalidParameter', 'A rule was refused.'));
		const {s} = start({answers: full, services});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		const frame = await s.waitFor('Failed');
		expect(frame).toMatch(/sg-fake00000001 exists in cn-hangzhou without all of its rules/);
		expect(frame).toContain('ecs-sg resume');
	});

	it('--yes with every answer given goes straight to Submitting', async () => {
		const {s, services} = start({answers: full, yes: true});
		await s.waitFor('Next (follow-up operations)');
		expect(s.frames().some((f) => f.includes('Check everything'))).toBe(false);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(1);
	});

	it('--yes stops at Review when the name is already used there', async () => {
		const services = fakeServices();
		const base = {description: '', type: 'normal' as const, creationTime: '', resourceGroupId: '', tags: []};
		services.api.groups.push({...base, id: 'sg-dup', name: 'web-sg', vpcId: 'vpc-cnhang00000', rules: []});
		const {s} = start({answers: full, yes: true, services});
		await s.waitFor('already exists here: sg-dup');
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
	});

	it('in plan mode ends with the answers and creates nothing', async () => {
		const {s, services, outcomes} = start({answers: full, mode: 'plan'});
		await s.waitFor('Enter/y show the plan');
		await s.press(keys.enter);
		await vi.waitFor(() => expect(outcomes[0]).toMatchObject({status: 'planned', answers: {name: 'web-sg'}}));
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
	});
});

describe('Ctrl+C', () => {
	it('mid-way cancels and says nothing was created', async () => {
		const {s, outcomes, services} = start({answers: {regionId: 'cn-hangzhou'}});
		await s.waitFor('Step 2 of 7');
		await s.press(keys.ctrlC);
		await s.waitFor('Cancelled. Nothing was created.');
		expect(outcomes).toEqual([{status: 'cancelled', during: 'editing', complete: false}]);
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
	});

	it('during the create waits for the call in flight, then says exactly what exists', async () => {
		const services = fakeServices();
		services.api.hold('createSecurityGroup');
		const stopped: AbortSignal[] = [];
		const submit = services.submit;
		services.submit = (plan, onEvent, signal) => {
			if (signal) stopped.push(signal);
			return submit(plan, onEvent, signal);
		};
		const {s, outcomes} = start({answers: full, services});
		await s.waitFor('Step 7 of 7');
		await s.press(keys.enter);
		await s.waitFor(/CreateSecurityGroup\s+running/);
		await s.press(keys.ctrlC);
		await s.waitFor('Stopping after the call in flight');
		expect(stopped[0]?.aborted).toBe(true);
		expect(outcomes).toHaveLength(0);
		services.api.release('createSecurityGroup');
		await vi.waitFor(() => expect(outcomes[0]).toMatchObject({status: 'cancelled', during: 'submitting'}));
	});
});

describe('unfinished creates at start', () => {
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

	it('says what exists and finishes it on request before the wizard starts', async () => {
		const services = fakeServices({journal: memoryJournal([entry])});
		const finish = vi.fn(async () => ({ok: true, message: 'Finished: group sg-half now has all its rules.'}));
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
			finish,
			remove: vi.fn(),
		};
		const {s} = start({services});
		const frame = await s.waitFor('Group sg-half exists with 0 of its rules; 4 still to add.');
		expect(frame).toContain('old-sg in cn-hangzhou');
		await s.press('f');
		await s.waitFor('Finished: group sg-half');
		expect(finish).toHaveBeenCalledWith(entry);
		await s.press(keys.enter);
		await s.waitFor('Region');
	});

	it('comes before --yes: nothing is created while the user decides', async () => {
		const services = fakeServices({journal: memoryJournal([entry])});
		const {s} = start({services, answers: full, yes: true});
		await s.waitFor('Unfinished create');
		await new Promise((r) => setTimeout(r, 50));
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(0);
		await s.press(keys.enter);
		await s.waitFor('Next (follow-up operations)');
		expect(services.api.callsOf('createSecurityGroup')).toHaveLength(1);
	});

	it('without resume services, points to ecs-sg resume and lets the user go on', async () => {
		const {s} = start({services: fakeServices({journal: memoryJournal([entry])})});
		await s.waitFor('Unfinished create');
		expect(s.lastFrame()).toContain('ecs-sg resume');
		await s.press(keys.enter);
		await s.waitFor('China (Hangzhou)');
	});
});

describe('layout', () => {
	const screens: [string, Draft, string][] = [
		['Region', {}, 'China (Hangzhou)'],
		['Template', {regionId: 'cn-hangzhou'}, 'Rules of'],
		['Name', {regionId: 'cn-hangzhou', template: 'web-linux', rules: templateRules('web-linux')}, 'Step 3'],
		['Network', {...full, network: undefined, vpcId: undefined}, 'Step 5'],
		['VPC', {...full, vpcId: undefined}, 'default-vpc'],
		['Review', full, 'Step 7'],
	];

	it.each(screens)('%s fits 80x24', async (_name, answers, text) => {
		const vpcs = {'cn-hangzhou': makeVpcs('cn-hangzhou', 200)};
		const {s} = start({
			answers,
			services: fakeServices({vpcs, regions: manyRegions()}),
			size: {columns: 80, rows: 24},
		});
		const frame = await s.waitFor(text);
		const lines = dynamicLines(frame);
		expect(lines.length).toBeLessThan(24);
		expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
	});

	it('sizes the list window from the terminal rows, and follows a resize', async () => {
		const {s} = start({services: fakeServices({regions: manyRegions()}), size: {columns: 80, rows: 24}});
		await s.waitFor('Region 01');
		const count = (f: string) => f.split('\n').filter((l) => /Region \d\d/.test(l)).length;
		const tall = count(s.lastFrame());
		s.resize(60, 14);
		await s.waitFor((f) => count(f) < tall);
		expect(dynamicLines(s.lastFrame()).length).toBeLessThan(14);
		s.resize(100, 40);
		await s.waitFor((f) => count(f) > tall);
	});
});

function manyRegions() {
	return Array.from({length: 40}, (_, i) => ({
		id: i === 0 ? 'cn-hangzhou' : `xx-region${i}`,
		localName: i === 0 ? 'China (Hangzhou)' : `Region ${String(i).padStart(2, '0')}`,
		endpoint: 'x',
	}));
}
