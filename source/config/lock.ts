// A cross-process lock around each read-modify-write of the settings file, so two ecs-sg processes writing at
// once never lose each other's entries. The lock is a file created with O_EXCL next to the settings; it holds
// the owner's pid and start time. A lock whose owner is gone, or that is older than any write could take, is
// stale and is taken over. Synchronous on purpose: the settings API is synchronous and writes take milliseconds.
import fs from 'node:fs';
import os from 'node:os';

export type LockOptions = {
	/** Give up waiting after this long. */
	timeoutMs?: number;
	/** A lock older than this is stale whatever its pid says (pids are reused). */
	staleMs?: number;
};

export class LockTimeoutError extends Error {
	override readonly name = 'LockTimeoutError';
	constructor(readonly lockPath: string) {
		super(`lock ${lockPath} is held`);
	}
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number): void => {
	Atomics.wait(pause, 0, 0, ms);
};

function ownerIsGone(content: string): boolean {
	const [host, pidText] = content.split(':');
	const pid = Number(pidText);
	if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

function isStale(lockPath: string, staleMs: number): {stale: boolean; content?: string} {
	try {
		const content = fs.readFileSync(lockPath, 'utf8');
		const age = Date.now() - fs.statSync(lockPath).mtimeMs;
		return {stale: age > staleMs || ownerIsGone(content), content};
	} catch {
		// Vanished between our attempt and this look: not stale, just try again.
		return {stale: false};
	}
}

/** Removes a stale lock, unless someone replaced it with a live one in the meantime. */
function breakStale(lockPath: string, seen: string): void {
	const aside = `${lockPath}.${process.pid}.${Date.now()}.stale`;
	try {
		fs.renameSync(lockPath, aside);
	} catch {
		return;
	}
	try {
		if (fs.readFileSync(aside, 'utf8') !== seen) {
			// We moved a fresh lock: put it back (link fails if yet another one appeared, which is fine).
			try {
				fs.linkSync(aside, lockPath);
			} catch {}
		}
	} finally {
		fs.rmSync(aside, {force: true});
	}
}

export function withLock<T>(lockPath: string, work: () => T, options: LockOptions = {}): T {
	const timeoutMs = options.timeoutMs ?? 5000;
	const staleMs = options.staleMs ?? 10_000;
	const deadline = Date.now() + timeoutMs;
	const token = `${os.hostname()}:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
	let wait = 2;
	for (;;) {
		try {
			const fd = fs.openSync(lockPath, 'wx', 0o600);
			try {
				fs.writeSync(fd, token);
			} finally {
				fs.closeSync(fd);
			}
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const {stale, content} = isStale(lockPath, staleMs);
		if (stale && content !== undefined) {
			breakStale(lockPath, content);
			continue;
		}
		if (Date.now() > deadline) throw new LockTimeoutError(lockPath);
		sleepSync(wait);
		wait = Math.min(wait * 2, 50);
	}
	try {
		return work();
	} finally {
		// Only remove the lock if it is still ours (it could have been broken as stale by a slow write).
		try {
			if (fs.readFileSync(lockPath, 'utf8') === token) fs.rmSync(lockPath, {force: true});
		} catch {}
	}
}
