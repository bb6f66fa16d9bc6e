// Builds the CLI into one ESM file (dist/cli.mjs). `--bench` also builds the benchmark (dist/bench.mjs).
// Run by `npm run build`, which `npm install` runs through `prepare`.
import {readFile} from 'node:fs/promises';
import {build} from 'esbuild';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const here = (path) => new URL(path, root).pathname;

// Start-up work the first frame does not need (each measured with `npm run bench`; see the readme):
const startupPlugins = [
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
			b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (args) => {
				const text = await readFile(args.path, 'utf8');
				const from = 'return w||"function"!=typeof fetch?';
				if (!text.includes(from)) throw new Error(`yoga-layout changed: "${from}" not found in ${args.path}`);
				return {contents: text.replace(from, 'return true?'), loader: 'js'};
			});
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
];

const common = {
	absWorkingDir: root.pathname,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
	alias: {
		// Ink statically imports react-devtools-core; --external is not enough, esbuild hoists the import.
		'react-devtools-core': './source/devtools-stub.ts',
		// conf's schema validation and migrations are never used (see the stub).
		'ajv/dist/2020.js': './.ci/stubs/conf-unused.mjs',
		'ajv-formats': './.ci/stubs/conf-unused.mjs',
		semver: './.ci/stubs/conf-unused.mjs',
	},
	plugins: startupPlugins,
	// CommonJS dependencies (signal-exit, pop-core) call require() on node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
	// Otherwise the development builds of react and react-reconciler are bundled.
	define: {'process.env.NODE_ENV': '"production"', __ECS_SG_VERSION__: JSON.stringify(pkg.version)},
};

await build({...common, entryPoints: ['source/cli.tsx'], outfile: 'dist/cli.mjs'});
if (process.argv.includes('--bench')) {
	// The floor any Ink app pays: ink + react rendering one line, bundled exactly like the CLI.
	await build({...common, entryPoints: ['test/bench/ink-floor.tsx'], outfile: 'dist/ink-floor.mjs'});
	await build({
		...common,
		minify: false,
		entryPoints: ['test/bench/bench.ts'],
		outfile: 'dist/bench.mjs',
		// Native and CommonJS-only test tools stay outside the bundle.
		external: ['@lydell/node-pty', '@xterm/headless', '@alicloud/pop-core'],
	});
}
