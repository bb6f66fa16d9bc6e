import {describe, expect, it} from 'vitest';
import {shownTime} from '../../source/text/index.js';

describe('shownTime', () => {
	it('reads a journal timestamp to the minute, in UTC', () => {
		expect(shownTime('2026-11-29T17:40:47.282Z')).toBe('2026-11-29 17:40 UTC');
		expect(shownTime('2026-11-29T19:40:47+02:00')).toBe('2026-11-29 17:40 UTC');
	});

	it('shows anything that is not a date as it is, without escape codes', () => {
		expect(shownTime('yesterday')).toBe('yesterday');
		expect(shownTime('2026-13-45T99:00:00Z')).toBe('2026-13-45T99:00:00Z');
		expect(shownTime('\u001B[31mred\u001B[0m')).toBe('red');
	});
});
