import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {locateJsonFault} from '../../source/config/json-locate.js';

describe('locateJsonFault', () => {
	it('finds the line and column of the first fault', () => {
		expect(locateJsonFault('')).toEqual({reason: 'empty', line: 1, column: 1});
		expect(locateJsonFault('{"a": 1,\n "b": x}')).toEqual({
			reason: 'unexpected-character',
			line: 2,
			column: 7,
		});
		expect(locateJsonFault('{\n"a":"b"\n"c":1}')).toEqual({
			reason: 'unexpected-character',
			line: 3,
			column: 1,
		});
		expect(locateJsonFault('{"a":1')).toEqual({reason: 'unexpected-end', line: 1, column: 7});
		expect(locateJsonFault('{"a":1}\nx')).toEqual({reason: 'trailing-text', line: 2, column: 1});
		expect(locateJsonFault('[1,]')).toEqual({reason: 'unexpected-character', line: 1, column: 4});
		expect(locateJsonFault('"\\q"')?.reason).toBe('unexpected-character');
		expect(locateJsonFault('{"名字":"值", }')).toEqual({reason: 'unexpected-character', line: 1, column: 12});
	});

	it('agrees with JSON.parse on what is valid', () => {
		fc.assert(
			fc.property(fc.json(), (text) => {
				expect(locateJsonFault(text)).toBeUndefined();
			}),
		);
		fc.assert(
			fc.property(fc.string(), (text) => {
				let valid = true;
				try {
					JSON.parse(text);
				} catch {
					valid = false;
				}
				expect(locateJsonFault(text) === undefined).toBe(valid);
			}),
		);
	});
});
