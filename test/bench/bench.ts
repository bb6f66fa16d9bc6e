// `npm run bench`: every performance figure of the issue, each as a ratio against a reference measured in the
// same run on the same machine (absolute times are noisy; ratios hold). Prints a table and the machine, and
// exits non-zero only when a figure could not be measured; a missed target is reported, not fatal.
//   node dist/bench.mjs [--only startup,vpc-list,wizard,frames,calls,throughput] [--runs N]
//                       [--cli PATH] [--floor PATH]   (compare another build of the CLI or of the floor)
//                       [--compare PATH,...]          (other CLI builds timed in the same rounds, e.g. one built
//                                                      by `node .ci/bundle.mjs --without NAME --out PATH`)
import {execFileSync, spawn} from 'node:child_process';
import os from 'node:os';
import {measureApiCalls} from './api-calls.js';
import {measureFilterFrames} from './filter-frames.js';
import {sandboxThroughput} from './sandbox-throughput.js';
import {measureStartup} from './startup.js';
import {measureVpcList} from './vpc-list.js';
import {wizardRun} from './wizard-run.js';
import {type BenchWorld, openBenchWorld, root} from './world.js';

type Row = {
	figure: string;
	measured: string;
	reference: string;
	ratio: string;
	target: string;
	met?: boolean;
};

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
	const at = argv.indexOf(`--${name}`);
	if (at >= 0) return argv[at + 1];
	return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const figures = ['startup', 'vpc-list', 'wizard', 'frames', 'calls', 'throughput'] as const;
const only = option('only')?.split(',') ?? [...figures];
const wanted = (figure: (typeof figures)[number]) => only.includes(figure);

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
const x = (n: number) => `${n.toFixed(2)}x`;

/** The frame-time figure runs in a child of its own: a fresh heap, and Ink imported without CI set. */
async function framesInChild(): Promise<Awaited<ReturnType<typeof measureFilterFrames>>> {
	const env = {...process.env};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER', 'RUN_ID'])
		delete env[name];
	const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--child=frames'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	let err = '';
	child.stdout.on('data', (d: Buffer) => {
		out += d.toString();
	});
	// Ink shows the cursor on stderr as the child exits; only a failure's message is worth passing on.
	child.stderr.on('data', (d: Buffer) => {
		err += d.toString();
	});
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	const line = out.split('\n').find((l) => l.startsWith('{'));
	if (code !== 0 || !line)
		throw new Error(`the frame-time child exited ${code}: ${err.trim().slice(0, 500)}`);
	return JSON.parse(line);
}

/** Peak RSS of `node -e` with an empty script, in kB (the reference for the whole-run figure). */
function nodePeakRssKb(): number {
	const out = execFileSync(process.execPath, [
		'-e',
		'process.stdout.write(String(process.resourceUsage().maxRSS))',
	]);
	return Number(out.toString());
}

