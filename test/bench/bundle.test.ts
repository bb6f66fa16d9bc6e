// The bundle's start-up and per-frame plugins (.ci/bundle-plugins.mjs) and patches (.ci/patches) change how
// dependencies are loaded and how much work they repeat, never what they answer: each is built here with esbuild
// exactly as the CLI is, and compared with the unpatched package. The patches must apply to the exact packages
// installed, and fail the build loudly on any other.

import {AsyncResource} from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {build} from 'esbuild';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import {lazyBuiltins, startupPlugins} from '../../.ci/bundle-plugins.mjs';
// @ts-expect-error: a plain .mjs build script without types
import * as patching from '../../.ci/patches.mjs';

const root = new URL('../..', import.meta.url).pathname;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-bundle-'));
afterAll(() => fs.rmSync(folder, {recursive: true, force: true}));

let n = 0;
/**
 * Bundles `source` (an ES module, resolved from the repository root) with the plugins and imports it. `banner` is
 * put first, as the CLI's build puts its `require`.
 */
async function bundled<T>(source: string, banner?: string): Promise<T> {
	const outfile = path.join(folder, `entry-${n++}.mjs`);
	await build({
		stdin: {contents: source, resolveDir: root, loader: 'js'},
		absWorkingDir: root,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'silent',
		plugins: startupPlugins,
		outfile,
		...(banner ? {banner: {js: banner}} : {}),
	});
	return import(pathToFileURL(outfile).href) as Promise<T>;
}

describe('built-ins loaded when first used', () => {
	it('gives the real functions and classes, loading the module only when one is read', async () => {
		const key = `__required${n}`;
		const banner = `import {createRequire as __cr} from 'node:module'; const __real = __cr(import.meta.url); const require = (id) => { (globalThis[${JSON.stringify(key)}] ??= []).push(id); return __real(id); };`;
		const lazy = await bundled<{
			uuid: () => string;
			hash: (s: string) => string;
			isAsyncResource: (v: unknown) => boolean;
			defaultCrypto: typeof import('node:crypto');
		}>(
			[
				"import crypto, {createHash, randomUUID} from 'node:crypto';",
				"import {AsyncResource} from 'node:async_hooks';",
				'export const uuid = () => randomUUID();',
				"export const hash = (s) => createHash('sha256').update(s).digest('hex');",
				'export const isAsyncResource = (v) => v instanceof AsyncResource;',
				'export const defaultCrypto = crypto;',
			].join('\n'),
			banner,
		);
		const required = () => (globalThis as Record<string, unknown>)[key] ?? [];
		expect(required()).toEqual([]);
		expect(lazy.uuid()).toMatch(/^[0-9a-f-]{36}$/);
		expect(required()).toEqual(['node:crypto']);
		expect(lazy.hash('ecs-sg')).toBe(crypto.createHash('sha256').update('ecs-sg').digest('hex'));
		expect(lazy.defaultCrypto.createHash).toBe(crypto.createHash);
		expect(lazy.isAsyncResource(new AsyncResource('x'))).toBe(true);
		expect(required()).toEqual(['node:crypto', 'node:async_hooks']);
	});

	it('leaves none of them as a static import of the CLI bundle', () => {
		const cli = fs.readFileSync(path.join(root, 'dist/cli.mjs'), 'utf8');
		for (const name of lazyBuiltins) expect(cli).not.toMatch(new RegExp(`from\\s*["']node:${name}["']`));
	});
});

