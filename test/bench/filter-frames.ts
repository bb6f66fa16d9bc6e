// Frame time per keystroke while filtering 5,000 VPCs: the real wizard (App, production React, Ink's normal
// throttled renderer, not its debug mode) on the VPC step of a fake cloud, drawn into a fake 100x30 terminal.
// A filter is typed key by key (and erased with backspace, which widens it again); each key is timed from the
// moment it is handed to Ink's stdin to the moment the frame showing the new filter is written. Keys are 50 ms
// apart (a fast typist), so Ink's 30 fps throttle never holds a frame back.
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {createElement} from 'react';
import type {Vpc} from '../../source/domain/model.js';
import {App} from '../../source/wizard/app.js';
import {fakeServices} from '../helpers/fake-api.js';
import {percentile, sleep} from './pty-clock.js';
import {manyVpcs} from './world.js';

export type FramesResult = {p50Ms: number; p95Ms: number; maxMs: number; keys: number; vpcs: number};

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write(data: string): void {
		this.data = data;
		this.emit('readable');
	}
	read(): string | null {
		const {data} = this;
		this.data = null;
		return data;
	}
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

class FakeStdout extends EventEmitter {
	isTTY = true;
	columns = 100;
	rows = 30;
	onWrite: ((chunk: string) => void) | undefined;
	write(chunk: string): boolean {
		this.onWrite?.(chunk);
		return true;
	}
}

/** Filters a person might type: a name part, an environment, an id prefix, a CIDR prefix. */
const queries = ['team-4', 'prod', 'vpc-bench004', '10.3.', 'staging', 'team-12-dev'];

export async function measureFilterFrames(
	options: {vpcs?: number; keys?: number} = {},
): Promise<FramesResult> {
	const count = options.vpcs ?? 5000;
	const wanted = options.keys ?? 200;
	// The same VPCs as the sandbox figures (team-N-env, vpc-benchNNNNNN, 10.x.y.0/24), as the api returns them.
	const vpcs: Vpc[] = manyVpcs('cn-hangzhou', count).map((r) => ({
		id: r.VpcId,
		name: r.VpcName,
		cidr: r.CidrBlock,
		isDefault: r.IsDefault,
		status: r.Status,
		description: r.Description,
		regionId: r.RegionId,
	}));
	const services = fakeServices({vpcs: {'cn-hangzhou': vpcs}});
	const stdin = new FakeStdin();
	const stdout = new FakeStdout();
	const stderr = new FakeStdout();
	// Everything written since the last key (Ink writes a frame between synchronised-output markers).
	let screen = '';
	stdout.onWrite = (chunk) => {
		screen += chunk;
	};
	const instance = render(
		createElement(App, {
			services,
			initial: {
				answers: {
					regionId: 'cn-hangzhou',
					template: 'custom',
					rules: [],
					name: 'bench-sg',
					description: 'bench',
					network: 'vpc',
				},
			},
		}),
		{
			stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	try {
		const deadline = Date.now() + 20_000;
		while (!screen.includes(`of ${count})`)) {
			if (Date.now() > deadline) throw new Error(`the VPC list never showed; the last frame was:\n${screen}`);
			await sleep(20);
		}
		const times: number[] = [];
		let query = '';
		const press = async (key: string, expected: string) => {
			await sleep(50);
			let written = Number.NaN;
			// The filter line shows the query followed by the cursor glyph, or the placeholder when it is empty.
			const shown = expected === '' ? 'type to filter' : `${expected}`;
			screen = '';
			stdout.onWrite = (chunk) => {
				screen += chunk;
				if (Number.isNaN(written) && chunk.includes(shown)) written = performance.now();
			};
			const started = performance.now();
			stdin.write(key);
			const limit = Date.now() + 5000;
			while (Number.isNaN(written)) {
				if (Date.now() > limit)
					throw new Error(`no frame showed "${expected}" after the key; last frame:\n${screen}`);
				await sleep(1);
			}
			times.push(written - started);
		};
		outer: for (;;) {
			for (const target of queries) {
				for (const ch of target) {
					query += ch;
					await press(ch, query);
					if (times.length >= wanted) break outer;
				}
				while (query.length > 0) {
					query = query.slice(0, -1);
					await press('\u007F', query);
					if (times.length >= wanted) break outer;
				}
			}
		}
		return {
			p50Ms: percentile(times, 50),
			p95Ms: percentile(times, 95),
			maxMs: Math.max(...times),
			keys: times.length,
			vpcs: count,
		};
	} finally {
		instance.unmount();
	}
}
