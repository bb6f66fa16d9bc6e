import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/commands/args.js';
import {run, sameTarget} from '../../source/commands/create.js';
import type {Io} from '../../source/commands/io.js';

function fakeIo(interactive: boolean) {
	const out = new PassThrough();
	const err = new PassThrough();
	let stdout = '';
	let stderr = '';
	out.on('data', (c) => {
		stdout += c;
	});
	err.on('data', (c) => {
		stderr += c;
	});
	const io = {
		stdin: new PassThrough() as unknown as NodeJS.ReadStream,
		stdout: out as unknown as NodeJS.WriteStream,
		stderr: err as unknown as NodeJS.WriteStream,
		env: {},
		interactive,
	} satisfies Io;
	return {io, output: () => ({stdout, stderr})};
}

const argsOf = (argv: string[]) => {
	const parsed = parseArgs(argv);
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.args;
};

describe('ecs-sg create in a terminal', () => {
	it('refuses up front what no wizard step can fix (a bad tag), naming the flag, exit 2', async () => {
		const {io, output} = fakeIo(true);
		const code = await run(argsOf(['create', '--tag', 'no-equals-sign', '--region', 'cn-hangzhou']), io);
		expect(code).toBe(2);
		expect(output().stderr).toContain('--tag');
		expect(output().stdout).toBe('');
	});

	it('refuses an unknown --export format before asking anything', async () => {
		const {io, output} = fakeIo(true);
		const code = await run(argsOf(['create', '--export', 'pulumi']), io);
		expect(code).toBe(2);
		expect(output().stderr).toContain('--export');
	});
});

describe('sameTarget', () => {
	it.each([
		[{}, {}, true],
		[{endpoint: 'http://127.0.0.1:1'}, {endpoint: 'http://127.0.0.1:1'}, true],
		[{endpoint: 'http://127.0.0.1:1'}, {}, false],
		[{sandbox: true}, {sandbox: true}, true],
		[{sandbox: true}, {}, false],
		[{profile: 'prod'}, {profile: 'dev'}, false],
	])('%o vs %o: %s', (a, b, same) => {
		expect(sameTarget(a, b)).toBe(same);
	});
});
