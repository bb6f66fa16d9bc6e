import {execFileSync} from 'node:child_process';

// The e2e tests drive the bundled CLI, so the bundle is rebuilt from the current source first (about 0.3 s).
export default function setup(): void {
	execFileSync(process.execPath, ['.ci/bundle.mjs'], {stdio: 'inherit'});
}
