// esbuild plugins that take work off the CLI's start-up and off every frame, each measured with `npm run bench`
// (see the readme). They change how dependencies are loaded, never what they answer; test/bench/bundle.test.ts
// checks each against the unpatched code. A patch whose target text is gone fails the build instead of
// silently doing nothing.
import {readFile} from 'node:fs/promises';

const root = new URL('..', import.meta.url);
const here = (path) => new URL(path, root).pathname;

/** Replaces `from` (which must occur exactly once) in a dependency file as it is bundled. */
async function patch(path, from, to) {
	const text = await readFile(path, 'utf8');
	if (text.split(from).length !== 2) throw new Error(`${path} changed: "${from}" is not there exactly once`);
	return text.replace(from, to);
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
		// string-width itself only for the rest. wrap-ansi's older copy gets the ASCII-only front (its answers for
		// symbols such as ✔ differ from the table's).
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
				const table = real.path === here('node_modules/string-width/index.js');
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
		// yoga-layout's loader fetches its own data: URL when `fetch` exists, which loads undici (~30 ms) just to
		// decode base64. Its synchronous fallback decodes the same bytes without it.
		name: 'yoga-without-fetch',
		setup(b) {
			b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (args) => ({
				contents: await patch(args.path, 'return w||"function"!=typeof fetch?', 'return true?'),
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
	{
		// Ink turns every frame back into text cell by cell (100x30 cells for a full step), asking ansi-tokenize for
		// the codes between each cell and the next: three Sets and four arrays per cell, even when both cells have
		// the same style, as nearly all do. The same style needs no codes, so that case skips the diff.
		name: 'ansi-tokenize-same-style',
		setup(b) {
			b.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async (args) => {
				let text = await patch(
					args.path,
					'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
					'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				);
				text = text.replace(
					'ret += ansiCodesToString(diffAnsiCodes(char.styles, []));',
					'if (char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));',
				);
				// diffAnsiCodes(a, b) is empty whenever a and b hold the same codes in the same order.
				text += `
function sameStyles(a, b) {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
	return true;
}
`;
				return {contents: text, loader: 'js'};
			});
		},
	},
	{
		// Ink's Output caches the styled cells and widths of each line it draws, but a new Output (and so an empty
		// cache) is made for every frame, so a keystroke that changes one line re-tokenizes all thirty. The cache
		// holds pure functions of the line's text, so frames can share it (renewed past 2,000 lines).
		name: 'ink-output-shared-cache',
		setup(b) {
			b.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/}, async (args) => {
				let text = await patch(args.path, '    caches = new OutputCaches();', '    caches = sharedCaches();');
				text += `
let shared;
function sharedCaches() {
	if (!shared || shared.styledChars.size > 2000 || shared.widths.size > 2000) shared = new OutputCaches();
	return shared;
}
`;
				return {contents: text, loader: 'js'};
			});
		},
	},
];
