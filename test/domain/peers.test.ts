// The rule syntax of --rule and `rules add|remove`: every peer kind, the options after the peer, every refusal
// with an example that works, and addresses normalised so that one rule written two ways is one rule.
import {describe, expect, it} from 'vitest';
import {lintRules} from '../../source/domain/lint.js';
import type {Rule} from '../../source/domain/model.js';
import {isWorld, networkOf, parsePeer, peerKey, peerLabel} from '../../source/domain/peers.js';
import {rulesMatching} from '../../source/domain/rule-change.js';
import {parseRuleSpec, ruleKey, ruleSpec} from '../../source/domain/rules.js';
import {validateIpv6Cidr, validatePrefixListId} from '../../source/domain/validators.js';

const EXAMPLE = /For example: tcp:443:0\.0\.0\.0\/0/;

const parse = (spec: string): Rule => {
	const parsed = parseRuleSpec(spec);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.rule;
};

const refusal = (spec: string): string => {
	const parsed = parseRuleSpec(spec);
	if (parsed.ok) throw new Error(`${spec} was accepted`);
	return parsed.problem;
};

describe('peers in a rule spec, parsed from the left', () => {
	it.each([
		['tcp:443:2001:db8::/32', {kind: 'ipv6', cidr: '2001:db8::/32'}],
		['tcp:443:2001:DB8::1', {kind: 'ipv6', cidr: '2001:db8::1'}],
		['tcp:22:::/0', {kind: 'ipv6', cidr: '::/0'}],
		['tcp:3306:sg-bp1app', {kind: 'group', groupId: 'sg-bp1app'}],
		[
			'tcp:3306:sg-bp1app,owner=1234567890',
			{kind: 'group', groupId: 'sg-bp1app', ownerAccount: '1234567890'},
		],
		['tcp:443:pl-x1j1k5ykzqlixdcy', {kind: 'prefix-list', prefixListId: 'pl-x1j1k5ykzqlixdcy'}],
		['tcp:22:203.0.113.4', {kind: 'ipv4', cidr: '203.0.113.4'}],
	])('%s', (spec, peer) => {
		expect(parse(spec).peer).toEqual(peer);
	});

	it('reads direction, policy, priority and description after the peer; desc= keeps its commas', () => {
		const rule = parse('out:udp:53:10.0.0.0/8,drop,priority=5,desc=dns, not: here');
		expect(rule).toEqual({
			direction: 'egress',
			protocol: 'udp',
			portRange: '53/53',
			peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
			policy: 'drop',
			priority: 5,
			description: 'dns, not: here',
		});
		expect(parse('in:tcp:22:10.0.0.0/8').direction).toBe('ingress');
		expect(parseRuleSpec('tcp:22:10.0.0.0/8', 'egress')).toMatchObject({rule: {direction: 'egress'}});
	});

	it('round-trips every field through ruleSpec', () => {
		for (const spec of [
			'out:tcp:443:pl-abc,drop,priority=100,desc=mirror, eu',
			'tcp:3306:sg-app,owner=acct-1,priority=10',
			'icmpv6:-1:2001:db8::/32',
			'gre:-1:10.0.0.0/8',
		]) {
			const rule = parse(spec);
			expect(parse(ruleSpec(rule))).toEqual(rule);
		}
	});

	it('takes all and -1 for ICMP ports alike, as the tables print them', () => {
		expect(parse('icmp:all:10.0.0.0/8').portRange).toBe('-1/-1');
		expect(parse('icmp:-1:10.0.0.0/8').portRange).toBe('-1/-1');
		expect(parse('all:ALL:10.0.0.0/8').portRange).toBe('-1/-1');
	});
});

