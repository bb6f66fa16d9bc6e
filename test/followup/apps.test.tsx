// The follow-up Ink apps against the sandbox in this process, through the real adapter: what each screen draws
// and what each run ends with (refusals the API gives, Ctrl+C while calls run), read as a person would.
import {afterEach, describe, expect, it} from 'vitest';
import {CloudError} from '../../source/cloud/errors.js';
import {createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import {followupCalls} from '../../source/commands/followup.js';
import {presetRule} from '../../source/domain/presets.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {CallList} from '../../source/wizard/followup/call-list.js';
import {InstancesApp} from '../../source/wizard/followup/instances-app.js';
import {RulesApp} from '../../source/wizard/followup/rules-app.js';
import {exitCodeOf, type FollowupOutcome} from '../../source/wizard/followup/services.js';
import {followupState, ids, region} from '../e2e/followup-helpers.js';
import {keys, renderInk} from '../helpers/ink.js';

let sandbox: Sandbox | undefined;
let api: PopEcsApi | undefined;

async function open(latencyMs = 0) {
	sandbox = await startSandbox({port: 0, initialState: structuredClone(followupState), latencyMs});
	api = createEcsApi({
		credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
		endpoint: sandbox.endpoint,
		retry: {tries: 2, baseDelayMs: 1, maxDelayMs: 5},
		timeoutMs: 3000,
	});
	return {sandbox, api};
}

afterEach(async () => {
	api?.close();
	await sandbox?.close();
	sandbox = undefined;
	api = undefined;
});

describe('CallList', () => {
	it("puts the API's membership refusals in the person's words, with the code", async () => {
		const error = new CloudError('invalid', 'InvalidOperation.MultiGroupType', 'raw', 'next');
		const s = renderInk(
			<CallList
				calls={[
					{
						call: {kind: 'join', regionId: region, groupId: ids.db, instanceId: ids.iso01},
						state: 'failed',
						attempt: 1,
						error,
					},
				]}
			/>,
		);
		const frame = await s.waitFor('JoinSecurityGroup');
		expect(frame).toMatch(/✖ JoinSecurityGroup i-bp1iso01000000000001\s+failed/);
		// (The reason wraps at the terminal's edge: compare with the line breaks taken out.)
		expect(frame.replace(/\s+/g, ' ')).toContain(
			'cannot be in normal and enterprise security groups at once',
		);
		expect(frame).toContain('(InvalidOperation.MultiGroupType)');
		s.unmount();
	});
});

describe('InstancesApp', () => {
	it('a call the API refuses after the checks is shown with its reason, and the run ends with exit 1', async () => {
		const world = await open();
		world.sandbox.addFault({action: 'JoinSecurityGroup', kind: 'internal', count: 5});
		const ended: FollowupOutcome[] = [];
		const s = renderInk(
			<InstancesApp
				services={{api: world.api, ...followupCalls(world.api)}}
				start={{regionId: region, groupId: ids.db}}
				onExit={(o) => ended.push(o)}
			/>,
		);
		await s.waitFor('web-01');
		await s.type('web-01');
		await s.waitFor('(1 of 4)');
		await s.press(' ', keys.enter);
		await s.waitFor('Add to the group (1):');
		await s.press('y');
		const done = await s.waitFor('Finished with errors', 8000);
		expect(done).toMatch(/✖ JoinSecurityGroup i-bp1web0100000000001\s+failed/);
		expect(done).toMatch(/InternalError/);
		expect(done).toContain('1 instance was not changed');
		await s.press('q');
		await s.exited;
		expect(ended).toHaveLength(1);
		expect(exitCodeOf(ended[0] as FollowupOutcome)).toBe(1);
	});
});

describe('RulesApp', () => {
	it('counts a step the flags answered once the person goes back to it: the numbers never run backwards', async () => {
		const world = await open();
		const s = renderInk(
			<RulesApp services={{api: world.api, ...followupCalls(world.api)}} start={{regionId: region}} />,
		);
		// --region answered the region: the group is step 1 of 3 (group, rules, review).
		await s.waitFor(/Security group\s+Step 1 of 3/);
		await s.press(keys.escape);
		await s.waitFor(/Region\s+Step 1 of 4/);
		await s.press(keys.enter);
		await s.waitFor(/Security group\s+Step 2 of 4/);
		s.unmount();
	});

	it("the presets for admin and database ports start from the group's own VPC block, not 10.0.0.0/8", async () => {
		const world = await open();
		const s = renderInk(
			<RulesApp
				services={{api: world.api, ...followupCalls(world.api)}}
				start={{regionId: region, groupId: ids.web}}
				onExit={() => {}}
			/>,
		);
		await s.waitFor(/TCP\s+80/, 8000);
		await s.press('p');
		// The followup world's VPC is 10.0.0.0/16; web ports stay open to all.
		const list = await s.waitFor(/SSH\s+TCP 22\s+10\.0\.0\.0\/16/);
		expect(list).toMatch(/HTTPS\s+TCP 443\s+0\.0\.0\.0\/0/);
		await s.press(keys.enter);
		await s.waitFor(/Ports\s+22[\s\S]*Source\s+❯/);
		await s.press(keys.enter);
		await s.waitFor(/\+ inbound\s+TCP\s+22\s+10\.0\.0\.0\/16/);
	});

	it('Ctrl+C while a call runs: it finishes, the rest are not sent, the run ends cancelled (130)', async () => {
		const world = await open(300);
		const ended: FollowupOutcome[] = [];
		const s = renderInk(
			<RulesApp
				services={{api: world.api, ...followupCalls(world.api)}}
				start={{regionId: region, groupId: ids.web}}
				onExit={(o) => ended.push(o)}
			/>,
		);
		await s.waitFor(/TCP\s+80/, 8000);
		// One removal and one addition: two calls, Revoke first.
		await s.press(keys.down, 'd', 'p');
		await s.waitFor('Add a preset rule');
		await s.press(keys.enter);
		await s.waitFor(/Ports\s+22[\s\S]*Source\s+❯/);
		await s.press(keys.enter);
		await s.waitFor(/\+ inbound\s+TCP\s+22\s+10\.0\.0\.0\/8/);
		await s.press(keys.enter);
		await s.waitFor('1 to add, 1 to remove');
		await s.press('y');
		await s.waitFor(/RevokeSecurityGroup \(1 rule\)\s+running/);
		await s.press(keys.ctrlC);
		await s.waitFor('Stopping after the call in flight');
		await s.exited;
		expect(ended[0]?.status).toBe('cancelled');
		expect(exitCodeOf(ended[0] as FollowupOutcome)).toBe(130);
		const outcome = ended[0]?.status === 'cancelled' ? ended[0].outcome : undefined;
		expect(outcome?.outcomes.map((o) => o.state)).toEqual(['done', 'skipped']);
		const rules = (await world.api.describeSecurityGroupAttribute(region, ids.web)).rules;
		expect(rules.map((r) => r.portRange)).toEqual(['22/22']);
	});

	it('a stop signal while a call runs is taken like Ctrl+C; the calls stay on screen with what became of each', async () => {
		const world = await open(300);
		const ended: FollowupOutcome[] = [];
		const listeners = new Set<() => void>();
		const s = renderInk(
			<RulesApp
				services={{api: world.api, ...followupCalls(world.api)}}
				start={{
					regionId: region,
					groupId: ids.web,
					queue: {add: [presetRule('ssh', 'ingress', '10.0.0.0/8')], remove: []},
				}}
				onExit={(o) => ended.push(o)}
				interrupts={(listener) => {
					listeners.add(listener);
					return () => listeners.delete(listener);
				}}
			/>,
		);
		await s.waitFor(/\+ inbound\s+TCP\s+22\s+10\.0\.0\.0\/8/);
		await s.press(keys.down, 'd');
		await s.waitFor(/- inbound\s+TCP\s+80/);
		await s.press(keys.enter);
		await s.waitFor('1 to add, 1 to remove');
		await s.press('y');
		await s.waitFor(/RevokeSecurityGroup \(1 rule\)\s+running/);
		expect(listeners.size).toBe(1);
		for (const listener of listeners) listener();
		await s.waitFor('Stopping after the call in flight');
		await s.exited;
		expect(s.lastFrame()).toMatch(/✔ RevokeSecurityGroup/);
		expect(s.lastFrame()).toContain(
			'Cancelled: the calls marked done above were made; the rest were not sent.',
		);
		expect(ended[0]?.status).toBe('cancelled');
		const outcome = ended[0]?.status === 'cancelled' ? ended[0].outcome : undefined;
		expect(outcome?.outcomes.map((o) => o.state)).toEqual(['done', 'skipped']);
	});
});
