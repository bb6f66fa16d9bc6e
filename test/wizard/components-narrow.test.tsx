// Narrow terminals and long tables (issue 15 items 2 and 13): key hints and warnings wrap instead of being cut,
// every table longer than its window scrolls and says truthfully how many rows are above and below it.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {lintRules} from '../../source/domain/lint.js';
import type {Rule} from '../../source/domain/model.js';
import {templateRules} from '../../source/domain/rules.js';
import {setLang, width} from '../../source/text/index.js';
import {App} from '../../source/wizard/app.js';
import {hintLines} from '../../source/wizard/components/key-hints.js';
import {RulesTable} from '../../source/wizard/components/rules-table.js';
import type {Draft} from '../../source/wizard/state.js';
import {RuleEditor} from '../../source/wizard/steps/rule-editor.js';
import {opensText} from '../../source/wizard/steps/template.js';
import {fakeServices} from '../helpers/fake-api.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const NARROW = {columns: 50, rows: 20};
const MANY = 200;

const manyRules = (n: number): Rule[] =>
	Array.from({length: n}, (_, i) => ({
		direction: 'ingress',
		protocol: 'tcp',
		portRange: `${1000 + i}/${1000 + i}`,
		peer: {kind: 'ipv4' as const, cidr: '10.0.0.0/8'},
		policy: 'accept',
		priority: 1,
	}));

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
	setLang('en');
});

/** Port numbers of the rule rows shown (ports are 1000 + index). */
const shownPorts = (frame: string): number[] =>
	[...frame.matchAll(/TCP\s+(\d{4})\s/g)].map((m) => Number(m[1]) - 1000);
const above = (frame: string) => Number(/↑ (\d+) more/.exec(frame)?.[1] ?? 0);
const below = (frame: string) => Number(/↓ (\d+) more/.exec(frame)?.[1] ?? 0);
/** The frame as one line of words: a wrapped sentence reads whole again. */
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

describe('scroll marks', () => {
	it('End in a table with a cursor shows the last rules, with every other one counted above, none below', async () => {
		const rules = manyRules(MANY);
		session = renderInk(
			<RuleEditor title="t" rules={rules} onChange={vi.fn()} onDone={vi.fn()} height={12} />,
		);
		await session.waitFor('TCP');
		await session.press(keys.end);
		const frame = session.lastFrame();
		const ports = shownPorts(frame);
		expect(ports.at(-1)).toBe(MANY - 1);
		expect(above(frame)).toBe(ports[0]);
		expect(below(frame)).toBe(0);
		expect(frame).not.toMatch(/↓ \d+ more/);
	});

	it('PageUp/PageDown/Home move the editor by a window; the marks count what is above and below', async () => {
		session = renderInk(
			<RuleEditor title="t" rules={manyRules(MANY)} onChange={vi.fn()} onDone={vi.fn()} height={12} />,
		);
		await session.waitFor('TCP');
		await session.press(keys.pageDown);
		let frame = session.lastFrame();
		let ports = shownPorts(frame);
		expect(ports[0]).toBeGreaterThan(0);
		expect(above(frame)).toBe(ports[0]);
		expect(below(frame)).toBe(MANY - 1 - (ports.at(-1) as number));
		await session.press(keys.pageDown, keys.pageUp, keys.pageUp, keys.home);
		frame = session.lastFrame();
		ports = shownPorts(frame);
		expect(ports[0]).toBe(0);
		expect(frame).not.toMatch(/↑ \d+ more/);
		expect(below(frame)).toBe(MANY - ports.length);
	});

	it('a table without a cursor scrolls with PageDown/End/Home and its marks follow', async () => {
		session = renderInk(<RulesTable rules={manyRules(50)} height={10} />);
		await session.waitFor('TCP');
		expect(above(session.lastFrame())).toBe(0);
		expect(below(session.lastFrame())).toBe(42);
		await session.press(keys.pageDown);
		expect(shownPorts(session.lastFrame())[0]).toBe(8);
		expect(above(session.lastFrame())).toBe(8);
		await session.press(keys.end);
		expect(shownPorts(session.lastFrame()).at(-1)).toBe(49);
		expect(session.lastFrame()).not.toMatch(/↓ \d+ more/);
		expect(above(session.lastFrame())).toBe(42);
		await session.press(keys.home);
		expect(shownPorts(session.lastFrame())[0]).toBe(0);
	});
});

