// Lines that fit the terminal whatever the script: wrapping breaks Chinese between characters (never before
// closing punctuation) and Latin at spaces, and never draws wider than the terminal.
import {describe, expect, it} from 'vitest';
import {width} from '../../source/text/index.js';
import {wrapToWidth} from '../../source/wizard/components/fit-text.js';

describe('wrapToWidth', () => {
	it('fills a line of Chinese instead of pushing the whole clause down', () => {
		const text = 'SSH（端口 22）对整个互联网（0.0.0.0/0）开放；请把授权对象缩小到你自己的地址段。';
		const lines = wrapToWidth(text, 40);
		expect(lines.length).toBe(2);
		expect(width(lines[0] ?? '')).toBeGreaterThanOrEqual(38);
		for (const line of lines) expect(width(line)).toBeLessThanOrEqual(40);
		expect(lines.join('')).toBe(text);
	});

	it('never starts a line with closing punctuation', () => {
		for (let columns = 6; columns < 30; columns++) {
			for (const line of wrapToWidth('请把授权对象缩小到你自己的地址段。然后再试一次，好吗？', columns)) {
				expect(line).not.toMatch(/^[。，？]/);
				expect(width(line)).toBeLessThanOrEqual(columns);
			}
		}
	});

	it('breaks English at spaces and cuts a word longer than the line', () => {
		expect(wrapToWidth('open only the ports you serve', 12)).toEqual(['open only', 'the ports', 'you serve']);
		expect(wrapToWidth('sg-bp1fg655nh68xyz90000', 10)).toEqual(['sg-bp1fg65', '5nh68xyz90', '000']);
		expect(wrapToWidth('', 10)).toEqual(['']);
	});
});
