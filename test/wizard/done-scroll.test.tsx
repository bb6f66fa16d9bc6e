// Done at a short terminal: the applied rules are a window, and the page keys that scroll it are offered.
import {afterEach, expect, it} from 'vitest';
import {templateRules} from '../../source/domain/rules.js';
import type {WizardState} from '../../source/wizard/state.js';
import {DoneScreen} from '../../source/wizard/steps/ending.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const ROWS = 20;
// What Done has for itself at 20 rows once two submit steps are drawn above it: room for two table lines.
const DONE_ROWS = 18;
const COLUMNS = 50;

const mounted: InkSession[] = [];
afterEach(() => {
	for (const s of mounted.splice(0)) s.unmount();
});

const state = {
	submitSteps: [],
	result: {
		groupId: 'sg-done1',
		regionId: 'cn-hangzhou',
		vpcId: 'vpc-done1',
		name: 'web',
		type: 'normal',
		rules: templateRules('web-linux'),
		requestIds: [],
	},
} as unknown as WizardState;

it('offers PgUp/PgDn when the applied rules do not fit; PageDown and End scroll to the last rule', async () => {
	const s = renderInk(<DoneScreen state={state} rows={DONE_ROWS} offer />, {columns: COLUMNS, rows: ROWS});
	mounted.push(s);
	const first = await s.waitFor('more');
	expect(first).toContain('PgUp/PgDn');
	expect(first).not.toMatch(/ICMP\s+all/);
	await s.press(keys.pageDown);
	await s.waitFor('↑ 1 more');
	await s.press(keys.end);
	await s.waitFor(/ICMP\s+all/);
});

it('offers no scroll key when every rule fits', async () => {
	const s = renderInk(<DoneScreen state={state} rows={40} offer />, {columns: 80, rows: 40});
	mounted.push(s);
	const frame = await s.waitFor(/ICMP\s+all/);
	expect(frame).not.toContain('PgUp/PgDn');
});
