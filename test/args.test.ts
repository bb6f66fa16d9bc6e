import {describe, expect, it} from 'vitest';
import {parseArgs} from '../source/commands/args.js';

describe('parseArgs', () => {
	it('defaults to create and collects repeatable flags', () => {
		const r = parseArgs(['--region', 'cn-hangzhou', '--rule', 'tcp:22:1.2.3.4', '--rule=udp:53:0.0.0.0/0']);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.args.command).toBe('create');
		expect(r.args.explicitCommand).toBe(false);
		expect(r.args.flags.region).toBe('cn-hangzhou');
		expect(r.args.flags.rule).toEqual(['tcp:22:1.2.3.4', 'udp:53:0.0.0.0/0']);
	});

	it('reports every problem at once', () => {
		const r = parseArgs(['create', '--bogus', '--name', '--yes', '--json=1', '--port', '80']);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toHaveLength(4);
		expect(r.errors.join('\n')).toMatch(/--bogus/);
		expect(r.errors.join('\n')).toMatch(/--port.*sandbox/);
	});

	it('suggests the flag or command a typo most likely meant, and nothing for what is far from all of them', () => {
		const errors = (argv: string[]) => {
			const r = parseArgs(argv);
			return r.ok ? [] : r.errors;
		};
		expect(errors(['--nme', 'web'])).toEqual(['Unknown flag --nme; did you mean --name?']);
		expect(errors(['rules', '--gruop', 'sg-1'])).toEqual(['Unknown flag --gruop; did you mean --group?']);
		expect(errors(['--colour'])).toEqual(['Unknown flag --colour.']);
		expect(errors(['-x'])).toEqual(['Unknown flag -x.']);
		expect(errors(['rulse'])[0]).toMatch(/^Unknown command "rulse"; did you mean "rules"\? Commands: create/);
		expect(errors(['deploy'])[0]).toMatch(/^Unknown command "deploy"\. Commands:/);
	});

	it('treats a flag in value position as a missing value', () => {
		const r = parseArgs(['--name', '--yes']);
		expect(r.ok).toBe(false);
	});

	it('finds the command after global flags', () => {
		const r = parseArgs(['--profile', 'p1', 'sandbox', '--port', '0']);
		expect(r.ok && r.args.command).toBe('sandbox');
		expect(r.ok && r.args.global.profile).toBe('p1');
	});

	it('refuses an unknown command', () => {
		const r = parseArgs(['frobnicate']);
		expect(r.ok).toBe(false);
	});
});
