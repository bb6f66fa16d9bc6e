// The `rules` follow-up on a group with 200 rules (issue 15 item 13): End shows the last rules with the others
// counted above and nothing below; PageUp/PageDown move a window at a time, and the marks stay true.
import {afterEach, describe, expect, it} from 'vitest';
import {createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import type {Rule} from '../../source/domain/model.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {RulesApp} from '../../source/wizard/followup/rules-app.js';
import {followupState, ids, region} from '../e2e/followup-helpers.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const TOTAL = 200;

let sandbox: Sandbox | undefined;
let api: PopEcsApi | undefined;
let session: InkSession | undefined;
afterEach(async () => {
	session?.unmount();
	api?.close();
	await sandbox?.close();
});

const rule = (i: number): Rule => ({
	direction: 'ingress',
	protocol: 'tcp',
	portRange: `${10000 + i}/${10000 + i}`,
	peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
	policy: 'accept',
	priority: 1,
});

/** The inbound rows shown, and the rows above the window and below it, as the frame says them. */
function window(frame: string) {
	const rows = frame.split('\n').filter((l) => /^\S?\s+\S?\s*inbound\s/.test(l)).length;
	const above = Number(/↑ (\d+) more/.exec(frame)?.[1] ?? 0);
	const below = Number(/↓ (\d+) more/.exec(frame)?.[1] ?? 0);
	return {rows, above, below};
}

describe('rules on a group with 200 rules', () => {
	it('counts what is above and below the window, after End, Home, PageDown and PageUp', async () => {
		sandbox = await startSandbox({port: 0, initialState: structuredClone(followupState)});
		api = createEcsApi({
			credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
			endpoint: sandbox.endpoint,
			retry: {tries: 2, baseDelayMs: 1, maxDelayMs: 5},
			timeoutMs: 3000,
		});
		const existing = (await api.describeSecurityGroupAttribute(region, ids.web)).rules;
		const wanted = Array.from({length: TOTAL - existing.length}, (_, i) => rule(i));
		for (let at = 0; at < wanted.length; at += 100)
			await api.authorizeSecurityGroup({
				regionId: region,
				groupId: ids.web,
				rules: wanted.slice(at, at + 100),
				nicType: 'intranet',
			});
		const inbound = existing.filter((r) => r.direction === 'ingress').length + wanted.length;
		session = renderInk(<RulesApp services={{api}} start={{regionId: region, groupId: ids.web}} />, {
			columns: 100,
			rows: 30,
		});
		const s = session;
		await s.waitFor(/↓ \d+ more/, 8000);
		const first = window(s.lastFrame());
		expect(first.rows).toBeGreaterThan(3);
		expect(first.above).toBe(0);
		expect(first.below).toBe(inbound - first.rows);

		await s.press(keys.end);
		const end = window(s.lastFrame());
		expect(end.below).toBe(0);
		expect(s.lastFrame()).not.toMatch(/↓ \d+ more/);
		expect(end.above).toBe(inbound - end.rows);

		await s.press(keys.home, keys.pageDown, keys.pageDown);
		const paged = window(s.lastFrame());
		expect(paged.above).toBeGreaterThan(0);
		expect(paged.above + paged.rows + paged.below).toBe(inbound);
		await s.press(keys.pageUp, keys.pageUp);
		expect(window(s.lastFrame()).above).toBe(0);
	});
});
