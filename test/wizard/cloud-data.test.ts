import {describe, expect, it, vi} from 'vitest';
import {CloudData} from '../../source/wizard/cloud-data.js';
import {cloudError, FakeApi, makeVpcs, memorySettings, sampleRegions} from '../helpers/fake-api.js';

const until = (check: () => void) => vi.waitFor(check, {interval: 5, timeout: 2000});

describe('regions', () => {
	it('shows the cached list at once, then the fresh one, and caches it', async () => {
		const cached = [{id: 'cn-old', localName: 'Old region', endpoint: 'ecs.cn-old.aliyuncs.com'}];
		const settings = memorySettings({}, {'en-US': cached});
		const api = new FakeApi().hold('describeRegions');
		const data = new CloudData(api, settings, 'en-US');
		data.loadRegions();
		expect(data.regions()).toMatchObject({list: cached, fromCache: true, refreshing: true});
		api.release('describeRegions');
		await until(() => expect(data.regions().fromCache).toBe(false));
		expect(data.regions().list?.map((r) => r.id)).toEqual(sampleRegions.map((r) => r.id));
		expect(settings.cachedRegions('en-US')?.regions).toHaveLength(sampleRegions.length);
	});

	it('asks in the wizard language', async () => {
		const api = new FakeApi();
		const data = new CloudData(api, undefined, 'zh-CN');
		data.loadRegions();
		await until(() => expect(data.regions().list).toBeDefined());
		expect(api.callsOf('describeRegions')[0]?.args[0]).toMatchObject({language: 'zh-CN'});
	});

	it('keeps the cached list when the refresh fails, and says so', async () => {
		const cached = [{id: 'cn-old', localName: 'Old', endpoint: 'x'}];
		const api = new FakeApi().fail(
			'describeRegions',
			cloudError('ServiceUnavailable', 'The service is unavailable.'),
		);
		const data = new CloudData(api, memorySettings({}, {'en-US': cached}), 'en-US');
		data.loadRegions();
		await until(() => expect(data.regions().refreshing).toBe(false));
		expect(data.regions()).toMatchObject({list: cached, problem: {sentence: 'The service is unavailable.'}});
	});

	it('tells subscribers about every change', async () => {
		const data = new CloudData(new FakeApi(), undefined, 'en-US');
		const seen = vi.fn();
		data.subscribe(seen);
		const before = data.getVersion();
		data.loadRegions();
		await until(() => expect(data.regions().list).toBeDefined());
		expect(seen).toHaveBeenCalled();
		expect(data.getVersion()).toBeGreaterThan(before);
	});
});

describe('per region', () => {
	it('prefetches the VPCs and account attributes once', async () => {
		const api = new FakeApi({
			vpcs: {'cn-hangzhou': makeVpcs('cn-hangzhou', 5)},
			classicRegions: ['cn-hangzhou'],
		});
		const data = new CloudData(api, undefined, 'en-US');
		data.prefetch('cn-hangzhou');
		data.prefetch('cn-hangzhou');
		expect(data.vpcsOf('cn-hangzhou')?.state).toBe('loading');
		await until(() => expect(data.vpcsOf('cn-hangzhou')?.state).toBe('ready'));
		await until(() => expect(data.accountOf('cn-hangzhou')?.state).toBe('ready'));
		expect(api.callsOf('describeVpcs')).toHaveLength(1);
		expect(api.callsOf('describeAccountAttributes')).toHaveLength(1);
		const account = data.accountOf('cn-hangzhou');
		expect(account?.state === 'ready' && account.value.networkTypes).toContain('classic');
	});

	it('records a failure and tries again on the next prefetch', async () => {
		const api = new FakeApi().fail(
			'describeVpcs',
			cloudError('InvalidRegionId.NotFound', 'No such region.', 'Pick another.'),
		);
		const data = new CloudData(api, undefined, 'en-US');
		data.prefetch('cn-x');
		await until(() => expect(data.vpcsOf('cn-x')?.state).toBe('failed'));
		const failed = data.vpcsOf('cn-x');
		expect(failed?.state === 'failed' && failed.problem).toEqual({
			sentence: 'No such region.',
			next: 'Pick another.',
			code: 'InvalidRegionId.NotFound',
		});
		data.prefetch('cn-x');
		await until(() => expect(data.vpcsOf('cn-x')?.state).toBe('ready'));
	});

	it('finds groups with exactly the same name in the same VPC', async () => {
		const base = {description: '', type: 'normal' as const, creationTime: '', resourceGroupId: '', tags: []};
		const api = new FakeApi({
			groups: [
				{...base, id: 'sg-1', name: 'web', vpcId: 'vpc-a'},
				{...base, id: 'sg-2', name: 'web-old', vpcId: 'vpc-a'},
				{...base, id: 'sg-3', name: 'web', vpcId: 'vpc-b'},
			],
		});
		const data = new CloudData(api, undefined, 'en-US');
		data.checkDuplicates('cn-hangzhou', 'vpc-a', 'web');
		await until(() => expect(data.duplicatesOf('cn-hangzhou', 'vpc-a', 'web')?.state).toBe('ready'));
		const found = data.duplicatesOf('cn-hangzhou', 'vpc-a', 'web');
		expect(found?.state === 'ready' && found.value.map((g) => g.id)).toEqual(['sg-1']);
		data.checkDuplicates('cn-hangzhou', 'vpc-a', 'web');
		expect(api.callsOf('describeSecurityGroups')).toHaveLength(1);
	});

	it('drops answers that arrive after dispose', async () => {
		const api = new FakeApi().hold('describeVpcs');
		const data = new CloudData(api, undefined, 'en-US');
		const seen = vi.fn();
		data.subscribe(seen);
		data.prefetch('cn-hangzhou');
		const calls = seen.mock.calls.length;
		data.dispose();
		api.release('describeVpcs');
		await new Promise((r) => setTimeout(r, 20));
		expect(seen).toHaveBeenCalledTimes(calls);
	});
});
