// SIGINT, SIGTERM and SIGHUP while a command works: each becomes a call to the command's own handler, which stops
// cleanly (the call in flight finishes, the journal says what exists, the terminal is restored) instead of the
// default death mid-write. The exit code then names the signal the way a shell would: 130, 143 or 129.
import {type ExitCode, exitCodes} from './io.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const stopSignals: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** 128 + the signal's number; a stop by keyboard (no signal) counts as SIGINT. */
export function exitCodeOf(signal: StopSignal | undefined): ExitCode {
	if (signal === 'SIGTERM') return exitCodes.terminated;
	if (signal === 'SIGHUP') return exitCodes.hangup;
	return exitCodes.cancelled;
}

/**
 * A repeat of the same signal sooner than this is an echo, not a second request: conf's exit hook (when-exit)
 * catches the first signal once and raises it again at once.
 */
export const echoMs = 300;

/**
 * Calls `handler` for each stop signal (echoes left out) until the returned function is called. While it
 * listens, the signals no longer end the process by themselves: the handler decides.
 */
export function onStopSignals(handler: (signal: StopSignal) => void): () => void {
	let last: {signal: StopSignal; at: number} | undefined;
	let listening = true;
	handlers++;
	const listeners = stopSignals.map((signal) => {
		const listener = () => {
			const at = Date.now();
			if (last?.signal === signal && at - last.at < echoMs) return;
			last = {signal, at};
			handler(signal);
		};
		process.on(signal, listener);
		return [signal, listener] as const;
	});
	return () => {
		if (!listening) return;
		listening = false;
		handlers--;
		for (const [signal, listener] of listeners) process.off(signal, listener);
	};
}

/** How many onStopSignals subscriptions are live: while any is, a stop signal is theirs to handle. */
let handlers = 0;

/**
 * Calls `handler` for a stop signal that no command is handling (a prompt is up, a command is starting or
 * finishing): installed once by cli.tsx, so a signal never leaves a raw terminal or a hidden cursor behind.
 */
export function onUnhandledStop(handler: (signal: StopSignal) => void): void {
	for (const signal of stopSignals) {
		process.on(signal, () => {
			if (handlers === 0) handler(signal);
		});
	}
}

/** Leaves the terminal as it was found: raw mode off, cursor shown (a prompt ended by a signal leaves neither). */
export function restoreTerminal(): void {
	try {
		if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
	} catch {
		// The terminal is gone (SIGHUP): nothing to restore.
	}
	for (const stream of [process.stdout, process.stderr]) {
		if (stream.isTTY && stream.writable) stream.write('\u001B[?25h');
	}
}

/** A stop in two stages, as every command that sends calls takes it (stopInTwo). */
export type TwoStageStop = {
	/** Aborted by the first stop: the work stops before its next call (the call in flight finishes). */
	signal: AbortSignal;
	/** The exit code of the stop: 130 for Ctrl+C or SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
	exitCode(): ExitCode;
	/** Stops listening. */
	stop(): void;
};

/**
 * The one stop handler of the commands that send calls without Ink: the first stop aborts `signal` and says
 * `first()`; a second stops listening, says `second()` and ends the process by its signal. `listen` (tests:
 * a fake) calls the handler per stop, a missing signal meaning SIGINT; with `now`, a second stop sooner than
 * `echo` ms after the first is taken for its echo.
 */
export function stopInTwo(options: {
	first: () => void;
	second: () => void;
	listen?: (handler: (signal?: StopSignal) => void) => () => void;
	now?: () => number;
	echo?: number;
	end?: (signal: StopSignal) => void;
}): TwoStageStop {
	const controller = new AbortController();
	const now = options.now ?? Date.now;
	let first: StopSignal | undefined;
	let firstAt = 0;
	const stop = (options.listen ?? onStopSignals)((signal = 'SIGINT') => {
		if (!controller.signal.aborted) {
			controller.abort();
			first = signal;
			firstAt = now();
			options.first();
			return;
		}
		if (options.echo !== undefined && now() - firstAt < options.echo) return;
		stop();
		options.second();
		// Ends the process by the signal now, its listeners gone: the shell reports the signal that stopped it.
		if (options.end) options.end(signal);
		else process.kill(process.pid, signal);
	});
	return {signal: controller.signal, exitCode: () => exitCodeOf(first), stop};
}

/**
 * The one stop handler of the commands that run an Ink app: every stop signal is handed to the app's listeners
 * (it takes them as Ctrl+C); one that comes before the app has subscribed is handed over when it does.
 * `signal()` is the first one received.
 */
export function stopRequests(): {
	requests: (listener: () => void) => () => void;
	signal: () => StopSignal | undefined;
	stop: () => void;
} {
	const listeners = new Set<() => void>();
	let first: StopSignal | undefined;
	let missed = false;
	const stop = onStopSignals((received) => {
		first ??= received;
		if (listeners.size === 0) missed = true;
		for (const listener of listeners) listener();
	});
	return {
		requests: (listener) => {
			listeners.add(listener);
			if (missed) {
				missed = false;
				listener();
			}
			return () => listeners.delete(listener);
		},
		signal: () => first,
		stop,
	};
}
