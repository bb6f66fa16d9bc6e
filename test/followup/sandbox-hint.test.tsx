// Against the sandbox, the follow-up screens say so in every heading, and an empty instance list says where the
// sandbox's seeded instances are: a newcomer who made a group in another VPC can still try the screen.
import {afterEach, describe, expect, it} from 'vitest';
import {createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import {followupCalls} from '../../source/commands/followup.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {seedWorld} from '../../source/sandbox/seed.js';
import {t} from '../../source/text/index.js';
import {InstancesApp} from '../../source/wizard/followup/instances-app.js';
import {renderInk} from '../helpers/ink.js';

const region = 'cn-shanghai';
const badge = '◆ sandbox: no real account';

let sandbox: Sandbox | undefined;
let api: PopEcsApi | undefined;

afterEach(async () => {
	api?.close();
	await sandbox?.close();
});

/** A new group in the seeded `prod` VPC of cn-shanghai, which holds no instances. */
async function groupWithoutInstances(): Promise<string> {
	sandbox = await startSandbox({port: 0});
	api = createEcsApi({
		credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
		endpoint: sandbox.endpoint,
		retry: {tries: 1, baseDelayMs: 1, maxDelayMs: 1},
		timeoutMs: 3000,
	});
	const prod = (await api.describeVpcs(region)).find((v) => v.name === 'prod');
	if (!prod) throw new Error('the seed has no prod VPC in cn-shanghai');
	const made = await api.createSecurityGroup({
		regionId: region,
		vpcId: prod.id,
		name: 'empty-vpc-sg',
		type: 'normal',
		tags: [],
		clientToken: 'sandbox-hint-test',
	});
	return made.groupId;
}

describe('the instance screen against the sandbox', () => {
	it('names the regions and VPC where the seed put instances, as the seed has them', () => {
		const world = seedWorld();
		const seeded = new Set(
			world.instances.map((i) => {
				const vpc = world.vpcs.find((v) => v.VpcId === i.VpcAttributes.VpcId);
				return `${vpc?.VpcName} ${i.RegionId}`;
			}),
		);
		const text = t('followup.instances.sandboxSeed');
		expect(seeded.size).toBeGreaterThan(0);
		for (const place of seeded) {
			const [vpc, regionId] = place.split(' ') as [string, string];
			expect(text).toContain(vpc);
			expect(text).toContain(regionId);
		}
		const named = text.match(/\b(?:cn|ap|us|eu|me)-[a-z0-9-]+\b/g) ?? [];
		expect(new Set(named)).toEqual(new Set([...seeded].map((p) => p.split(' ')[1])));
	});

	it('says where to try it when the group’s VPC is empty, with the sandbox mark in the heading', async () => {
		const groupId = await groupWithoutInstances();
		const s = renderInk(
			<InstancesApp
				services={{api: api as PopEcsApi, ...followupCalls(api as PopEcsApi), sandbox: true}}
				start={{regionId: region, groupId}}
			/>,
		);
		const frame = await s.waitFor('has no instances yet');
		expect(frame).toContain(badge);
		expect(frame.replace(/\s+/g, ' ')).toContain('In the sandbox, the instances are in default-vpc');
		s.unmount();
	});

	it('says neither against a real endpoint', async () => {
		const groupId = await groupWithoutInstances();
		const s = renderInk(
			<InstancesApp
				services={{api: api as PopEcsApi, ...followupCalls(api as PopEcsApi)}}
				start={{regionId: region, groupId}}
			/>,
		);
		const frame = await s.waitFor('has no instances yet');
		expect(frame).not.toContain(badge);
		expect(frame).not.toContain('In the sandbox');
		s.unmount();
	});
});
