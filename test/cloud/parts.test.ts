import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {centralEcsEndpoint, endpointFor, toUrl} from '../../source/cloud/endpoints.js';
import {list, toPlain} from '../../source/cloud/mappers.js';
import {fetchAllPages} from '../../source/cloud/paging.js';
import {flattenParams} from '../../source/cloud/params.js';

describe('endpoints', () => {
	it('uses the region list endpoint for ECS, vpc.<region> for VPC, and the central one for DescribeRegions', () => {
		const known = (id: string) => (id === 'cn-hangzhou' ? 'ecs.aliyuncs.com' : undefined);
		expect(endpointFor('ecs', 'cn-hangzhou', {regionEndpoint: known})).toBe('https://ecs.aliyuncs.com');
		expect(endpointFor('ecs', 'eu-west-1', {regionEndpoint: known})).toBe(
			'https://ecs.eu-west-1.aliyuncs.com',
		);
		expect(endpointFor('vpc', 'cn-hangzhou', {regionEndpoint: known})).toBe(
			'https://vpc.cn-hangzhou.aliyuncs.com',
		);
		expect(endpointFor('ecs', undefined, {})).toBe(centralEcsEndpoint);
	});

	it('sends everything to the override', () => {
		for (const product of ['ecs', 'vpc'] as const) {
			expect(endpointFor(product, 'cn-hangzhou', {override: 'http://127.0.0.1:9/'})).toBe(
				'http://127.0.0.1:9',
			);
		}
		expect(endpointFor('ecs', undefined, {override: 'http://127.0.0.1:9'})).toBe('http://127.0.0.1:9');
		expect(toUrl('ecs.cn-beijing.aliyuncs.com')).toBe('https://ecs.cn-beijing.aliyuncs.com');
	});
});

describe('flattenParams', () => {
	it('drops empty values, stringifies scalars and flattens lists of objects 1-based', () => {
		expect(
			flattenParams({
				A: 'x',
				B: undefined,
				C: null,
				D: '',
				E: 5,
				F: false,
				Tag: [
					{Key: 'k', Value: ''},
					{Key: 'k2', Value: 'v2'},
				],
				Names: ['a', 'b'],
			}),
		).toEqual({
			A: 'x',
			E: '5',
			F: 'false',
			'Tag.1.Key': 'k',
			'Tag.2.Key': 'k2',
			'Tag.2.Value': 'v2',
			'Names.1': 'a',
			'Names.2': 'b',
		});
	});

	it('refuses a bare object, which pop-core would send as [object Object]', () => {
		expect(() => flattenParams({A: {b: 1}})).toThrow(TypeError);
	});
});

// The parser pop-core uses (a dependency of it), to get objects exactly as pop-core returns them.
const jsonBig = createRequire(import.meta.url)('json-bigint') as {parse(text: string): unknown};

describe('toPlain and list', () => {
	it('gives ordinary prototypes and turns BigNumbers into numbers or exact strings', () => {
		const raw = jsonBig.parse('{"Big":253460731706911260123,"Small":42,"Nested":[{"A":1}]}');
		expect(Object.getPrototypeOf(raw)).toBe(null);
		const plain = toPlain(raw) as Record<string, unknown>;
		expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
		expect(plain).toEqual({Big: '253460731706911260123', Small: 42, Nested: [{A: 1}]});
		expect(Object.getPrototypeOf((plain.Nested as object[])[0])).toBe(Object.prototype);
	});

	it('unwraps the API list wrappers and tolerates their absence', () => {
		expect(list({Vpcs: {Vpc: [{VpcId: 'a'}]}}, 'Vpcs', 'Vpc')).toEqual([{VpcId: 'a'}]);
		expect(list({Vpcs: [{VpcId: 'b'}]}, 'Vpcs', 'Vpc')).toEqual([{VpcId: 'b'}]);
		expect(list({}, 'Vpcs', 'Vpc')).toEqual([]);
	});
});

describe('fetchAllPages', () => {
	it('returns the first page alone when it is short, whatever the total claims', async () => {
		const asked: number[] = [];
		const items = await fetchAllPages(
			async (page) => {
				asked.push(page);
				return {items: [1, 2], total: 500, pageSize: 50};
			},
			{pageSize: 50, concurrency: 4},
		);
		expect(items).toEqual([1, 2]);
		expect(asked).toEqual([1]);
	});

	it('reports the failing page error and cancels the other pages', async () => {
		const aborted: number[] = [];
		const failing = fetchAllPages(
			(page, signal) =>
				new Promise<{items: number[]; total: number}>((resolve, reject) => {
					if (page === 1) resolve({items: Array(10).fill(page), total: 50});
					else if (page === 2) setTimeout(() => reject(new Error('page 2 broke')), 10);
					else
						signal.addEventListener('abort', () => {
							aborted.push(page);
							const error = new Error('aborted');
							error.name = 'AbortError';
							reject(error);
						});
				}),
			{pageSize: 10, concurrency: 4},
		);
		await expect(failing).rejects.toThrow('page 2 broke');
		expect(aborted.length).toBeGreaterThan(0);
	});
});
