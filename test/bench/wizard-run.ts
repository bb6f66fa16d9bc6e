// A whole wizard run of the built CLI in a pseudo-terminal, as a person would make it: Region (typed filter),
// Template, Name, Description, Network, VPC, Review, Done, against a slow sandbox with many VPCs. Two figures
// come out of it: how long the VPC step waited for its list after arriving (the list is fetched the moment the
// region is chosen, and at least `stepsMs` are spent on the steps in between), and the peak resident memory
// of the process (VmHWM from /proc, read until the Done screen shows).
import fs from 'node:fs';
import {type Clocked, clocked, sleep} from './pty-clock.js';
import type {BenchWorld} from './world.js';

export type WizardRunResult = {
	/** Milliseconds between the VPC step showing and its list showing; 0 when they came in the same frame. */
	vpcWaitMs: number;
	/** Milliseconds from choosing the region to arriving at the VPC step. */
	betweenMs: number;
	peakRssKb: number;
	exitCode: number;
};

const keys = {enter: '\r'};

/** VmHWM (peak resident set) of a live process in kB, or NaN once it is gone or without /proc. */
export function peakRssKb(pid: number): number {
	try {
		const match = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : Number.NaN;
	} catch {
		return Number.NaN;
	}
}

async function step(run: Clocked, needle: string | RegExp, ...input: string[]): Promise<void> {
	await run.until(needle);
	// Ink attaches its key handler in an effect after the frame: give it a moment, as a person would.
	await sleep(80);
	for (const key of input) run.write(key);
}

export async function wizardRun(
	world: BenchWorld,
	options: {stepsMs?: number; vpcs: number; name: string},
): Promise<WizardRunResult> {
	const stepsMs = options.stepsMs ?? 1000;
	const run = clocked(world.cliArgs(), {env: world.env, cols: 100, rows: 30});
	let peak = Number.NaN;
	const sample = () => {
		const now = peakRssKb(run.pid);
		if (!Number.isNaN(now)) peak = Number.isNaN(peak) ? now : Math.max(peak, now);
	};
	const poll = setInterval(sample, 10);
	try {
		await step(run, /Step 1 of 7[\s\S]*cn-hangzhou/, 'hangzhou');
		await step(run, '(1 of', keys.enter);
		const chosenAt = run.now();
		await step(run, 'Step 2 of 7', keys.enter);
		await step(run, 'Step 3 of 7', options.name, keys.enter);
		await step(run, 'Step 4 of 7', 'bench', keys.enter);
		await run.until('Step 5 of 7');
		// The steps in between take a person at least this long; the list has had that long to arrive.
		await sleep(Math.max(80, stepsMs - (run.now() - chosenAt)));
		const arrived = run.until('Step 6 of 7');
		const listed = run.until(`of ${options.vpcs})`);
		run.write(keys.enter);
		const [arrivedAt, listedAt] = await Promise.all([arrived, listed]);
		await sleep(80);
		run.write(keys.enter);
		await step(run, 'Step 7 of 7', keys.enter);
		await run.until('Next (follow-up operations)');
		sample();
		// Done offers the follow-up operations; Enter quits.
		await sleep(80);
		run.write(keys.enter);
		const exit = await run.exited;
		return {
			vpcWaitMs: Math.max(0, listedAt - arrivedAt),
			betweenMs: arrivedAt - chosenAt,
			peakRssKb: peak,
			exitCode: exit.code,
		};
	} finally {
		clearInterval(poll);
		run.kill();
		await run.exited;
	}
}
