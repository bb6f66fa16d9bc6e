import {afterEach, describe, expect, it} from 'vitest';
import {rulesCount, setLang, t} from '../../source/text/index.js';

afterEach(() => setLang('en'));

describe('rulesCount', () => {
	it('says "1 rule" and "N rules" in English, and a measure word in Chinese', () => {
		expect(rulesCount(1)).toBe('1 rule');
		expect(rulesCount(0)).toBe('0 rules');
		expect(t('wizard.submit.rules', {rules: rulesCount(100)})).toBe('(100 rules)');
		setLang('zh');
		expect(rulesCount(1)).toBe('1 条规则');
		expect(rulesCount(4)).toBe('4 条规则');
	});
});
