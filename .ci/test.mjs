// `npm test`: type check, lint, then the whole vitest suite; ends with the line `N passed, N failed`.
// The type check and the lint count as one test each, so a red check is never hidden by a green suite.
// `--fuzz` runs only the property tests, with a larger number of runs.
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';

const fuzz = process.argv.includes('--fuzz');
const run = (cmd, args, env = {}) =>
	spawnSync(cmd, args, {stdio: 'inherit', env: {...process.env, ...env}}).status === 0;
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

let passed = 0;
let failed = 0;
const check = (label, ok) => {
	if (ok) passed++;
	else {
		failed++;
		console.error(`\n✖ ${label} failed`);
	}
};

if (!fuzz) {
	console.log('› type check (tsc --noEmit)');
	check('type check', run(bin('tsc'), ['--noEmit']));
	console.log('› lint and format (biome check)');
	check('lint', run(bin('biome'), ['check', '.']));
}

const report = '.vitest.json';
rmSync(report, {force: true});
const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
if (fuzz) vitestArgs.push('test/property');
run(bin('vitest'), vitestArgs, fuzz ? {FUZZ: '1'} : {});
try {
	const r = JSON.parse(readFileSync(report, 'utf8'));
	passed += r.numPassedTests;
	failed += r.numFailedTests;
	// A suite that cannot even load (syntax error, missing module) has no tests to count as failed.
	if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
} catch {
	failed++;
	console.error('\n✖ vitest did not write its report');
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
