// The one reader of key chunks for every input (text inputs, lists, the keys of a step). Ink splits escape
// sequences (arrows, Home, PageUp) into events of their own, but hands a run of plain bytes over as one string:
// a paste, key repeat or a slow SSH link deliver `hangzhou\r` or two Backspaces (`\x7f\x7f`) in one event, which
// Ink names as nothing at all. This splits such a run into the keys it holds, in order, each named as Ink names
// a key typed alone, so a handler written for one key at a time sees every key.
import {type Key, useInput} from 'ink';
import {useRef} from 'react';
import {cleanLine} from '../../text/index.js';

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

export type KeyPress = {readonly input: string; readonly key: Key};

const named = (input: string, key: Partial<Key>): KeyPress => ({input, key: {...noKey, ...key}});

/** The key one control character stands for, or undefined for one no input uses (it is dropped). */
function controlKey(ch: string): KeyPress | undefined {
	if (ch === '\r' || ch === '\n') return named('\r', {return: true});
	if (ch === '\t') return named('', {tab: true});
	if (ch === '\u007F' || ch === '\b') return named('', {backspace: true});
	if (ch === '\u001B') return named('', {escape: true, meta: true});
	const code = ch.codePointAt(0) ?? 0;
	// Ctrl+A .. Ctrl+Z arrive as 1..26: named by their letter, as Ink does.
	if (code >= 1 && code <= 26) return named(String.fromCodePoint(code + 96), {ctrl: true});
	return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the keys being read.
const control = /[\u0000-\u001F\u007F]/;

/**
 * The keys of one input event. An event Ink has named (an arrow, Enter alone, Ctrl+W) or plain text without
 * control characters is one key, as it came; a run holding control characters is split at them: the text
 * between them stays one piece (a pasted word is typed at once), each control character becomes its key.
 * Line breaks at the very end are one Enter.
 */
export function splitChunk(input: string, key: Key): KeyPress[] {
	const isNamed = Object.entries(key).some(
		([name, on]) => on === true && name !== 'shift' && name !== 'meta',
	);
	if (isNamed || input.length <= 1 || !control.test(input)) return [{input, key}];
	const out: KeyPress[] = [];
	let text = '';
	const flush = () => {
		if (text !== '') out.push(named(text, {}));
		text = '';
	};
	// Only a line break at the end is Enter: one inside a paste is part of what was pasted (the input cleans it).
	const enter = /[\r\n]+$/.test(input);
	for (const ch of input.replace(/[\r\n]+$/, '')) {
		if (!control.test(ch) || ch === '\r' || ch === '\n') {
			text += ch;
			continue;
		}
		flush();
		const press = controlKey(ch);
		if (press) out.push(press);
	}
	flush();
	if (enter) out.push(named('\r', {return: true}));
	return out;
}

/**
 * What a key types into a line or a filter: its text cleaned of control characters and escape codes, or '' for a
 * key that types nothing (Ctrl and Meta combinations, Tab, Enter, Esc, the arrows, Home/End, the page keys).
 */
export function typedText(input: string, key: Key): string {
	const moves =
		key.upArrow ||
		key.downArrow ||
		key.leftArrow ||
		key.rightArrow ||
		key.home ||
		key.end ||
		key.pageUp ||
		key.pageDown;
	return moves || key.ctrl || key.meta || key.tab || key.return || key.escape ? '' : cleanLine(input);
}

export type KeyHandler = (input: string, key: Key) => void;

/**
 * useInput, one key at a time: the handler is called once for every key of a chunk (see splitChunk). Handlers
 * that read state between keys should keep it in useLiveState, as a re-render does not happen between them.
 */
export function useKeys(handler: KeyHandler, options: {isActive?: boolean} = {}): void {
	const current = useRef(handler);
	current.current = handler;
	useInput(
		(input, key) => {
			for (const press of splitChunk(input, key)) current.current(press.input, press.key);
		},
		{isActive: options.isActive ?? true},
	);
}
