// How long the VPC list of a region takes to be complete, against the latency of one DescribeVpcs request: a
// sandbox answering every call after `latencyMs`, 1,000 VPCs in cn-hangzhou (20 pages of 50) and 50 in
// cn-shanghai (one page of 50), both read through the real adapter (signing, keep-alive, paging), medians of
// `runs` interleaved reads after one warm-up of each.
import {createEcsApi} from '../../source/cloud/pop-adapter.js';
import {startSandbox} from '../../source/sandbox/index.js';
import {median} from './pty-clock.js';
import {manyVpcs} from './world.js';

export type VpcListResult = {
	listMs: number;
	oneRequestMs: number;
	vpcs: number;
	pages: number;
	latencyMs: number;
	runs: number;
};

export async function measureVpcList(
	options: {latencyMs?: number; vpcs?: number; runs?: number} = {},
): Promise<VpcListResult> {
	const latencyMs = options.latencyMs ?? 100;
	const count = options.vpcs ?? 1000;
	const runs = options.runs ?? 7;
	const oneRegion = manyVpcs('cn-shanghai', 50).map((v) => ({...v, VpcId: `${v.VpcId}sh`}));
	const sandbox = await startSandbox({
		latencyMs,
		initialState: {vpcs: [...manyVpcs('cn-hangzhou', count), ...oneRegion]},
	});
	const api = createEcsApi({
		credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
		endpoint: sandbox.endpoint,
	});
	const timed = async (regionId: string, expected: number): Promise<number> => {
		const started = performance.now();
		const vpcs = await api.describeVpcs(regionId);
		const ms = performance.now() - started;
		if (vpcs.length !== expected) throw new Error(`read ${vpcs.length} VPCs in ${regionId}, not ${expected}`);
		return ms;
	};
	try {
		await timed('cn-shanghai', 50);
		await timed('cn-hangzhou', count);
		const list: number[] = [];
		const one: number[] = [];
		for (let i = 0; i < runs; i++) {
			one.push(await timed('cn-shanghai', 50));
			list.push(await timed('cn-hangzhou', count));
		}
		return {
			listMs: median(list),
			oneRequestMs: median(one),
			vpcs: count,
			pages: Math.ceil(count / 50),
			latencyMs,
			runs,
		};
	} finally {
		api.close();
		await sandbox.close();
	}
}
