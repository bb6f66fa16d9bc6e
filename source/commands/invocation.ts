// How a command printed for the user (Done's follow-ups, resume hints, error advice) must start to run where the
// user is. After the readme's `npm install` there is no `ecs-sg` on PATH until `npm link`, so printing
// `ecs-sg rules …` there would print a command that fails. Decided once, on the first message that prints a
// command (text/index.ts rewrites the catalogue's `ecs-sg` with it).
import fs from 'node:fs';
import path from 'node:path';

type Whereabouts = {
	env: NodeJS.ProcessEnv;
	cwd: string;
	/** This package's bin/ecs-sg.js. */
	bin: string;
};

/** This package's name in package.json: `npm start` here runs this CLI. */
const packageName = 'ecs-sg-wizard';

/** The real file a path names, or undefined when there is none. */
function real(file: string): string | undefined {
	try {
		return fs.realpathSync(file);
	} catch {
		return undefined;
	}
}

/** `ecs-sg` on PATH is this package's launcher (npm link, npm install -g, or a package's node_modules/.bin). */
function onPath(pathVariable: string | undefined, bin: string): boolean {
	const ours = real(bin);
	if (!ours) return false;
	return (pathVariable ?? '')
		.split(path.delimiter)
		.some((dir) => dir !== '' && real(path.join(dir, 'ecs-sg')) === ours);
}

const quoted = (file: string): string =>
	/^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;

/**
 * `npm start --` when run by `npm start` in this checkout, `npx ecs-sg` when run by npx, `ecs-sg` when that
 * resolves on PATH to this package, else `node bin/ecs-sg.js` (relative to where the user is when that is below
 * it, else the absolute path). npm's variables come first: npm puts node_modules/.bin on PATH for its own run
 * only, and the user's shell does not have it.
 */
export function invocation({env, cwd, bin}: Whereabouts): string {
	if (env.npm_lifecycle_event === 'start' && env.npm_package_name === packageName) return 'npm start --';
	if (env.npm_command === 'exec') return 'npx ecs-sg';
	if (onPath(env.PATH, bin)) return 'ecs-sg';
	const from = env.INIT_CWD ?? cwd;
	const relative = path.relative(from, bin);
	const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? bin : relative;
	return `node ${quoted(shown)}`;
}