describe('key hints wrap between hints', () => {
	it('keeps every hint whole at 50 columns, each line within the width', () => {
		const hints = [
			['↑↓', 'move'],
			['s', 'change source'],
			['d', 'delete'],
			['a', 'add'],
			['Enter', 'done'],
		] as const;
		const lines = hintLines(hints, 50);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(width(line)).toBeLessThanOrEqual(50);
		const all = lines.join('  ·  ');
		for (const [key, action] of hints) expect(all).toContain(`${key} ${action}`);
	});
});

function app(answers: Draft, size = NARROW) {
	const services = fakeServices();
	session = renderInk(<App services={services} initial={{answers}} onExit={() => {}} />, size);
	return session;
}

/**
 * No line wider than the terminal, each of `whole` (hints, warnings) shown in full, and the last lines (the
 * keys) not cut with an ellipsis: only table cells may be cut.
 */
function expectUncut(frame: string, whole: readonly string[]) {
	const lines = frame.split('\n');
	if (process.env.SHOW) console.log(frame);
	// Shorter than the terminal: a frame as tall as it makes Ink clear the screen and redraw it whole.
	expect(lines.length).toBeLessThan(NARROW.rows);
	for (const line of lines) expect(width(line)).toBeLessThanOrEqual(NARROW.columns);
	for (const line of lines.slice(-2)) expect(line.trimEnd().endsWith('…'), line).toBe(false);
	for (const text of whole) expect(flat(frame)).toContain(flat(text));
}

const open: Draft = {regionId: 'cn-hangzhou', template: 'web-linux', rules: templateRules('web-linux')};

describe('every screen at 50x20: no hint or warning is cut', () => {
	it('Region', async () => {
		const s = app({});
		const frame = await s.waitFor('China (Hangzhou)');
		expectUncut(frame, ['Enter choose', 'Esc']);
	});

	it('Template, its warning and its editor', async () => {
		const s = app({regionId: 'cn-hangzhou'});
		const frame = await s.waitFor('Rules of');
		const warning = /⚠ ([\s\S]*?)(?:\n\S|$)/.exec(frame)?.[1] ?? '';
		expect(flat(warning)).toContain('press s to narrow it.');
		expectUncut(frame, ['Tab edit rules', 'Esc back']);
		await s.press(keys.tab);
		const editor = await s.waitFor('Editing');
		expectUncut(editor, ['Enter done', 's change source', 'a add']);
	});

	it('Review: every key, every warning in full, and the rules it warns about reachable', async () => {
		const rules = [...templateRules('web-linux'), ...manyRules(20)];
		const s = app({
			...open,
			rules,
			name: 'web-sg',
			description: '',
			network: 'vpc',
			vpcId: 'vpc-cnhang00000',
		});
		const frame = await s.waitFor('Step 7 of 7');
		const warnings = lintRules(rules).map((w) => w.message);
		expect(warnings.length).toBeGreaterThan(0);
		expectUncut(frame, ['t switch type', 'n/Esc back', 'Enter/y create', ...warnings]);
		expect(below(frame)).toBeGreaterThan(0);
		await s.press(keys.end);
		const end = s.lastFrame();
		expect(shownPorts(end).at(-1)).toBe(19);
		expect(end).not.toMatch(/↓ \d+ more/);
		expectUncut(end, warnings);
	});

	it('Name', async () => {
		const s = app(open);
		const frame = await s.waitFor('Step 3 of 7');
		expectUncut(frame, ['Enter']);
	});
});

describe('polish (issue 15 item 12)', () => {
	it('the template line says what the rules open now: RDP deleted, rules added to Custom', () => {
		const windows = templateRules('web-windows');
		expect(opensText(windows)).toBe('TCP 80, 443, 3389 and ICMP');
		expect(opensText(windows.filter((r) => r.portRange !== '3389/3389'))).toBe('TCP 80, 443 and ICMP');
		expect(opensText(manyRules(2))).toBe('TCP 1000, 1001');
		expect(opensText([])).toBe('no rules yet; add them later');
	});

	it('the Template list shows the edited rules, not the template as shipped', async () => {
		const s = app({regionId: 'cn-hangzhou'}, {columns: 100, rows: 30});
		await s.waitFor('Rules of');
		await s.press(keys.down, keys.tab);
		await s.waitFor('Editing');
		await s.press(keys.down, keys.down, 'd', keys.enter);
		const frame = await s.waitFor('Rules of');
		expect(frame).toMatch(/web-windows\s+TCP 80, 443 and ICMP/);
	});

	it('a first run starts the region list on the console default, cn-hangzhou', async () => {
		const s = app({});
		const frame = await s.waitFor('China (Hangzhou)');
		expect(frame.split('\n').find((l) => l.startsWith('❯'))).toContain('cn-hangzhou');
	});
});