describe('refusals say what is wrong and show forms that work', () => {
	it.each([
		['tcp:80,443:0.0.0.0/0', /one port or range per rule.*tcp:80:0\.0\.0\.0\/0 {2}tcp:443:0\.0\.0\.0\/0/],
		['tcp:22', /is not a rule/],
		['tcp:22:0.0.0.0/0:extra', /is not a rule/],
		['tcp:22:2001:db8::zz', /not an IPv6 address/],
		['tcp:22:2001:db8::/129', /0 to 128/],
		['tcp:22:sg-', /not a security group ID/],
		['tcp:22:pl-UPPER', /not a prefix list ID/],
		['tcp:22:10.0.0.1/8', /means 10\.0\.0\.0\/8/],
		['tcp:22:10.0.0.0/8,priority=0', /priority must be a whole number.*"0"/],
		['tcp:22:10.0.0.0/8,priority=high', /"high"/],
		['tcp:22:10.0.0.0/8,reject', /"reject" is not a rule option/],
		['tcp:22:10.0.0.0/8,owner=123', /owner= belongs to a security group/],
		['tcp:22:10.0.0.0/8,', /empty option/],
		['icmp:-1:2001:db8::/32', /write icmpv6/],
		['icmpv6:-1:10.0.0.0/8', /write icmp/],
		['tcp:22:10.0.0.0/8,desc=http://x', /cannot start with http/],
	])('%s', (spec, reason) => {
		const problem = refusal(spec);
		expect(problem).toMatch(reason);
		expect(problem).toMatch(EXAMPLE);
	});

	it('the example line itself parses', () => {
		const example = /For example: (.*)$/.exec(refusal('tcp:22'))?.[1] ?? '';
		const specs = example.split(/ {2}/).map((s) => s.trim());
		expect(specs.length).toBeGreaterThanOrEqual(4);
		// desc= takes the rest, so the description example is checked on its own.
		for (const spec of specs) expect(parseRuleSpec(spec).ok, spec).toBe(true);
	});
});

describe('one rule written two ways is one rule', () => {
	it('1.2.3.4 and 1.2.3.4/32; compressed and expanded IPv6; ids in any case', () => {
		expect(ruleKey(parse('tcp:22:1.2.3.4'))).toBe(ruleKey(parse('tcp:22:1.2.3.4/32')));
		expect(ruleKey(parse('tcp:22:2001:db8::/32'))).toBe(ruleKey(parse('tcp:22:2001:0db8:0:0:0:0:0:0/32')));
		expect(ruleKey(parse('tcp:22:2001:db8::1'))).toBe(ruleKey(parse('tcp:22:2001:db8::1/128')));
		expect(ruleKey(parse('tcp:22:10.0.0.0/8'))).not.toBe(ruleKey(parse('tcp:22:10.0.0.0/16')));
		expect(peerKey({kind: 'group', groupId: 'sg-ABC'})).toBe(peerKey({kind: 'group', groupId: 'sg-abc'}));
	});

	it('rules remove finds what rules add made, narrowed by the options it names', () => {
		const group = [
			{...parse('tcp:22:1.2.3.4/32'), nicType: 'intranet' as const, createTime: ''},
			{...parse('tcp:22:1.2.3.4,drop,priority=9'), nicType: 'intranet' as const, createTime: ''},
		];
		const spec = parseRuleSpec('tcp:22:1.2.3.4');
		expect(spec.ok).toBe(true);
		if (!spec.ok) return;
		expect(rulesMatching(group, spec.rule, spec.given)).toHaveLength(2);
		const drop = parseRuleSpec('tcp:22:1.2.3.4/32,drop');
		if (!drop.ok) throw new Error(drop.problem);
		expect(rulesMatching(group, drop.rule, drop.given)).toEqual([group[1]]);
	});
});

