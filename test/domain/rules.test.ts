import {describe, expect, it} from 'vitest';
import {lintRules} from '../../source/domain/lint.js';
import {
	normalisePorts,
	parseRuleSpec,
	ruleSpec,
	showPorts,
	templateRules,
	uniqueRules,
} from '../../source/domain/rules.js';

describe('templates (console guide table)', () => {
	const opened = (template: Parameters<typeof templateRules>[0]) =>
		templateRules(template).map((r) => `${r.protocol} ${showPorts(r)}`);

	it('Web Server Linux opens TCP 80, 443, 22 and ICMP', () => {
		expect(opened('web-linux')).toEqual(['tcp 80', 'tcp 443', 'tcp 22', 'icmp all']);
	});

	it('Web Server Windows opens TCP 80, 443, 3389 and ICMP', () => {
		expect(opened('web-windows')).toEqual(['tcp 80', 'tcp 443', 'tcp 3389', 'icmp all']);
	});

	it('Custom opens nothing', () => {
		expect(templateRules('custom')).toEqual([]);
	});

	it('uses the given source for SSH and RDP only; inbound, accept, priority 1 (issue 15 item 5)', () => {
		for (const template of ['web-linux', 'web-windows'] as const) {
			for (const rule of templateRules(template, '10.0.0.0/8')) {
				const admin = rule.description === 'SSH' || rule.description === 'RDP';
				const cidr = admin ? '10.0.0.0/8' : '0.0.0.0/0';
				expect(rule).toMatchObject({
					direction: 'ingress',
					peer: {kind: 'ipv4', cidr},
					policy: 'accept',
					priority: 1,
				});
			}
		}
	});
});

describe('--rule specs', () => {
	it.each([
		['tcp:22:203.0.113.4/32', 'tcp', '22/22', '203.0.113.4/32'],
		['TCP:8000-8100:0.0.0.0/0', 'tcp', '8000/8100', '0.0.0.0/0'],
		['udp:53/53:10.0.0.0/8', 'udp', '53/53', '10.0.0.0/8'],
		['icmp:-1:10.0.0.0/8', 'icmp', '-1/-1', '10.0.0.0/8'],
		['all:-1:192.168.0.0/16', 'all', '-1/-1', '192.168.0.0/16'],
	])('parses %s', (spec, protocol, portRange, cidr) => {
		const parsed = parseRuleSpec(spec);
		expect(parsed).toMatchObject({ok: true, rule: {protocol, portRange, peer: {kind: 'ipv4', cidr}}});
		if (parsed.ok) expect(parseRuleSpec(ruleSpec(parsed.rule))).toEqual(parsed);
	});

	it.each([
		['tcp:22', /PROTOCOL:PORTS:PEER/],
		['ftp:21:0.0.0.0/0', /not a protocol/],
		['tcp:0:0.0.0.0/0', /1 to 65535.*"0" is not/],
		['tcp:70000-80000:0.0.0.0/0', /"70000-80000" is not/],
		['tcp:-1:0.0.0.0/0', /not a port range/],
		['icmp:22:0.0.0.0/0', /no ports/],
		['tcp:22:10.0.0.0/40', /0 to 32/],
		['tcp:22:0.0.0.0/0:extra', /PROTOCOL:PORTS:PEER/],
	])('refuses %s', (spec, reason) => {
		const parsed = parseRuleSpec(spec);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toMatch(reason);
	});

	it('normalises ports', () => {
		expect(normalisePorts('tcp', '080')).toBe('80/80');
		expect(normalisePorts('tcp', '1 - 2')).toBe('1/2');
		expect(normalisePorts('gre', '')).toBe('-1/-1');
	});

	it('keeps the first of identical rules', () => {
		const rules = [...templateRules('web-linux'), ...templateRules('web-linux')];
		expect(uniqueRules(rules)).toHaveLength(4);
	});
});

describe('lint', () => {
	it('warns about SSH and RDP open to the world, not when narrowed', () => {
		expect(lintRules(templateRules('web-linux')).map((w) => w.message)).toEqual([
			expect.stringMatching(/SSH \(port 22\)/),
		]);
		expect(lintRules(templateRules('web-windows'))[0]?.message).toMatch(/RDP \(port 3389\)/);
		expect(lintRules(templateRules('web-linux', '203.0.113.0/24'))).toEqual([]);
	});

	it('warns about databases, wide ranges and all traffic from anywhere', () => {
		const rule = (spec: string) => {
			const parsed = parseRuleSpec(spec);
			if (!parsed.ok) throw new Error(parsed.problem);
			return parsed.rule;
		};
		expect(lintRules([rule('tcp:3306:0.0.0.0/0')])[0]?.message).toMatch(/MySQL/);
		expect(lintRules([rule('tcp:1-65535:0.0.0.0/0')]).map((w) => w.message)).toEqual([
			expect.stringMatching(/SSH/),
			expect.stringMatching(/Telnet/),
			expect.stringMatching(/RDP/),
			expect.stringMatching(/Ports 1-65535/),
		]);
		expect(lintRules([rule('all:-1:0.0.0.0/0')])[0]?.message).toMatch(/Every protocol/);
		expect(lintRules([rule('tcp:80:0.0.0.0/0')])).toEqual([]);
	});
});
