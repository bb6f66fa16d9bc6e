import {afterEach, describe, expect, it, vi} from 'vitest';
import {templateRules} from '../../source/domain/rules.js';
import {width} from '../../source/text/index.js';
import {FilterList, fitColumns, type ListItem} from '../../source/wizard/components/filter-list.js';
import {RulesTable} from '../../source/wizard/components/rules-table.js';
import {TextInput} from '../../source/wizard/components/text-input.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const items = (n: number): ListItem[] =>
	Array.from({length: n}, (_, i) => ({
		key: `vpc-${String(i).padStart(4, '0')}`,
		cells: [`net-${i}`, `vpc-${String(i).padStart(4, '0')}`],
		search: `net-${i} vpc-${String(i).padStart(4, '0')}`,
	}));

/** The item rows of a frame (the highlighted one starts with the pointer). */
const rows = (frame: string) => frame.split('\n').filter((l) => /^(❯ | {2})net-/.test(l));
const pointed = (frame: string) =>
	frame
		.split('\n')
		.find((l) => l.startsWith('❯'))
		?.replace('❯', '')
		.trim();

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
});

function list(props: Partial<Parameters<typeof FilterList>[0]> = {}) {
	const onSelect = vi.fn();
	const onBack = vi.fn();
	session = renderInk(
		<FilterList items={items(100)} height={5} width={80} onSelect={onSelect} onBack={onBack} {...props} />,
	);
	return {s: session, onSelect, onBack};
}

describe('FilterList', () => {
	it('renders only its window, whatever the item count', async () => {
		const {s} = list({items: items(5000)});
		const frame = await s.waitFor('net-0');
		expect(rows(frame)).toHaveLength(5);
		expect(frame).toContain('4995 more');
		expect(frame).toContain('(5000 of 5000)');
	});

	it('moves with arrows, Home/End and PageUp/PageDown, scrolling the window', async () => {
		const {s} = list();
		await s.waitFor('net-0');
		await s.press(keys.down, keys.down);
		expect(pointed(s.lastFrame())).toMatch(/^net-2 /);
		await s.press(keys.pageDown);
		expect(pointed(s.lastFrame())).toMatch(/^net-7 /);
		expect(rows(s.lastFrame())[0]).toContain('net-3');
		await s.press(keys.end);
		expect(pointed(s.lastFrame())).toMatch(/^net-99 /);
		await s.press(keys.pageUp);
		expect(pointed(s.lastFrame())).toMatch(/^net-94 /);
		await s.press(keys.home);
		expect(pointed(s.lastFrame())).toMatch(/^net-0 /);
		await s.press(keys.up);
		expect(pointed(s.lastFrame())).toMatch(/^net-99 /);
	});

	it('filters as you type and selects the highlighted match', async () => {
		const {s, onSelect} = list();
		await s.waitFor('net-0');
		await s.type('net-4');
		const frame = await s.waitFor('(11 of 100)');
		expect(rows(frame).every((r) => r.includes('net-4'))).toBe(true);
		await s.press(keys.down, keys.enter);
		expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({key: 'vpc-0040'}));
	});

	it('says when nothing matches', async () => {
		const {s, onSelect} = list();
		await s.waitFor('net-0');
		await s.type('zzz');
		await s.waitFor('Nothing matches "zzz"');
		await s.press(keys.enter);
		expect(onSelect).not.toHaveBeenCalled();
	});

	it('Backspace edits the filter; Esc clears it first, then goes back', async () => {
		const {s, onBack} = list();
		await s.waitFor('net-0');
		await s.type('net-99x');
		await s.waitFor('(0 of 100)');
		await s.press(keys.backspace);
		await s.waitFor('(1 of 100)');
		await s.press(keys.escape);
		await s.waitFor('(100 of 100)');
		expect(onBack).not.toHaveBeenCalled();
		await s.press(keys.escape);
		await vi.waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
	});

	it('starts on the initial key', async () => {
		const {s} = list({initialKey: 'vpc-0050'});
		const frame = await s.waitFor('net-50');
		expect(pointed(frame)).toMatch(/^net-50 /);
	});

	it('handles a burst of keys in one chunk (typed fast or pasted)', async () => {
		const {s} = list();
		await s.waitFor('net-0');
		await s.press('net-7');
		await s.waitFor('(11 of 100)');
		await s.press(`${keys.down}${keys.down}`);
		expect(pointed(s.lastFrame())).toMatch(/^net-71 /);
	});

	it('aligns CJK names by display width', async () => {
		const cjk: ListItem[] = [
			{key: 'a', cells: ['华东1（杭州）', 'cn-hangzhou'], search: 'a'},
			{key: 'b', cells: ['Singapore', 'ap-southeast-1'], search: 'b'},
		];
		const {s} = list({items: cjk});
		const frame = await s.waitFor('Singapore');
		const lines = frame.split('\n').filter((l) => l.includes('cn-') || l.includes('ap-'));
		const columnOf = (line: string, id: string) => width(line.slice(0, line.indexOf(id)));
		expect(columnOf(lines[0] ?? '', 'cn-hangzhou')).toBe(columnOf(lines[1] ?? '', 'ap-southeast-1'));
	});

	it('draws an untrusted name without its escape codes', async () => {
		const evil: ListItem[] = [{key: 'x', cells: ['bad\u001B[2Jname'], search: 'x'}];
		const {s} = list({items: evil});
		await s.waitFor('name');
		expect(s.rawFrame()).not.toContain('\u001B[2J');
	});
});

