import {execFileSync} from 'node:child_process';

// The e2e tests drive the bundled CLI, so the bundle is rebuilt from the current source first (about 0.3 s).
// In CI a failed build fails the run; on a workstation the unit tests still run (the e2e tests then fail on
// their own), so one broken file does not hide every other result.
export default function setup(): void {
	try {
		execFileSync(process.execPath, ['.ci/bundle.mjs'], {stdio: 'inherit'});
	} catch (error) {
		const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
		if (ci) throw error;
		console.warn('\n⚠ The bundle did not build; e2e tests will fail until it does.\n');
	}
}
