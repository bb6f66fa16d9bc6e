import {afterEach, describe, expect, it} from 'vitest';
import {catalogue, detectLang, setLang, t} from '../../source/text/index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
	afterEach(() => setLang('en'));

	it('has a non-empty Chinese message with the same placeholders for every English one', () => {
		const keys = Object.keys(catalogue.en) as (keyof typeof catalogue.en)[];
		expect(keys.length).toBeGreaterThan(20);
		for (const key of keys) {
			const zh = catalogue.zh[key];
			expect(zh, key).toBeTruthy();
			expect(placeholders(zh), key).toEqual(placeholders(catalogue.en[key]));
		}
	});

	it('fills placeholders and cleans what it fills them with', () => {
		expect(t('cli.error.unknownFlag', {flag: '--x\u001B[31m\u0007'})).toBe('Unknown flag --x.');
	});

	it('switches language', () => {
		setLang('zh');
		expect(t('cli.error.unknownFlag', {flag: '--x'})).toBe('未知参数 --x。');
	});

	it('picks Chinese from the locale unless --lang says otherwise', () => {
		expect(detectLang(undefined, {LANG: 'zh_CN.UTF-8'})).toBe('zh');
		expect(detectLang(undefined, {LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8'})).toBe('en');
		expect(detectLang('en', {LANG: 'zh_CN.UTF-8'})).toBe('en');
		expect(detectLang(undefined, {})).toBe('en');
		expect(detectLang('fr', {})).toBeUndefined();
	});
});
