import {describe, expect, it} from 'vitest';
import {cleanBlock, cleanDeep, cleanLine, cut, fitWidth, table, width} from '../../source/text/index.js';

describe('cleanLine', () => {
	it.each([
		['OSC title change', 'vpc\u001B]0;pwned\u0007name', 'vpcname'],
		['CSI colour and cursor moves', '\u001B[31mred\u001B[0m\u001B[2J\u001B[H', 'red'],
		['BEL and backspaces', 'a\u0007b\u0008\u0008c', 'abc'],
		['bidi override', 'abc\u202Eevil\u202C', 'abcevil'],
		['bidi isolates', '\u2066x\u2069', 'x'],
		['zero-width characters', 'a\u200Bb\u200Dc\uFEFF', 'abc'],
		['newlines and tabs become spaces', 'a\nb\tc\r\nd', 'a b c d'],
		['an 8-bit CSI sequence and C1 controls', 'a\u009B31mb\u0085c', 'abc'],
		['a lone ESC', 'a\u001Bb', 'ab'],
	])('removes %s', (_, input, expected) => {
		expect(cleanLine(input)).toBe(expected);
	});

	it('keeps CJK, emoji and accents', () => {
		expect(cleanLine('网站-web_01 café 🚀')).toBe('网站-web_01 café 🚀');
	});

	it('turns nothing into an empty string', () => {
		expect(cleanLine(undefined)).toBe('');
		expect(cleanLine(null)).toBe('');
	});
});

describe('cleanBlock and cleanDeep', () => {
	it('keeps newlines in blocks', () => {
		expect(cleanBlock('one\u001B[1m\ntwo\r\nthree')).toBe('one\ntwo\nthree');
	});

	it('cleans every string of a JSON value and stays valid JSON', () => {
		const value = cleanDeep({
			name: 'a\u001B]0;x\u0007b',
			list: ['\u202Ec'],
			n: 1,
			ok: true,
			nested: {k: '\u0000'},
		});
		expect(value).toEqual({name: 'ab', list: ['c'], n: 1, ok: true, nested: {k: ''}});
		expect(JSON.parse(JSON.stringify(value))).toEqual(value);
	});
});

describe('display width', () => {
	it('counts CJK as two columns', () => {
		expect(width('网站')).toBe(4);
		expect(width('ab')).toBe(2);
	});

	it('pads and cuts by columns, not characters', () => {
		expect(fitWidth('网站', 6)).toBe('网站  ');
		expect(width(fitWidth('网站网站网站', 7))).toBe(7);
		expect(fitWidth('abcdef', 4)).toBe('abc…');
		expect(cut('abcdef', 4)).toBe('abc…');
	});

	it('aligns table columns with mixed scripts', () => {
		const lines = table([
			['名称', 'id'],
			['web', 'sg-1'],
		]);
		const column = (line: string | undefined, cell: string) =>
			width(line?.slice(0, line.indexOf(cell)) ?? '');
		expect(column(lines[0], 'id')).toBe(6);
		expect(column(lines[1], 'sg-1')).toBe(6);
	});
});
