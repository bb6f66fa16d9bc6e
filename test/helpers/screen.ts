// A headless xterm that a pseudo-terminal's output is fed to, read back as the text a person would see.
import xterm from '@xterm/headless';

// @xterm/headless is CommonJS: a named import fails under native ESM.
const {Terminal} = xterm;

export type HeadlessScreen = {
	write(data: string): void;
	/** Resolves once everything written so far has been drawn. */
	flush(): Promise<void>;
	/** The visible screen plus scrollback, one string, trailing blanks trimmed. */
	screen(): string;
	/** Only what is visible now (the last `rows` lines), without the scrollback. */
	viewport(): string;
	resize(cols: number, rows: number): void;
	/**
	 * Polls until the screen holds `needle` and returns it; fails with the screen at the deadline, or at once when
	 * `over()` says the program can draw nothing more.
	 */
	waitForText(needle: string | RegExp, timeoutMs: number, over: () => boolean): Promise<string>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function headlessScreen(options: {cols: number; rows: number; scrollback: number}): HeadlessScreen {
	const term = new Terminal({...options, allowProposedApi: true});
	const flush = () => new Promise<void>((resolve) => term.write('', resolve));
	const lines = (from: number, to: number) => {
		const buffer = term.buffer.active;
		const found: string[] = [];
		for (let i = from; i < to; i++) found.push(buffer.getLine(i)?.translateToString(true) ?? '');
		return found.join('\n').trimEnd();
	};
	const screen = () => lines(0, term.buffer.active.length);
	return {
		write: (data) => term.write(data),
		flush,
		screen,
		viewport: () => lines(term.buffer.active.viewportY, term.buffer.active.viewportY + term.rows),
		resize: (cols, rows) => term.resize(cols, rows),
		async waitForText(needle, timeoutMs, over) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await flush();
				const text = screen();
				if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) return text;
				if (Date.now() > deadline || over()) {
					throw new Error(`Timed out waiting for ${String(needle)}; the screen was:\n${text}`);
				}
				await sleep(25);
			}
		},
	};
}
