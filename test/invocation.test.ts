// Printed commands run as printed: where `ecs-sg` is not on PATH they say what is (issue 15 item 9), and a
// command wider than the output is broken between words with " \", never inside one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {invocation} from '../source/commands/invocation.js';
import {commandLines} from '../source/domain/command-lines.js';
import {followUpCommand} from '../source/domain/followup.js';
import {resultLines} from '../source/domain/summary.js';
import {setCommandName, t} from '../source/text/index.js';

const root = new URL('..', import.meta.url).pathname;
const bin = path.join(root, 'bin/ecs-sg.js');
const noPath = {PATH: '/usr/bin:/bin'};

afterEach(() => setCommandName(() => 'ecs-sg'));

describe('how a printed command starts', () => {
	it('is `ecs-sg` only when that resolves on PATH to this package', () => {
		const linked = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-path-'));
		const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-other-'));
		try {
			fs.symlinkSync(bin, path.join(linked, 'ecs-sg'));
			fs.writeFileSync(path.join(other, 'ecs-sg'), '#!/bin/sh\n');
			expect(invocation({env: {PATH: `/usr/bin:${linked}`}, cwd: root, bin})).toBe('ecs-sg');
			// Another program of that name is not this one.
			expect(invocation({env: {PATH: other}, cwd: root, bin})).toBe('node bin/ecs-sg.js');
		} finally {
			fs.rmSync(linked, {recursive: true, force: true});
			fs.rmSync(other, {recursive: true, force: true});
		}
	});

	it('is what the user ran under npm: npm start in the checkout, npx', () => {
		const npmStart = {...noPath, npm_lifecycle_event: 'start', npm_package_name: 'ecs-sg-wizard'};
		expect(invocation({env: npmStart, cwd: root, bin})).toBe('npm start --');
		expect(invocation({env: {...noPath, npm_command: 'exec'}, cwd: root, bin})).toBe('npx ecs-sg');
		// Another package's `npm start` running this one is not this checkout's.
		expect(invocation({env: {...npmStart, npm_package_name: 'app'}, cwd: root, bin})).toBe(
			'node bin/ecs-sg.js',
		);
	});

	it('is `node` and the launcher, relative below the user, else absolute (quoted when it must be)', () => {
		expect(invocation({env: noPath, cwd: root, bin})).toBe('node bin/ecs-sg.js');
		expect(invocation({env: noPath, cwd: '/', bin})).toBe(`node ${bin.slice(1)}`);
		expect(invocation({env: noPath, cwd: path.join(root, 'test'), bin})).toBe(`node ${bin}`);
		expect(invocation({env: noPath, cwd: '/tmp', bin: '/opt/my tools/bin/ecs-sg.js'})).toBe(
			"node '/opt/my tools/bin/ecs-sg.js'",
		);
	});

	it("is used by the catalogue's advice and by the follow-ups built in code, but not by the help pages' columns", () => {
		setCommandName(() => 'node bin/ecs-sg.js');
		expect(t('submit.fail.resume')).toBe(
			'Run "node bin/ecs-sg.js resume" to finish it, or "node bin/ecs-sg.js resume --delete --yes" to delete it.',
		);
		expect(t('cli.hint.help')).toBe('Run "node bin/ecs-sg.js --help" to see every command and flag.');
		// "ecs-sg" as a name is left alone.
		expect(t('config.store.corruptNext', {file: 'f'})).toContain('ecs-sg will start a new one');
		expect(followUpCommand('rules', 'cn-hangzhou', 'sg-1')).toBe(
			'node bin/ecs-sg.js rules --region cn-hangzhou --group sg-1',
		);
		expect(t('cli.help')).toContain('  ecs-sg configure [--profile P]');
	});
});

describe('a command wider than the output', () => {
	const long =
		"ecs-sg rules add --endpoint http://127.0.0.1:43567 --profile 'my ops' --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 --rule tcp:8080:10.0.0.0/8";

	it('goes on over lines ending in " \\", each within the width, and reads back as the same command', () => {
		for (const columns of [50, 80, 100]) {
			const lines = commandLines(long, columns, '    ');
			expect(lines.length).toBeGreaterThan(1);
			for (const l of lines) expect(l.length).toBeLessThan(columns);
			for (const l of lines.slice(0, -1)) expect(l.endsWith(' \\')).toBe(true);
			expect(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' ')).toBe(long);
			// A flag and its value, and a quoted word, are never split.
			expect(lines.some((l) => /--region$|--region \\$/.test(l))).toBe(false);
			expect(lines.some((l) => l.includes("'my ops'"))).toBe(true);
		}
		expect(commandLines('ecs-sg resume', 80)).toEqual(['ecs-sg resume']);
	});

	it("keeps Done's next steps within 80 columns in the flags path's output", () => {
		const lines = resultLines(
			{
				groupId: 'sg-bp1fg655nh68xyz90000',
				name: 'web',
				regionId: 'cn-hangzhou',
				vpcId: 'vpc-1',
				rules: [],
			} as never,
			{endpoint: 'http://127.0.0.1:43567'},
		);
		const next = lines.slice(lines.indexOf('Next steps:') + 1);
		expect(next.length).toBeGreaterThan(2);
		for (const l of next) expect(l.length, l).toBeLessThan(80);
		expect(lines.join('\n').replace(/ \\\n\s*/g, ' ')).toContain(
			'ecs-sg rules add --endpoint http://127.0.0.1:43567 --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 --rule tcp:8080:10.0.0.0/8',
		);
	});
});
