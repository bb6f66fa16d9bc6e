// Every catalogue key is said somewhere: a key nothing uses is text nobody sees, and it keeps drifting from the
// code (two were found still describing screens that no longer exist). Keys built at run time are recognised by
// their literal prefix (`t(`followup.keys.${kind}`)` keeps every `followup.keys.` key).
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {catalogue} from '../../source/text/index.js';

const ROOTS = ['source', 'test'];
const CATALOGUE_DIR = join('source', 'text', 'catalogue');

const files = (dir: string): string[] =>
	readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
	);

describe('message catalogue use', () => {
	it('has no key that no code or test names', () => {
		const code = ROOTS.flatMap(files)
			.filter((f) => !f.startsWith(CATALOGUE_DIR) && !f.endsWith('catalogue-used.test.ts'))
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		const prefixes = [...code.matchAll(/[`'"]([a-z][\w.-]*\.)(?:\$\{|['"`]\s*\+)/g)].map(
			(m) => m[1] as string,
		);
		const named = (key: string) =>
			[`'${key}'`, `"${key}"`, `\`${key}\``].some((quoted) => code.includes(quoted)) ||
			prefixes.some((prefix) => key.startsWith(prefix));
		const keys = Object.keys(catalogue.en);
		expect(keys.length).toBeGreaterThan(100);
		expect(keys.filter((key) => !named(key))).toEqual([]);
	});
});
