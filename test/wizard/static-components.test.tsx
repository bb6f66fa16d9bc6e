// Components that draw without input, rendered with ink-testing-library (the design card's test renderer): what
// they draw in its default 100-column terminal. Components that take keys use test/helpers/ink.ts, which waits
// for Ink's input handler before each key and has rows as well as columns.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {templateRules} from '../../source/domain/rules.js';
import {KeyHints} from '../../source/wizard/components/key-hints.js';
import {RulesTable} from '../../source/wizard/components/rules-table.js';

const mounted: {unmount(): void}[] = [];
afterEach(() => {
	for (const m of mounted.splice(0)) m.unmount();
});

describe('drawn without keys', () => {
	it('KeyHints joins each key with its action on one line', () => {
		const view = render(
			<KeyHints
				hints={[
					['Enter', 'choose'],
					['Esc', 'back'],
				]}
			/>,
		);
		mounted.push(view);
		expect(view.lastFrame()).toBe('Enter choose  ·  Esc back');
	});

	it('RulesTable lines up a template’s rules under their headings', () => {
		const view = render(<RulesTable rules={templateRules('web-linux', '203.0.113.0/24')} />);
		mounted.push(view);
		const lines = (view.lastFrame() ?? '').split('\n');
		expect(lines[0]).toMatch(/^\s*Direction\s+Protocol\s+Ports\s+Source\s+Policy\s+Description/);
		const sourceAt = lines[0]?.indexOf('Source') ?? -1;
		const ssh = lines.find((l) => l.includes('SSH')) ?? '';
		expect(ssh.indexOf('203.0.113.0/24')).toBe(sourceAt);
		expect(lines.filter((l) => /inbound/.test(l))).toHaveLength(4);
	});
});
