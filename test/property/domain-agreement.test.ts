// The sandbox checks values on its own (it imports nothing from source/), so these properties hold it
// together with the domain validators the wizard uses: both accept exactly the same values.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Protocol} from '../../source/domain/model.js';
import {
	validateCidr,
	validateDescription,
	validateName,
	validatePortRange,
	validateRuleDescription,
	validateTagKey,
	validateTagValue,
} from '../../source/domain/validators.js';
import {
	descriptionProblem,
	isIpv4Cidr,
	nameProblem,
	portRangeProblem,
	protocols,
	ruleDescriptionProblem,
	tagKeyProblem,
	tagValueProblem,
} from '../../source/sandbox/validate.js';
import {runs} from './runs.js';

// At least 10,000 generated values of each kind in every run (many more under FUZZ): the checks are cheap.
const each = runs(10_000, 100_000);
const pieces = [
	'a',
	'Z',
	'网',
	'é',
	'1',
	':',
	'_',
	'.',
	'-',
	' ',
	'/',
	'h',
	't',
	'p',
	's',
	'@',
	'\u0000',
	'🙂',
];
const text = (max: number) =>
	fc.oneof(
		fc.string({maxLength: max}),
		fc.array(fc.constantFrom(...pieces), {maxLength: max}).map((parts) => parts.join('')),
		fc.constantFrom(
			'http://x',
			'https://site',
			'HTTP://X',
			'aliyun-tag',
			'acs:x',
			'ab',
			'a'.repeat(128),
			'a'.repeat(129),
		),
	);
/** Both accept, or both refuse (the sandbox's check is truthy when it refuses). */
function agree(domain: string | undefined, sandbox: unknown): void {
	expect({value: domain === undefined}).toEqual({value: !sandbox});
}

describe('the sandbox and the domain validators agree', () => {
	it('on names', () => {
		fc.assert(
			fc.property(
				text(140).filter((s) => s !== ''),
				(name) => agree(validateName(name), nameProblem(name)),
			),
			each,
		);
	});

	it('on descriptions', () => {
		fc.assert(
			fc.property(
				text(270).filter((s) => s !== ''),
				(d) => agree(validateDescription(d), descriptionProblem(d)),
			),
			each,
		);
	});

	it('on rule descriptions', () => {
		fc.assert(
			fc.property(
				text(520).filter((s) => s !== ''),
				(d) => agree(validateRuleDescription(d), ruleDescriptionProblem(d)),
			),
			each,
		);
	});

	it('on tags', () => {
		fc.assert(
			fc.property(text(140), (key) => agree(validateTagKey(key), tagKeyProblem(key))),
			each,
		);
		fc.assert(
			fc.property(text(140), (value) => agree(validateTagValue(value), tagValueProblem(value))),
			each,
		);
	});

	it('on CIDR blocks', () => {
		const octet = fc.oneof(fc.integer({min: 0, max: 300}).map(String), fc.constantFrom('01', '00', '', 'x'));
		const cidr = fc
			.tuple(
				octet,
				octet,
				octet,
				octet,
				fc.option(fc.oneof(fc.integer({min: -1, max: 40}).map(String), fc.constantFrom('05', ''))),
			)
			.map(([a, b, c, d, prefix]) => `${a}.${b}.${c}.${d}${prefix === null ? '' : `/${prefix}`}`);
		fc.assert(
			fc.property(fc.oneof(cidr, fc.string()), (value) => agree(validateCidr(value), !isIpv4Cidr(value))),
			each,
		);
	});

	it('on port ranges for each protocol', () => {
		const port = fc.oneof(
			fc.integer({min: -2, max: 70000}).map(String),
			fc.constantFrom('-1', '0', '65535', '65536', 'x'),
		);
		const range = fc.oneof(
			fc.tuple(port, port).map(([a, b]) => `${a}/${b}`),
			fc.string(),
		);
		fc.assert(
			fc.property(fc.constantFrom(...protocols), range, (protocol, value) =>
				agree(
					validatePortRange(protocol as Protocol, value),
					portRangeProblem(protocol, value) !== undefined,
				),
			),
			each,
		);
	});
});
