// What reading a group costs and how its failures surface: callers that need only the rules pay one call
// (DescribeSecurityGroupAttribute); callers that need the summary (type, tags, creation time) get the second
// call's failure classified, not swallowed. And keys that could not be had (config/'s ConfigError) reach every
// caller as a CloudError of kind 'credentials' or 'network'.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {applyChanges} from '../../source/cloud/changes.js';
import {inspectUnfinished} from '../../source/cloud/engine.js';
import {CloudError} from '../../source/cloud/errors.js';
import {readMembers} from '../../source/cloud/members.js';
import {type AdapterOptions, createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import {ConfigError} from '../../source/config/errors.js';
import type {JournalEntry} from '../../source/config/types.js';
import type {ChangeCall} from '../../source/domain/plan-types.js';
import {apiFail, type FakeCloud, ok, startFakeCloud} from './fake-cloud.js';

const REGION = 'cn-hangzhou';
const GROUP = 'sg-1';
const VPC = 'vpc-1';
const ATTRIBUTE = 'DescribeSecurityGroupAttribute';
const SUMMARY = 'DescribeSecurityGroups';

let cloud: FakeCloud;
let api: PopEcsApi;

const count = (action: string): number => cloud.seen.filter((s) => s.params.Action === action).length;

async function failure(promise: Promise<unknown>): Promise<CloudError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(CloudError);
		return error as CloudError;
	}
	throw new Error('expected the call to fail');
}

const open = (credentials: AdapterOptions['credentials'] = cloud.keys): PopEcsApi => {
	api = createEcsApi({
		credentials,
		endpoint: cloud.endpoint,
		retry: {tries: 2, baseDelayMs: 1, maxDelayMs: 2},
		timeoutMs: 2000,
	});
	return api;
};

beforeEach(async () => {
	cloud = await startFakeCloud();
	cloud.on(ATTRIBUTE, () =>
		ok({SecurityGroupId: GROUP, SecurityGroupName: 'web', VpcId: VPC, Permissions: {Permission: []}}),
	);
	cloud.on(SUMMARY, () =>
		ok({
			TotalCount: 2,
			SecurityGroups: {
				SecurityGroup: [
					{SecurityGroupId: GROUP, SecurityGroupName: 'web', VpcId: VPC, SecurityGroupType: 'enterprise'},
					{SecurityGroupId: 'sg-2', SecurityGroupName: 'db', VpcId: VPC},
				],
			},
		}),
	);
	cloud.on('DescribeInstances', () => ok({TotalCount: 0, Instances: {Instance: []}}));
});
afterEach(async () => {
	api?.close();
	await cloud.close();
});

describe('DescribeSecurityGroupAttribute', () => {
	it('asks DescribeSecurityGroups too by default, for the type only it knows', async () => {
		const detail = await open().describeSecurityGroupAttribute(REGION, GROUP);
		expect(detail.type).toBe('enterprise');
		expect([count(ATTRIBUTE), count(SUMMARY)]).toEqual([1, 1]);
	});

	it('costs one call when only the rules are wanted', async () => {
		const detail = await open().describeSecurityGroupAttribute(REGION, GROUP, {summary: false});
		expect(detail).toMatchObject({id: GROUP, name: 'web', vpcId: VPC, rules: []});
		expect([count(ATTRIBUTE), count(SUMMARY)]).toEqual([1, 0]);
	});

	it('surfaces a failed summary call, classified, instead of a group without its type', async () => {
		cloud.queue(SUMMARY, apiFail(403, 'Forbidden.RAM'));
		const error = await failure(open().describeSecurityGroupAttribute(REGION, GROUP));
		expect(error.kind).toBe('forbidden');
		expect(error.code).toBe('Forbidden.RAM');
	});

	it("tells the attribute's own failure (a group that is gone) before the summary's", async () => {
		cloud.queue(ATTRIBUTE, apiFail(404, 'InvalidSecurityGroupId.NotFound'));
		cloud.queue(SUMMARY, apiFail(403, 'Forbidden.RAM'));
		const error = await failure(open().describeSecurityGroupAttribute(REGION, GROUP));
		expect(error.kind).toBe('group-not-found');
	});

	it('is read once by the instances follow-up: the group comes with the groups of its network', async () => {
		const members = await readMembers(open(), REGION, GROUP);
		expect(members.group).toMatchObject({id: GROUP, type: 'enterprise'});
		expect(members.groups.map((g) => g.id)).toEqual([GROUP, 'sg-2']);
		expect([count(ATTRIBUTE), count(SUMMARY)]).toEqual([1, 1]);
	});

	it('is read once by resume, which compares only the rules', async () => {
		const at = new Date().toISOString();
		const plan = {
			id: 'p1',
			regionId: REGION,
			create: {regionId: REGION, name: 'web', type: 'normal', tags: [], clientToken: 'tok'},
			authorize: [],
		};
		const entry = {
			id: 'p1',
			createdAt: at,
			updatedAt: at,
			target: {},
			regionId: REGION,
			payload: {version: 1, plan, groupId: GROUP, authorized: 0, requestIds: []},
		} as JournalEntry;
		expect((await inspectUnfinished(entry, open())).group).toBe('exists');
		expect([count(ATTRIBUTE), count(SUMMARY)]).toEqual([1, 0]);
	});
});

describe('keys that could not be had', () => {
	const STS_REFUSED = new ConfigError(
		'credentials',
		'RamRoleArn credentials (profile ops): STS refused AssumeRole (EntityNotExist.Role).',
		'Check the role ARN.',
	);
	const STS_UNREACHABLE = new ConfigError(
		'unreachable',
		'RamRoleArn credentials (profile ops): STS could not be reached (ECONNREFUSED).',
		'Check the network, then try again.',
	);
	const failing = (error: ConfigError) => ({
		getCredentials: async (): Promise<never> => {
			throw error;
		},
	});

	it.each([
		['STS refused', STS_REFUSED, 'credentials'],
		['STS unreachable', STS_UNREACHABLE, 'network'],
	] as const)('%s: reaches the caller as kind %s, in config/ words, not retried', async (_, cause, kind) => {
		const error = await failure(open(failing(cause)).describeRegions());
		expect(error.kind).toBe(kind);
		expect(error.sentence).toBe(cause.sentence);
		expect(error.next).toBe(cause.next);
		expect(error.details.retryable).toBe(false);
		expect(cloud.seen).toHaveLength(0);
	});

	it('stops a round of changes: the calls after it are skipped, not each refused in turn', async () => {
		const input = {regionId: REGION, groupId: GROUP, rules: [], nicType: 'intranet' as const};
		const calls: ChangeCall[] = [
			{kind: 'revoke', input},
			{kind: 'authorize', input},
		];
		const outcome = await applyChanges(open(failing(STS_REFUSED)), calls);
		expect(outcome.outcomes.map((o) => o.state)).toEqual(['failed', 'skipped']);
		expect(outcome.outcomes[0]?.error?.kind).toBe('credentials');
	});
});
