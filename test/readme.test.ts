// The readme is the newcomer's first screen: its set-up commands and its copy of --help must stay true.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {catalogue} from '../source/text/index.js';

const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	scripts: Record<string, string>;
};

describe('readme', () => {
	it('opens with the three set-up commands, and they exist', () => {
		const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		expect(
			first
				.split('\n')
				.map((l) => l.split('#')[0]?.trim())
				.filter(Boolean),
		).toEqual(['npm install', 'npm start', 'npm test']);
		expect(pkg.scripts.start).toContain('--sandbox');
		expect(pkg.scripts.test).toBeTruthy();
		expect(pkg.scripts.prepare).toContain('build');
	});

	it('embeds the --help text exactly as the CLI prints it', () => {
		const embedded = /<!-- help -->\n```text\n([\s\S]*?)\n```\n<!-- \/help -->/.exec(readme)?.[1];
		expect(embedded).toBe(catalogue.en['cli.help']);
	});
});
