// Keys that arrive together (a paste, key repeat, a slow SSH link) reach Ink as one string: every input reads
// them one key at a time through components/key-chunk.ts, lists as well as text inputs (issue 15 item 3).

import {Text} from 'ink';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {filterIndexes, prepare} from '../../source/wizard/components/filter.js';
import {FilterList, type ListItem} from '../../source/wizard/components/filter-list.js';
import {splitChunk} from '../../source/wizard/components/key-chunk.js';
import {TextInput} from '../../source/wizard/components/text-input.js';
import {useTypeAhead} from '../../source/wizard/components/type-ahead.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const BACKSPACE = '\u007F';
const regions: ListItem[] = [
	['cn-qingdao', 'China (Qingdao)'],
	['cn-zhangjiakou', 'China (Zhangjiakou)'],
	['cn-hangzhou', 'China (Hangzhou)'],
	['cn-shanghai', 'China (Shanghai)'],
].map(([id, name]) => ({key: id as string, cells: [name as string, id as string], search: `${name} ${id}`}));

function Probe() {
	const {query} = useTypeAhead(true);
	return <Text>{`[${query}]`}</Text>;
}

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
});

function list() {
	const onSelect = vi.fn();
	session = renderInk(
		<FilterList items={regions} height={5} width={80} onSelect={onSelect} onBack={vi.fn()} />,
	);
	return {s: session, onSelect};
}

describe('splitChunk', () => {
	const none = splitChunk('a', {} as never)[0]?.key;
	it('splits a run of plain bytes at its control characters, the text between them kept whole', () => {
		const presses = splitChunk(`ab${BACKSPACE}${BACKSPACE}cd\r`, {...(none as object)} as never);
		expect(presses.map((p) => [p.input, p.key.backspace, p.key.return])).toEqual([
			['ab', false, false],
			['', true, false],
			['', true, false],
			['cd', false, false],
			['\r', false, true],
		]);
	});
	it('names Ctrl letters as Ink does, and leaves a named key or plain text alone', () => {
		const presses = splitChunk('x\u0015y', {} as never);
		expect(presses[1]?.key.ctrl).toBe(true);
		expect(presses[1]?.input).toBe('u');
		expect(splitChunk('hello', {} as never)).toHaveLength(1);
	});
});

describe('FilterList reads keys that arrive together', () => {
	it('two Backspaces in one write delete two characters', async () => {
		const {s} = list();
		await s.waitFor('cn-qingdao');
		await s.type('hangz');
		await s.waitFor('(1 of 4)');
		await s.press(`${BACKSPACE}${BACKSPACE}`);
		expect(s.lastFrame()).toContain('Filter: han▏');
		expect(s.lastFrame()).toContain('(3 of 4)');
	});

	it('a pasted filter and Enter in one write filter and then choose', async () => {
		const {s, onSelect} = list();
		await s.waitFor('cn-qingdao');
		await s.press('hangzhou\r');
		expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({key: 'cn-hangzhou'}));
	});
});

describe('TextInput and the type-ahead read through the same reader', () => {
	it('TextInput: Backspace, Ctrl+U and Enter inside one chunk act where they stand', async () => {
		const onSubmit = vi.fn();
		session = renderInk(<TextInput onSubmit={onSubmit} onCancel={vi.fn()} />);
		await session.press(`web-12${BACKSPACE}${BACKSPACE}x\u0015web-9\r`);
		expect(onSubmit).toHaveBeenCalledWith('web-9');
	});

	it('type-ahead: two Backspaces in one write delete two characters', async () => {
		session = renderInk(<Probe />);
		await session.press('hangz');
		await session.press(`${BACKSPACE}${BACKSPACE}`);
		expect(session.lastFrame()).toContain('[han]');
	});
});

describe('ranking (issue 15 item 12)', () => {
	it('a match at the start of the id or the name comes before a match inside a word', () => {
		const found = filterIndexes(prepare(regions.map((r) => r.search)), 'hang');
		expect(found.map((i) => regions[i]?.key)).toEqual(['cn-hangzhou', 'cn-zhangjiakou', 'cn-shanghai']);
	});
	it('the list shows Hangzhou first for "hang"', async () => {
		const {s} = list();
		await s.waitFor('cn-qingdao');
		await s.type('hang');
		const frame = await s.waitFor('(3 of 4)');
		expect(frame.split('\n').find((l) => l.startsWith('❯'))).toContain('cn-hangzhou');
		await s.press(keys.enter);
	});
});