async function main(): Promise<number> {
	if (argv.includes('--child=frames')) {
		process.stdout.write(`${JSON.stringify(await measureFilterFrames())}\n`);
		return 0;
	}
	const rows: Row[] = [];
	const failures: string[] = [];
	const attempt = async (figure: string, work: () => Promise<void>) => {
		try {
			process.stderr.write(`measuring: ${figure}\n`);
			await work();
		} catch (error) {
			failures.push(figure);
			const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
			rows.push({figure, measured: 'not measured', reference: '', ratio: '', target: '', met: false});
			process.stderr.write(`could not measure ${figure}: ${reason}\n`);
		}
	};

	if (wanted('startup')) {
		await attempt('start-up to the Region step', async () => {
			const world = await openBenchWorld();
			try {
				const cli = option('cli');
				const floor = option('floor');
				const runs = Number(option('runs') ?? 21);
				const compare = option('compare')?.split(',') ?? [];
				const r = await measureStartup(world, {
					runs,
					compare,
					...(cli ? {cli} : {}),
					...(floor ? {floor} : {}),
				});
				const vsFloor = r.cliMs / r.floorMs;
				rows.push({
					figure: 'start-up to the Region step (PTY, median)',
					measured: ms(r.cliMs),
					reference: `Ink floor ${ms(r.floorMs)}`,
					ratio: x(vsFloor),
					target: '<= 1.15x',
					met: vsFloor <= 1.15,
				});
				rows.push({
					figure: '  against the Ink floor built without our plugins',
					measured: ms(r.cliMs),
					reference: `plain floor ${ms(r.plainFloorMs)}`,
					ratio: x(r.cliMs / r.plainFloorMs),
					target: 'report',
				});
				rows.push({
					figure: '  the same against node -e 0',
					measured: ms(r.cliMs),
					reference: `node -e 0 ${ms(r.nodeMs)}`,
					ratio: x(r.cliMs / r.nodeMs),
					target: 'report',
				});
				for (const [file, otherMs] of Object.entries(r.compared))
					rows.push({
						figure: `  ${file.split('/').at(-1)} (the same rounds)`,
						measured: ms(otherMs),
						reference: `this CLI ${ms(r.cliMs)}`,
						ratio: `${otherMs >= r.cliMs ? '+' : ''}${ms(otherMs - r.cliMs)}`,
						target: 'report',
					});
				if (Number.isFinite(r.cliCpuMs) && Number.isFinite(r.floorCpuMs))
					rows.push({
						figure: '  main-thread CPU to that frame',
						measured: ms(r.cliCpuMs),
						reference: `Ink floor ${ms(r.floorCpuMs)}`,
						ratio: x(r.cliCpuMs / r.floorCpuMs),
						target: 'report',
					});
			} finally {
				await world.close();
			}
		});
	}

	if (wanted('vpc-list')) {
		await attempt('VPC list', async () => {
			const r = await measureVpcList({latencyMs: 100, vpcs: 1000});
			const ratio = r.listMs / r.oneRequestMs;
			rows.push({
				figure: `VPC list complete, ${r.vpcs.toLocaleString('en-US')} VPCs (${r.pages} pages), latency ${r.latencyMs} ms`,
				measured: ms(r.listMs),
				reference: `one DescribeVpcs ${ms(r.oneRequestMs)}`,
				ratio: x(ratio),
				target: '<= 3x',
				met: ratio <= 3,
			});
		});
	}

	if (wanted('wizard')) {
		let world: BenchWorld | undefined;
		const runs: Awaited<ReturnType<typeof wizardRun>>[] = [];
		await attempt('VPC wait and peak memory', async () => {
			world = await openBenchWorld({latencyMs: 100, vpcs: 1000});
			for (let i = 0; i < 3; i++) {
				const run = await wizardRun(world, {stepsMs: 1000, vpcs: 1000, name: `bench-sg-${i}`});
				if (run.exitCode !== 0) throw new Error(`the wizard exited ${run.exitCode}`);
				runs.push(run);
			}
		});
		await world?.close();
		if (runs.length === 3) {
			const wait = Math.max(...runs.map((r) => r.vpcWaitMs));
			const between = Math.min(...runs.map((r) => r.betweenMs));
			rows.push({
				figure: `wait at the VPC step (${ms(between)}+ on the steps before it; worst of 3)`,
				measured: ms(wait),
				reference: '0 ms',
				ratio: '',
				target: '0 (prefetched)',
				met: wait === 0,
			});
			const peak = Math.max(...runs.map((r) => r.peakRssKb));
			const node = nodePeakRssKb();
			rows.push({
				figure: 'peak RSS over a whole wizard run (VmHWM)',
				measured: mb(peak),
				reference: `node -e ${mb(node)}`,
				ratio: x(peak / node),
				target: '<= 100 MB',
				met: peak <= 100 * 1024,
			});
		}
	}

	if (wanted('frames')) {
		await attempt('frame time per keystroke', async () => {
			const r = await framesInChild();
			rows.push({
				figure: `frame per keystroke filtering ${r.vpcs.toLocaleString('en-US')} VPCs (p95 of ${r.keys}; p50 ${ms(r.p50Ms)})`,
				measured: ms(r.p95Ms),
				reference: 'one frame at 60 Hz 16.7 ms',
				ratio: x(r.p95Ms / (1000 / 60)),
				target: '<= 1x',
				met: r.p95Ms <= 1000 / 60,
			});
		});
	}

	if (wanted('calls')) {
		await attempt('API calls to create', async () => {
			const r = await measureApiCalls();
			if (r.exitCode !== 0) throw new Error(`the create exited ${r.exitCode}`);
			const lookups = Object.entries(r.byAction)
				.filter(([a]) => a.startsWith('Describe'))
				.map(([a, n]) => `${a} ${n}`)
				.join(', ');
			rows.push({
				figure: `API calls to create a template group (${r.rules} rules; lookups: ${lookups || 'none'})`,
				measured: String(r.creating),
				reference: '2 the API needs',
				ratio: x(r.creating / 2),
				target: 'exactly 2',
				met: r.creating === 2,
			});
		});
	}

	if (wanted('throughput')) {
		await attempt('sandbox throughput', async () => {
			const r = await sandboxThroughput({seconds: 3, concurrency: 16});
			rows.push({
				figure: `sandbox: signed DescribeVpcs per second (loopback, ${r.concurrency} clients)`,
				measured: `${r.requestsPerSecond}/s`,
				reference: 'none',
				ratio: '',
				target: 'report',
			});
		});
	}

	print(rows);
	if (failures.length > 0) {
		process.stderr.write(`\nnot measured: ${failures.join(', ')}\n`);
		return 1;
	}
	return 0;
}

function print(rows: Row[]): void {
	const header: Row = {
		figure: 'figure',
		measured: 'measured',
		reference: 'reference',
		ratio: 'ratio',
		target: 'target',
	};
	const cells = (r: Row) => [
		r.figure,
		r.measured,
		r.reference,
		r.ratio,
		r.target,
		r.met === undefined ? (r === header ? 'met?' : '') : r.met ? 'yes' : 'NO',
	];
	const all = [header, ...rows].map(cells);
	const widths = all[0]?.map((_, i) => Math.max(...all.map((c) => (c[i] ?? '').length))) ?? [];
	const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
	const out = [
		line(all[0] ?? []),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...all.slice(1).map(line),
	];
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	process.stdout.write(`\n${out.join('\n')}\n\n`);
	process.stdout.write(
		`machine: node ${process.version}, ${os.cpus().length} cores, ${cpu}, ${os.platform()} ${os.release()}\n`,
	);
	process.stdout.write(
		`bench: ${new URL(import.meta.url).pathname.replace(root, '')}, ${new Date().toISOString()}\n`,
	);
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
