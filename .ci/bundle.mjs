// Builds the CLI into an ESM entry (dist/cli.mjs) and its chunks (dist/cli-chunks/). `--bench` also builds the benchmark (dist/bench.mjs).
// Run by `npm run build`, which `npm install` runs through `prepare`.
// `--without NAME,...` leaves the named plugins of bundle-plugins.mjs out and `--out FILE` writes the CLI elsewhere:
// how each plugin's win is measured (`node dist/bench.mjs --only startup --cli FILE`, see the readme).
import {readFile, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {build} from 'esbuild';
import {pluginsWithout} from './bundle-plugins.mjs';
import {assertAllApplied} from './patches.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const option = (name) => {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? process.argv[at + 1] : undefined;
};
const plugins = pluginsWithout(new Set(option('without')?.split(',') ?? []));

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
	plugins,
	// CommonJS dependencies (signal-exit, pop-core) call require() on node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
	// Otherwise the development builds of react and react-reconciler are bundled.
	define: {'process.env.NODE_ENV': '"production"', __ECS_SG_VERSION__: JSON.stringify(pkg.version)},
};

// Split at the dynamic imports: a command loads only its own code (the sandbox, the credentials library, the
// prompts and pop-core are chunks of their own), so start-up parses less than the whole bundle.
const out = option('out') ?? 'dist/cli.mjs';
const name = basename(out, '.mjs');
// Each build's chunks sit in a folder of its own, emptied first, so no stale chunk is left beside a new build.
await rm(join(dirname(out), `${name}-chunks`), {recursive: true, force: true});
await build({
	...common,
	entryPoints: {[name]: 'source/cli.tsx'},
	outdir: dirname(out),
	splitting: true,
	outExtension: {'.js': '.mjs'},
	chunkNames: `${name}-chunks/[name]-[hash]`,
});
// A patch whose file the CLI no longer bundles would otherwise do nothing, silently.
assertAllApplied(plugins.find((p) => p.name === 'versioned-patches'));
if (process.argv.includes('--bench')) {
	// The floor any Ink app pays: ink + react rendering one line, bundled exactly like the CLI.
	await build({...common, entryPoints: ['test/bench/ink-floor.tsx'], outfile: 'dist/ink-floor.mjs'});
	// The same floor with only the three fixes any Ink bundle needs, none of our plugins: what Ink costs as shipped.
	const {plugins: _, ...plain} = common;
	await build({
		...plain,
		alias: {'react-devtools-core': './source/devtools-stub.ts'},
		entryPoints: ['test/bench/ink-floor.tsx'],
		outfile: 'dist/ink-floor-plain.mjs',
	});
	await build({
		...common,
		minify: false,
		entryPoints: ['test/bench/bench.ts'],
		outfile: 'dist/bench.mjs',
		// Native and CommonJS-only test tools stay outside the bundle.
		external: ['@lydell/node-pty', '@xterm/headless', '@alicloud/pop-core'],
	});
}
