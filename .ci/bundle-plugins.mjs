// esbuild plugins that take work off the CLI's start-up and off every frame, each measured with `npm run bench`
// (see the readme; `node .ci/bundle.mjs --without NAME --out FILE` builds the CLI without one). They change how
// dependencies are loaded, never what they answer; test/bench/bundle.test.ts checks each against the unpatched
// code. Changes to a dependency's text are versioned patches (.ci/patches), which fail the build when the
// installed package is not the exact one they were made for.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {patchesOf, versionedPatches} from './patches.mjs';

const root = new URL('..', import.meta.url);
const here = (path) => new URL(path, root).pathname;

/**
 * The string-width whose answers source/text/fast-width.ts's table is checked against: the version this package
 * depends on (test/text/fast-width.test.ts compares the table with it, code point by code point).
 */
const tableVersion = JSON.parse(readFileSync(here('package.json'), 'utf8')).dependencies['string-width'];

/** The version of the package a resolved file belongs to (the nearest package.json above it with a name). */
function versionOf(file) {
	for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		try {
			const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
			if (pkg.name) return pkg.version;
		} catch {}
	}
	return undefined;
}

/**
 * Node built-ins that are slow to load and that nothing on the way to the first frame uses: conf's encryption and
 * change check, the plan's random ids, the sandbox's server, @inquirer's readline and async hooks, the terminal
 * size fallback's child process.
 */
export const lazyBuiltins = [
	'assert',
	'async_hooks',
	'child_process',
	'crypto',
	'http',
	'https',
	'readline',
	'zlib',
];

export const startupPlugins = [
	{
		// An ESM bundle keeps every `import ... from 'node:crypto'` as a static import at its top, so each built-in
		// any module of the bundle names is loaded (and wrapped as an ES module, which runs its lazy getters) before
		// the first line runs, even when only a follow-up or the sandbox uses it: node:crypto, node:http and
		// node:readline alone cost ~10 ms. Imported through this plugin, a built-in is a module whose exports are
		// getters that require() it the first time one is read. Only `import` statements are rerouted: a require()
		// inside a CommonJS dependency already runs when that dependency loads.
		name: 'lazy-builtins',
		setup(b) {
			const filter = new RegExp(`^(node:)?(${lazyBuiltins.join('|')})$`);
			b.onResolve({filter}, (args) =>
				args.kind === 'import-statement' && args.namespace !== 'lazy-builtin'
					? {path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin'}
					: undefined,
			);
			b.onLoad({filter: /.*/, namespace: 'lazy-builtin'}, async (args) => {
				const id = `node:${args.path}`;
				const names = Object.keys(await import(id)).filter((name) => name !== 'default');
				return {
					contents: [
						`let loaded;`,
						`const load = () => (loaded ??= require(${JSON.stringify(id)}));`,
						`for (const name of ${JSON.stringify(names)})`,
						`	Object.defineProperty(module.exports, name, {enumerable: true, get: () => load()[name]});`,
					].join('\n'),
					loader: 'js',
				};
			});
		},
	},
	{
		// string-width creates an Intl.Segmenter when it loads (~20 ms) and compiles an RGI_Emoji expression
		// (~50 ms) the first time it meets a non-ASCII string; the Region step's first frame has "❯". Every import
		// of string-width goes through source/text/fast-width.ts, which answers what its table covers and loads
		// string-width itself only for the rest. Any other copy (wrap-ansi's older one) gets the ASCII-only front:
		// its answers for symbols such as ✔ differ from the table's. Chosen by the copy's version, not its path.
		name: 'fast-string-width',
		setup(b) {
			b.onResolve({filter: /^string-width$/}, async (args) => {
				if (args.pluginData === 'real') return undefined;
				const real = await b.resolve('string-width', {
					kind: args.kind,
					resolveDir: args.resolveDir,
					pluginData: 'real',
				});
				if (real.errors.length > 0) return undefined;
				const table = versionOf(real.path) === tableVersion;
				return {path: real.path, namespace: 'fast-width', pluginData: {table}};
			});
			b.onLoad({filter: /.*/, namespace: 'fast-width'}, (args) => ({
				contents: [
					`import {withFastPath} from ${JSON.stringify(here('source/text/fast-width.ts'))};`,
					// require() of a bundled module: esbuild evaluates it on the first call, not at start-up.
					`export default withFastPath(() => require(${JSON.stringify(args.path)}).default, {table: ${args.pluginData.table}});`,
				].join('\n'),
				resolveDir: here('.'),
				loader: 'js',
			}));
		},
	},
	{
		// Ink loads its devtools module only when DEV=true, but bundling it brings ws and a window polyfill along.
		// The bundle has no devtools (react-devtools-core is stubbed already), so the module is the stub too.
		name: 'ink-without-devtools',
		setup(b) {
			b.onResolve({filter: /^\.\/devtools\.js$/}, (args) =>
				/[\\/]node_modules[\\/]ink[\\/]/.test(args.importer)
					? {path: here('source/devtools-stub.ts')}
					: undefined,
			);
		},
	},
	// The patches that change a dependency's text (yoga's loader, ansi-tokenize's style diff, Ink's output cache)
	// are versioned diffs in .ci/patches, each pinned to the exact upstream file (see .ci/patches.mjs).
	versionedPatches(),
];

/**
 * The plugins less those named (a plugin's name, or a patch's file name such as ink@6.8.0.patch): how each one's
 * win is measured. Throws on a name that is neither.
 */
export function pluginsWithout(names) {
	const patches = patchesOf(startupPlugins.find((p) => p.name === 'versioned-patches'));
	for (const name of names)
		if (!startupPlugins.some((p) => p.name === name) && !patches.some((p) => p.file === name))
			throw new Error(
				`--without: ${name} is neither a plugin of .ci/bundle-plugins.mjs nor a patch in .ci/patches`,
			);
	return startupPlugins
		.filter((p) => !names.has(p.name))
		.map((p) =>
			p.name === 'versioned-patches' ? versionedPatches(patches.filter((x) => !names.has(x.file))) : p,
		);
}