describe('fitColumns', () => {
	it('leaves columns that fit alone, and every column when none is to be kept whole', () => {
		expect(fitColumns([30, 14], 80, 1)).toEqual([30, 14]);
		expect(fitColumns([40, 14], 20)).toEqual([40, 14]);
	});

	it('narrows the name so the id after it stays whole; later columns are cut at the edge', () => {
		expect(fitColumns([40, 14], 48, 1)).toEqual([30, 14]);
		// A VPC row: name and id fit, so the name is not narrowed for the CIDR after them.
		expect(fitColumns([11, 24, 13], 48, 1)).toEqual([11, 24, 13]);
	});

	it('stops at a floor and leaves the rest to be cut at the edge', () => {
		expect(fitColumns([40, 14], 10, 1)).toEqual([8, 14]);
		expect(fitColumns([5, 14], 10, 1)).toEqual([5, 14]);
	});

	it('shows the region id whole beside a long name in a 50-column list', async () => {
		const items: ListItem[] = [
			{key: 'a', cells: ['China (Nanjing - Local Region) and more words here', 'cn-nanjing'], search: 'a'},
			{key: 'b', cells: ['China (Qingdao)', 'cn-qingdao'], search: 'b'},
		];
		session = renderInk(
			<FilterList items={items} height={5} width={50} keepWhole={1} onSelect={() => {}} onBack={() => {}} />,
			{columns: 50, rows: 12},
		);
		const frame = await session.waitFor('cn-qingdao');
		expect(frame).toMatch(/China \(Qingdao\)\s+cn-qingdao/);
		expect(frame).toMatch(/China \(Nanjing[^\n]*…\s+cn-nanjing/);
	});
});

describe('TextInput', () => {
	it('types, deletes, clears with Ctrl+U and submits', async () => {
		const onSubmit = vi.fn();
		const onChange = vi.fn();
		session = renderInk(<TextInput onSubmit={onSubmit} onCancel={() => {}} onChange={onChange} />);
		await session.type('web-sgx');
		await session.press(keys.backspace);
		await session.waitFor('web-sg▏');
		await session.press(keys.enter);
		expect(onSubmit).toHaveBeenLastCalledWith('web-sg');
		await session.press(keys.ctrlU);
		await session.press(keys.enter);
		expect(onSubmit).toHaveBeenLastCalledWith('');
		expect(onChange).toHaveBeenCalledWith('web-s');
	});

	it('submits the whole value when Enter arrives in the same chunk', async () => {
		const onSubmit = vi.fn();
		session = renderInk(<TextInput onSubmit={onSubmit} onCancel={() => {}} />);
		await session.press('abc\r');
		expect(onSubmit).toHaveBeenCalledWith('abc');
	});

	it('ignores arrows and Tab, and cancels on Esc', async () => {
		const onCancel = vi.fn();
		session = renderInk(<TextInput initialValue="x" onSubmit={() => {}} onCancel={onCancel} />);
		await session.press(keys.up, keys.tab, keys.left);
		expect(session.lastFrame()).toContain('❯ x▏');
		await session.press(keys.escape);
		await vi.waitFor(() => expect(onCancel).toHaveBeenCalled());
	});

	it('replaces a selected initial value with the first key typed, once', async () => {
		const onSubmit = vi.fn();
		session = renderInk(
			<TextInput initialValue="0.0.0.0/0" selectInitial onSubmit={onSubmit} onCancel={() => {}} />,
		);
		await session.press('10.0.0.0/8');
		await session.press(keys.enter);
		expect(onSubmit).toHaveBeenLastCalledWith('10.0.0.0/8');
	});

	it('keeps a selected initial value on Enter and clears it on Backspace', async () => {
		const onSubmit = vi.fn();
		session = renderInk(
			<TextInput initialValue="0.0.0.0/0" selectInitial onSubmit={onSubmit} onCancel={() => {}} />,
		);
		await session.press(keys.enter);
		expect(onSubmit).toHaveBeenLastCalledWith('0.0.0.0/0');
		await session.press(keys.backspace, 'x', keys.enter);
		expect(onSubmit).toHaveBeenLastCalledWith('x');
	});

	it('draws the cursor before a placeholder', async () => {
		session = renderInk(<TextInput placeholder="e.g. web" onSubmit={() => {}} onCancel={() => {}} />);
		await session.waitFor('❯ ▏e.g. web');
	});

	it('acts on the editing keys inside a chunk where they stand (typed ahead over a slow link)', async () => {
		const onSubmit = vi.fn();
		session = renderInk(<TextInput initialValue="http://x" onSubmit={onSubmit} onCancel={() => {}} />);
		await session.press('\u0015web-prod\r');
		expect(onSubmit).toHaveBeenLastCalledWith('web-prod');
		await session.press('x\u007F\u007F-sg two\u0017\r');
		expect(onSubmit).toHaveBeenLastCalledWith('web-pro-sg ');
	});

	it('deletes the word before the cursor with Ctrl+W', async () => {
		const onSubmit = vi.fn();
		session = renderInk(<TextInput initialValue="Web tier  " onSubmit={onSubmit} onCancel={() => {}} />);
		await session.press(keys.ctrlW);
		await session.waitFor('❯ Web ▏');
		await session.press(keys.ctrlW, keys.ctrlW, keys.enter);
		expect(onSubmit).toHaveBeenLastCalledWith('');
	});

	it('keeps pasted control characters out of the value', async () => {
		const onSubmit = vi.fn();
		session = renderInk(<TextInput onSubmit={onSubmit} onCancel={() => {}} />);
		await session.press('a\u0007b');
		await session.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith('ab');
	});
});

describe('RulesTable', () => {
	it('shows direction, protocol, ports, source and policy of each rule', async () => {
		session = renderInk(<RulesTable rules={templateRules('web-windows', '10.0.0.0/8')} />);
		const frame = await session.waitFor('RDP');
		expect(frame).toMatch(/Direction\s+Protocol\s+Ports\s+Source\s+Policy/);
		expect(frame).toMatch(/inbound\s+TCP\s+3389\s+10\.0\.0\.0\/8\s+accept\s+RDP/);
		// The source narrows SSH and RDP only (issue 15 item 5).
		expect(frame).toMatch(/inbound\s+ICMP\s+all\s+0\.0\.0\.0\/0\s+accept/);
	});

	it('shows a window of rules and counts the rest', async () => {
		// The height counts the scroll marks' two lines: 3 lines show one rule (issue 15 item 13).
		session = renderInk(<RulesTable rules={templateRules('web-linux')} height={3} />);
		const frame = await session.waitFor('more');
		expect(frame).toContain('HTTP');
		expect(frame).not.toContain('HTTPS');
		expect(frame).toContain('↓ 3 more');
	});
});
