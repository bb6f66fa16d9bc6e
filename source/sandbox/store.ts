// The state file on disk: read (or seed when missing), and written atomically (a temporary file in the same
// folder, then rename) with mode 0600, since it holds keys. A file that cannot be used is never rewritten.
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {randomChars} from './ids.js';
import {locateJsonError} from './json-locate.js';
import {seedWorld} from './seed.js';
import {worldFromFile, worldToFile} from './state-file.js';
import type {World} from './types.js';

/** A state file (or initialState) that cannot be used; `problems` are sentences with a path in the file. */
export class SandboxStateError extends Error {
	override readonly name = 'SandboxStateError';
	constructor(
		readonly file: string,
		readonly problems: readonly string[],
	) {
		super(`The sandbox state file ${file} cannot be used: ${problems.join('; ')}`);
	}
}

const utf8 = new TextDecoder('utf-8', {fatal: true});

function parseStateText(file: string, bytes: Uint8Array, nowMs: number): World {
	let text: string;
	try {
		text = utf8.decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw new SandboxStateError(file, ['it is not UTF-8 text']);
	}
	if (text.trim() === '')
		throw new SandboxStateError(file, ['it is empty (delete it to start from the seeded state)']);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		const where = locateJsonError(text);
		throw new SandboxStateError(file, [
			where ? `invalid JSON at line ${where.line}, column ${where.column}: ${where.reason}` : 'invalid JSON',
		]);
	}
	const read = worldFromFile(data, nowMs);
	if ('problems' in read) throw new SandboxStateError(file, read.problems);
	return read.world;
}

export function writeState(file: string, world: World): void {
	const text = `${JSON.stringify(worldToFile(world), null, 2)}\n`;
	const folder = dirname(file);
	mkdirSync(folder, {recursive: true, mode: 0o700});
	const temporary = `${file}.${process.pid}.${randomChars(8)}.tmp`;
	try {
		writeFileSync(temporary, text, {mode: 0o600});
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}

/** Reads the file, or seeds and writes it when it does not exist yet. */
export function loadState(file: string, nowMs: number): World {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') {
			const world = seedWorld();
			writeState(file, world);
			return world;
		}
		const why =
			code === 'EISDIR'
				? 'it is a folder, not a file'
				: code === 'EACCES'
					? 'permission denied'
					: `cannot read it (${code ?? 'error'})`;
		throw new SandboxStateError(file, [why]);
	}
	return parseStateText(file, bytes, nowMs);
}
