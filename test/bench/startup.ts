// Start-up to the first interactive frame, in a pseudo-terminal: the bundled CLI until the Region step shows
// its list (regions cached, credentials from env, --endpoint at the bench's sandbox), the Ink floor until its
// one line shows (built like the CLI, and built plainly, without the bundle's plugins), and `node -e 0` until
// it exits. Runs are interleaved (floor, CLI, node, plain floor, floor, ...) so a burst of load on the machine
// hits all of them alike; the medians are compared.
import {type Clocked, clocked, median} from './pty-clock.js';
import {type BenchWorld, floorPath, plainFloorPath} from './world.js';

export type StartupResult = {
	cliMs: number;
	floorMs: number;
	plainFloorMs: number;
	nodeMs: number;
	/** Main-thread CPU time used by the time the frame showed (less sensitive to a busy machine). */
	cliCpuMs: number;
	floorCpuMs: number;
	runs: number;
	/** The median of each other build given with --compare (e.g. one without a patch), by its path. */
	compared: Record<string, number>;
};

/** The Region step with its list: the heading, and a region id on a list row. */
export const regionFrame = /Step 1 of \d[\s\S]*cn-hangzhou/;

async function once(run: Clocked, needle: string | RegExp | 'exit'): Promise<{ms: number; cpuMs: number}> {
	try {
		if (needle === 'exit') return {ms: (await run.exited).at, cpuMs: Number.NaN};
		const ms = await run.until(needle);
		return {ms, cpuMs: run.cpuAtMatch()};
	} finally {
		run.kill();
		await run.exited;
	}
}

export async function measureStartup(
	world: BenchWorld,
	options: {runs?: number; cli?: string; floor?: string; compare?: readonly string[]} = {},
): Promise<StartupResult> {
	const runs = options.runs ?? 21;
	const env = world.env;
	const args = world.cliArgs();
	if (options.cli) args[0] = options.cli;
	const cli: {ms: number; cpuMs: number}[] = [];
	const floor: {ms: number; cpuMs: number}[] = [];
	const node: number[] = [];
	const plain: number[] = [];
	const others = options.compare ?? [];
	const compared: Record<string, number[]> = Object.fromEntries(others.map((file) => [file, []]));
	// One unmeasured round warms the file cache for all three.
	for (let i = -1; i < runs; i++) {
		const f = await once(clocked([options.floor ?? floorPath], {env}), 'Ink floor');
		const c = await once(clocked(args, {env}), regionFrame);
		const n = await once(clocked(['-e', '0'], {env}), 'exit');
		const p = await once(clocked([plainFloorPath], {env}), 'Ink floor');
		// Each other build right after the CLI's own run, so both meet the same load.
		const o: number[] = [];
		for (const file of others) o.push((await once(clocked([file, ...args.slice(1)], {env}), regionFrame)).ms);
		if (i < 0) continue;
		others.forEach((file, k) => {
			compared[file]?.push(o[k] as number);
		});
		plain.push(p.ms);
		floor.push(f);
		cli.push(c);
		node.push(n.ms);
	}
	return {
		cliMs: median(cli.map((r) => r.ms)),
		floorMs: median(floor.map((r) => r.ms)),
		plainFloorMs: median(plain),
		nodeMs: median(node),
		cliCpuMs: median(cli.map((r) => r.cpuMs)),
		floorCpuMs: median(floor.map((r) => r.cpuMs)),
		runs,
		compared: Object.fromEntries(Object.entries(compared).map(([file, ms]) => [file, median(ms)])),
	};
}
