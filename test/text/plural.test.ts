// Real plurals (issue 15 item 12): `{count:one|other}` in a message picks the word by the count, so no
// English message hedges with "(s)"; Chinese counts with measure words and needs no plural.
import {afterEach, describe, expect, it} from 'vitest';
import {catalogue, setLang, t} from '../../source/text/index.js';

afterEach(() => setLang('en'));

describe('plurals', () => {
	it('says "1 rule" and "2 rules", "1 instance was" and "3 instances were"', () => {
		expect(t('followup.done.added', {count: 1})).toBe('Added 1 rule.');
		expect(t('followup.done.added', {count: 2})).toBe('Added 2 rules.');
		expect(t('followup.done.already', {count: 1})).toBe(
			'1 instance was already as asked: nothing changed for it.',
		);
		expect(t('followup.done.already', {count: 3})).toBe(
			'3 instances were already as asked: nothing changed for them.',
		);
		expect(t('wizard.unfinished.otherTargets', {count: 1})).toMatch(/^1 more unfinished create was made/);
		expect(t('wizard.unfinished.otherTargets', {count: 0})).toMatch(/^0 more unfinished creates were made/);
		expect(t('followup.instances.groups', {count: 1})).toBe('in 1 other group');
	});

	it('no message in either language hedges with (s), and Chinese has no plural forms to pick', () => {
		for (const [key, text] of Object.entries(catalogue.en)) expect(text, key).not.toMatch(/\w\(s\)/);
		for (const [key, text] of Object.entries(catalogue.zh)) expect(text, key).not.toMatch(/\{\w+:/);
		setLang('zh');
		expect(t('followup.done.added', {count: 1})).toBe('已添加 1 条规则。');
	});
});
