import {describe, expect, it} from 'vitest';
import {commands, nearestRegion, parseArgs, unknownRegionMessage} from '../source/commands/args.js';
import {helpPage} from '../source/commands/help.js';
import {setLang, width} from '../source/text/index.js';

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

describe('help for each command', () => {
	const parsed = (argv: string[]) => {
		const r = parseArgs(argv);
		if (!r.ok) throw new Error(r.errors.join('\n'));
		return r.args;
	};

	it('`ecs-sg help COMMAND` is `ecs-sg COMMAND --help`, and `ecs-sg help` the global page', () => {
		for (const command of commands) {
			const viaWord = parsed(['help', command]);
			const viaFlag = parsed([command, '--help']);
			expect([viaWord.command, viaWord.explicitCommand, viaWord.help]).toEqual([command, true, true]);
			expect([viaFlag.command, viaFlag.explicitCommand, viaFlag.help]).toEqual([command, true, true]);
		}
		const global = parsed(['help']);
		expect([global.explicitCommand, global.help]).toEqual([false, true]);
		expect(parsed(['--sandbox', 'help', 'rules', '--lang', 'zh']).command).toBe('rules');
	});

	it('names the nearest command for a help topic that is not one', () => {
		const errors = (argv: string[]) => {
			const r = parseArgs(argv);
			return r.ok ? [] : r.errors;
		};
		expect(errors(['help', 'rulse'])).toEqual(['There is no help for "rulse"; did you mean "rules"?']);
		expect(errors(['help', 'deploy'])[0]).toMatch(/^There is no help for "deploy"\. Commands: create/);
	});

	it('gives every command a page of its own, with examples, within 80 columns in both languages', () => {
		for (const lang of ['en', 'zh'] as const) {
			setLang(lang);
			const global = helpPage(undefined);
			const seen = new Set<string>([global]);
			for (const command of commands) {
				const page = helpPage(command);
				expect(seen.has(page)).toBe(false);
				seen.add(page);
				expect(page.split('\n')[0]).toMatch(new RegExp(`^ecs-sg ${command}`));
				expect(page).toMatch(lang === 'en' ? /\nExamples\n/ : /\n示例\n/);
				expect(page).toContain(`ecs-sg ${command}`);
				expect(page).not.toContain('{');
				for (const row of page.split('\n'))
					expect(width(row), `${lang} ${command}: ${row}`).toBeLessThanOrEqual(80);
			}
			for (const command of ['create', 'rules'] as const)
				expect(helpPage(command)).toContain('PROTO:PORTS:PEER');
		}
		setLang('en');
	});
});

describe('a wrong --region', () => {
	const ids = [
		'cn-qingdao',
		'cn-hangzhou',
		'cn-shanghai',
		'cn-zhangjiakou',
		'ap-southeast-1',
		'ap-southeast-3',
	];

	it('names the region a typo or a part of its id meant', () => {
		expect(nearestRegion('cn-hangzou', ids)).toBe('cn-hangzhou');
		expect(nearestRegion('CN-Shanghai ', ids)).toBe('cn-shanghai');
		expect(nearestRegion('qingdao', ids)).toBe('cn-qingdao');
		expect(unknownRegionMessage('cn-hangzou', ids)).toBe(
			'ECS does not know the region "cn-hangzou"; did you mean cn-hangzhou?',
		);
	});

	it('lists the regions when nothing is near, or more than one id holds what was typed', () => {
		expect(nearestRegion('ap-southeast', ids)).toBeUndefined();
		expect(nearestRegion('eu-north-9', ids)).toBeUndefined();
		expect(unknownRegionMessage('eu-north-9', ids)).toBe(
			`ECS does not know the region "eu-north-9"; its regions are: ${ids.join(', ')}.`,
		);
	});
});
