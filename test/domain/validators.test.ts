import {describe, expect, it} from 'vitest';
import {
	validateCidr,
	validateDescription,
	validateName,
	validatePortRange,
	validatePriority,
	validateRegionId,
	validateResourceGroupId,
	validateTagKey,
	validateTags,
	validateTagValue,
	validateVpcId,
} from '../../source/domain/validators.js';

const ok = (problem: string | undefined) => expect(problem).toBeUndefined();
const refused = (problem: string | undefined, reason: RegExp) => expect(problem).toMatch(reason);

describe('validateName', () => {
	it.each(['web', 'web-sg_01', 'a:b.c', '网站', 'Ωmega', `a${'b'.repeat(127)}`, 'ab'])(
		'accepts %s',
		(name) => {
			ok(validateName(name));
		},
	);

	it.each([
		['', /Enter a name/],
		['a', /2 to 128/],
		[`a${'b'.repeat(128)}`, /2 to 128.*129/],
		['1web', /start with a letter/],
		['_web', /start with a letter/],
		['web sg', /" " is not allowed/],
		['web/sg', /"\/" is not allowed/],
		['http://x', /http/],
		['HTTPS://x', /http/],
		['web\u200Bsg', /not allowed/],
	])('refuses %j', (name, reason) => {
		refused(validateName(name), reason);
	});

	it('counts characters, not bytes or UTF-16 units', () => {
		ok(validateName(`网${'站'.repeat(127)}`));
		refused(validateName(`网${'站'.repeat(128)}`), /129/);
		ok(validateName(`a${'𝒜'.repeat(127)}`));
	});
});

describe('validateDescription', () => {
	it('is optional', () => ok(validateDescription('')));
	it.each(['ok', '网站 servers (prod) ~!', 'x'.repeat(256)])('accepts %j', (d) => ok(validateDescription(d)));
	it.each([
		['x', /2 to 256/],
		['x'.repeat(257), /257/],
		['http://example.com', /http/],
		['https://example.com', /http/],
	])('refuses %j', (d, reason) => refused(validateDescription(d), reason));
});

describe('validateCidr', () => {
	it.each([
		'0.0.0.0/0',
		'10.0.0.0/8',
		'203.0.113.4',
		'203.0.113.4/32',
		'255.255.255.255/32',
		'172.16.0.0/12',
	])('accepts %s', (cidr) => ok(validateCidr(cidr)));
	it.each([
		['256.0.0.0/8', /not an IPv4/],
		['10.0.0/8', /not an IPv4/],
		['10.0.0.0/33', /0 to 32/],
		['10.0.0.0/', /0 to 32/],
		['010.0.0.1', /not an IPv4/],
		['10.0.0.0/8/8', /not an IPv4/],
		['::/0', /not an IPv4/],
		['', /not an IPv4/],
		['10.0.0.0/08', /0 to 32/],
	])('refuses %j', (cidr, reason) => refused(validateCidr(cidr), reason));
});

describe('validatePortRange', () => {
	it.each([
		['tcp', '22/22'],
		['udp', '1/65535'],
		['tcp', '8000/8100'],
		['icmp', '-1/-1'],
		['gre', '-1/-1'],
		['all', '-1/-1'],
		['icmpv6', '-1/-1'],
	] as const)('accepts %s %s', (protocol, ports) => ok(validatePortRange(protocol, ports)));
	it.each([
		['tcp', '-1/-1', /not a port range/],
		['tcp', '0/22', /1 to 65535/],
		['tcp', '22/65536', /1 to 65535/],
		['udp', '100/99', /first not above/],
		['tcp', '22', /not a port range/],
		['icmp', '22/22', /no ports/],
		['all', '1/65535', /no ports/],
	] as const)('refuses %s %s', (protocol, ports, reason) =>
		refused(validatePortRange(protocol, ports), reason),
	);
});

describe('small fields', () => {
	it('priority is a whole number 1-100', () => {
		ok(validatePriority(1));
		ok(validatePriority(100));
		refused(validatePriority(0), /1 \(highest\) to 100/);
		refused(validatePriority(101), /1 \(highest\) to 100/);
		refused(validatePriority(1.5), /whole number/);
	});

	it('ids have their prefixes', () => {
		ok(validateRegionId('cn-hangzhou'));
		ok(validateRegionId('ap-southeast-1'));
		refused(validateRegionId('hangzhou'), /region ID/);
		ok(validateVpcId('vpc-bp1qpo0kug3a20qqe0000'));
		refused(validateVpcId('sg-123'), /VPC ID/);
		ok(validateResourceGroupId('rg-acfmxazb4ph6aiy'));
		refused(validateResourceGroupId('acfm'), /resource group/);
	});

	it('tags follow the API rules', () => {
		ok(validateTagKey('env'));
		refused(validateTagKey(''), /1 to 128/);
		refused(validateTagKey('aliyun-x'), /aliyun/);
		refused(validateTagKey('acs:x'), /acs:/);
		refused(validateTagKey('see http://x'), /http/);
		ok(validateTagValue(''));
		refused(validateTagValue('v'.repeat(129)), /128/);
		ok(validateTags([{key: 'a', value: '1'}]));
		refused(
			validateTags([
				{key: 'a', value: '1'},
				{key: 'a', value: '2'},
			]),
			/twice/,
		);
		refused(validateTags(Array.from({length: 21}, (_, i) => ({key: `k${i}`, value: ''}))), /20/);
	});
});