const styled = fc
	.array(
		fc.constantFrom(
			'a',
			'b',
			' ',
			'❯',
			'杭',
			'\u001B[31m',
			'\u001B[39m',
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[2m',
			'\u001B[4m',
			'\u001B[24m',
			'\u001B[0m',
			'\u001B[36;1m',
			'\u001B[38;5;200m',
			'\u001B[42m',
			'\u001B[49m',
		),
		{maxLength: 40},
	)
	.map((parts) => parts.join(''));

describe('ansi-tokenize: the same style needs no codes', () => {
	it('turns styled cells back into exactly the text the unpatched package does', async () => {
		const patched = await bundled<{
			styledCharsToString: typeof styledCharsToString;
			styledCharsFromTokens: typeof styledCharsFromTokens;
			tokenize: typeof tokenize;
		}>("export {styledCharsToString, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';");
		expect(patched.styledCharsToString.toString()).toContain('sameStyles');
		fc.assert(
			fc.property(fc.array(styled, {minLength: 1, maxLength: 3}), (lines) => {
				// Cells from several lines glued together, as Ink does when it pads and overlays a row.
				const cells = lines.flatMap((line) => styledCharsFromTokens(tokenize(line)));
				expect(patched.styledCharsToString(cells)).toBe(styledCharsToString(cells));
			}),
			{numRuns: 1000},
		);
	});
});

describe('string-width through the table', () => {
	it('answers like string-width, without loading it for table text', async () => {
		const Real = Intl.Segmenter;
		const intl = Intl as {Segmenter: typeof Intl.Segmenter};
		let made = 0;
		// Counts the segmenters string-width would create when it loads.
		intl.Segmenter = class extends Real {
			constructor(...args: ConstructorParameters<typeof Real>) {
				super(...args);
				made++;
			}
		};
		try {
			const {default: width} = await bundled<{default: typeof stringWidth}>(
				"export {default} from 'string-width';",
			);
			for (const s of ['❯ China (Hangzhou)  cn-hangzhou', '华东1（杭州）', '\u001B[2m↑ 3 more\u001B[22m', ''])
				expect(width(s)).toBe(stringWidth(s));
			expect(made).toBe(0);
			for (const s of ['👩‍💻 dev', 'e\u0301', '\t', '✅']) expect(width(s)).toBe(stringWidth(s));
			expect(made).toBeGreaterThan(0);
		} finally {
			intl.Segmenter = Real;
		}
	});

	it("gives another copy (wrap-ansi's older one) only the ASCII front, chosen by its version", async () => {
		const Real = Intl.Segmenter;
		const intl = Intl as {Segmenter: typeof Intl.Segmenter};
		let made = 0;
		intl.Segmenter = class extends Real {
			constructor(...args: ConstructorParameters<typeof Real>) {
				super(...args);
				made++;
			}
		};
		try {
			const outfile = path.join(folder, `entry-${n++}.mjs`);
			await build({
				stdin: {
					contents: "export {default} from 'string-width';",
					resolveDir: path.join(root, 'node_modules/wrap-ansi'),
					loader: 'js',
				},
				absWorkingDir: root,
				bundle: true,
				platform: 'node',
				format: 'esm',
				logLevel: 'silent',
				plugins: startupPlugins,
				banner: {
					js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);",
				},
				outfile,
			});
			const {default: width} = (await import(pathToFileURL(outfile).href)) as {default: typeof stringWidth};
			expect(width('plain ascii')).toBe(11);
			expect(made).toBe(0);
			// The table would answer this one; this copy's own code must.
			expect(width('❯')).toBe(1);
			expect(made).toBeGreaterThan(0);
		} finally {
			intl.Segmenter = Real;
		}
	});
});

describe('yoga without fetch', () => {
	it('loads and lays out without ever calling fetch', async () => {
		const real = globalThis.fetch;
		let fetched = 0;
		globalThis.fetch = (async () => {
			fetched++;
			throw new Error('no fetch here');
		}) as typeof fetch;
		try {
			const {default: Yoga} = await bundled<{default: typeof import('yoga-layout').default}>(
				"export {default} from 'yoga-layout';",
			);
			const node = Yoga.Node.create();
			node.setWidth(80);
			node.setHeight(24);
			node.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
			expect([node.getComputedWidth(), node.getComputedHeight()]).toEqual([80, 24]);
			node.free();
			expect(fetched).toBe(0);
		} finally {
			globalThis.fetch = real;
		}
	});
});

describe("Ink's output cache shared between frames", () => {
	type OutputClass = new (options: {
		width: number;
		height: number;
	}) => {
		write(x: number, y: number, text: string, options: {transformers: unknown[]}): void;
		get(): {output: string; height: number};
		caches: unknown;
	};
	it('draws the same text as a fresh cache, frame after frame', async () => {
		const {default: Output} = await bundled<{default: OutputClass}>(
			`export {default} from ${JSON.stringify(path.join(root, 'node_modules/ink/build/output.js'))};`,
		);
		const first = new Output({width: 30, height: 3});
		const second = new Output({width: 30, height: 3});
		expect(second.caches).toBe(first.caches);
		const frames = [
			['\u001B[36m❯ cn-hangzhou\u001B[39m', 'Filter: han', '  华东1（杭州）'],
			['  cn-hangzhou', 'Filter: hang', '\u001B[36m❯ 华东1（杭州）\u001B[39m'],
		];
		for (const lines of frames) {
			const shared = new Output({width: 30, height: 3});
			lines.forEach((line, y) => {
				shared.write(0, y, line, {transformers: []});
			});
			const expected = lines.map((line) =>
				styledCharsToString(styledCharsFromTokens(tokenize(line))).trimEnd(),
			);
			expect(shared.get().output).toBe(expected.join('\n'));
		}
	});
});