describe('peer helpers', () => {
	it('networkOf names the network a CIDR with host bits means', () => {
		expect(networkOf({kind: 'ipv4', cidr: '10.0.0.1/8'})).toBe('10.0.0.0/8');
		expect(networkOf({kind: 'ipv4', cidr: '10.0.0.0/8'})).toBeUndefined();
		expect(networkOf({kind: 'ipv6', cidr: '2001:db8::1/32'})).toBe('2001:db8::/32');
	});

	it('isWorld knows 0.0.0.0/0 and ::/0 in any spelling', () => {
		expect(isWorld({kind: 'ipv4', cidr: '0.0.0.0/0'})).toBe(true);
		expect(isWorld({kind: 'ipv6', cidr: '::/0'})).toBe(true);
		expect(isWorld({kind: 'ipv6', cidr: '0:0::0/0'})).toBe(true);
		expect(isWorld({kind: 'ipv6', cidr: '::/1'})).toBe(false);
	});

	it('labels groups and prefix lists by name and id', () => {
		expect(peerLabel({kind: 'group', groupId: 'sg-1', name: 'app-tier'})).toBe('app-tier (sg-1)');
		expect(peerLabel({kind: 'group', groupId: 'sg-1', ownerAccount: '42'})).toMatch(/sg-1.*42/);
		expect(peerLabel({kind: 'prefix-list', prefixListId: 'pl-1', name: 'offices'})).toBe('offices (pl-1)');
	});

	it('validators per kind', () => {
		expect(validateIpv6Cidr('2001:db8::/32')).toBeUndefined();
		expect(validateIpv6Cidr('10.0.0.0/8')).toMatch(/IPv6/);
		expect(validatePrefixListId('pl-abc123')).toBeUndefined();
		expect(parsePeer('sg-abc', 'bad account!').ok).toBe(false);
	});
});

describe('lint', () => {
	const messages = (...specs: string[]) => lintRules(specs.map(parse)).map((w) => w.message);

	it('warns about SSH open to the whole IPv6 internet', () => {
		expect(messages('tcp:22:::/0')).toEqual([expect.stringMatching(/SSH.*IPv6.*::\/0/)]);
		expect(messages('all:-1:::/0')).toEqual([expect.stringMatching(/IPv6/)]);
		expect(messages('tcp:22:2001:db8::/32')).toEqual([]);
	});

	it('says ::/0, not 0.0.0.0/0, for databases and wide port ranges open to the IPv6 internet', () => {
		expect(messages('tcp:3306:::/0')).toEqual([expect.stringMatching(/MySQL.*IPv6 internet \(::\/0\)/)]);
		expect(messages('tcp:1000-9000:::/0')).toEqual(
			expect.arrayContaining([expect.stringMatching(/^Ports 1000-9000 .*::\/0/)]),
		);
		for (const message of messages('tcp:3306:::/0', 'tcp:1000-9000:::/0'))
			expect(message).not.toContain('0.0.0.0/0');
	});

	it('warns when a drop shadows an accept by priority, and the reverse', () => {
		expect(messages('tcp:22:10.0.0.0/16', 'tcp:1-1024:10.0.0.0/8,drop,priority=1')).toEqual([
			expect.stringMatching(/never takes effect/),
		]);
		expect(messages('tcp:22:10.0.0.0/16,drop,priority=5', 'tcp:22:10.0.0.0/8,priority=2')).toEqual([
			expect.stringMatching(/never takes effect/),
		]);
		// A narrower drop evaluated first is the usual exception pattern: nothing to say.
		expect(messages('tcp:22:10.1.0.0/16,drop', 'tcp:22:10.0.0.0/8,priority=2')).toEqual([]);
	});

	it('warns about duplicates (1.2.3.4 = 1.2.3.4/32) and rules another covers', () => {
		expect(messages('tcp:80:1.2.3.4', 'tcp:80:1.2.3.4/32')).toEqual([expect.stringMatching(/given twice/)]);
		expect(messages('tcp:80:10.0.0.0/8', 'tcp:80-90:10.0.0.0/8')).toEqual([
			expect.stringMatching(/already covered/),
		]);
		expect(messages('tcp:80:10.0.0.0/8', 'udp:80:10.0.0.0/8', 'tcp:80:sg-app')).toEqual([]);
	});

	it('warns about port ranges wider than needed and host bits', () => {
		expect(messages('tcp:8000-8200:0.0.0.0/0')).toEqual([expect.stringMatching(/Ports 8000-8200/)]);
		const hostBits = lintRules([{...parse('tcp:80:10.0.0.0/8'), peer: {kind: 'ipv4', cidr: '10.0.0.1/8'}}]);
		expect(hostBits.map((w) => w.message)).toEqual([expect.stringMatching(/means 10\.0\.0\.0\/8/)]);
	});
});
