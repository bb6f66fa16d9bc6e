// CloudData.primeRegions: the cached region list is there before the first render, without a call to the API,
// so the Region step's first frame is its list rather than a spinner the next render replaces.
import {describe, expect, it} from 'vitest';
import {CloudData} from '../../source/wizard/cloud-data.js';
import {FakeApi, memorySettings} from '../helpers/fake-api.js';

const cached = [{id: 'cn-old', localName: 'Old region', endpoint: 'ecs.cn-old.aliyuncs.com'}];

describe('primeRegions', () => {
	it('takes the cached list at once and asks the API nothing', () => {
		const api = new FakeApi();
		const data = new CloudData(api, memorySettings({}, {'en-US': cached}), 'en-US');
		data.primeRegions();
		expect(data.regions()).toMatchObject({list: cached, fromCache: true});
		expect(api.callsOf('describeRegions')).toHaveLength(0);
	});

	it('leaves the list empty without a cache for the language', () => {
		const data = new CloudData(new FakeApi(), memorySettings({}, {'zh-CN': cached}), 'en-US');
		data.primeRegions();
		expect(data.regions().list).toBeUndefined();
	});

	it('leaves an unreadable settings file to loadRegions', () => {
		const settings = {
			...memorySettings(),
			cachedRegions: () => {
				throw new Error('broken settings');
			},
		};
		const data = new CloudData(new FakeApi(), settings, 'en-US');
		expect(() => data.primeRegions()).not.toThrow();
		expect(data.regions().list).toBeUndefined();
	});
});