const {applyFilePatch, assertAllApplied, parsePatch, readPatches, versionedPatches} = patching;
type FilePatch = {rel: string; sha256: string; hunks: unknown[]};
type Patch = {file: string; name: string; version: string; files: FilePatch[]};

/** The patches the build applies; each must change something (a patch with no hunk would be a silent no-op). */
const patches: Patch[] = readPatches();

describe('versioned patches (.ci/patches)', () => {
	it('each names a package installed at exactly its version, and applies to its files', () => {
		expect(patches.map((p) => p.file)).toEqual([
			'@alcalzone+ansi-tokenize@0.2.5.patch',
			'ink@6.8.0.patch',
			'yoga-layout@3.2.1.patch',
		]);
		for (const patch of patches) {
			const dir = path.join(root, 'node_modules', patch.name);
			expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version).toBe(patch.version);
			for (const file of patch.files) {
				expect(file.hunks.length).toBeGreaterThan(0);
				const upstream = fs.readFileSync(path.join(dir, file.rel), 'utf8');
				const patched = applyFilePatch(patch, file, upstream);
				expect(patched).not.toBe(upstream);
			}
		}
	});

	it('refuses a file whose text is not the pinned one, and a hunk that does not match', () => {
		const patch = patches.find((p) => p.name === 'ink') as Patch;
		const file = patch.files[0] as FilePatch;
		const upstream = fs.readFileSync(path.join(root, 'node_modules/ink', file.rel), 'utf8');
		expect(() => applyFilePatch(patch, file, `${upstream}\n`)).toThrow(
			/not the text the patch was made for.*ink@6\.8\.0\.patch/,
		);
		// The same preamble pins the upstream text, but the hunk expects a line that is not there.
		const text = fs.readFileSync(path.join(root, '.ci/patches', patch.file), 'utf8');
		const broken = parsePatch(
			patch.file,
			text.replace('-    caches = new OutputCaches();', '-    caches = new OtherCaches();'),
		);
		expect(() => applyFilePatch(broken, broken.files[0], upstream)).toThrow(
			/hunk at line \d+ does not match/,
		);
	});

	it('fails the build when the installed package is at another version', async () => {
		// A copy of Ink's output.js in a package that says it is 6.9.0, as an upgrade would leave it.
		const fake = path.join(folder, 'upgrade', 'node_modules', 'ink');
		fs.mkdirSync(path.join(fake, 'build'), {recursive: true});
		fs.writeFileSync(path.join(fake, 'package.json'), JSON.stringify({name: 'ink', version: '6.9.0'}));
		fs.copyFileSync(path.join(root, 'node_modules/ink/build/output.js'), path.join(fake, 'build/output.js'));
		const attempt = build({
			entryPoints: [path.join(fake, 'build/output.js')],
			bundle: true,
			write: false,
			platform: 'node',
			format: 'esm',
			logLevel: 'silent',
			external: ['*'],
			plugins: [versionedPatches(patches)],
		});
		await expect(attempt).rejects.toThrow(
			/ink is 6\.9\.0 but \.ci\/patches\/ink@6\.8\.0\.patch was made for 6\.8\.0/,
		);
	});

	it('fails the build when a patch was never applied', async () => {
		const plugin = versionedPatches(patches);
		await build({
			stdin: {contents: "export {default} from 'yoga-layout';", resolveDir: root, loader: 'js'},
			bundle: true,
			write: false,
			platform: 'node',
			format: 'esm',
			logLevel: 'silent',
			plugins: [plugin],
		});
		// yoga's file was patched; Ink's and ansi-tokenize's were not part of this build.
		expect(() => assertAllApplied(plugin)).toThrow(/never applied.*ink@6\.8\.0\.patch:build\/output\.js/);
		expect(() => assertAllApplied(plugin)).not.toThrow(/yoga-layout/);
	});
});
