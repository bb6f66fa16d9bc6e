// Rules as people write them (`tcp:8080:10.0.0.0/8`) and as the API wants them (`Permissions.N.*`), and the
// console's templates.

import {cleanLine, t} from '../text/index.js';
import type {Direction, Protocol, Rule} from './model.js';
import {
	type Problem,
	portlessProtocols,
	validateCidr,
	validatePortRange,
	validatePriority,
	validateProtocol,
} from './validators.js';

export type TemplateId = 'web-linux' | 'web-windows' | 'custom';
export const templateIds: readonly TemplateId[] = ['web-linux', 'web-windows', 'custom'];

export const anywhere = '0.0.0.0/0';

type Opening = {protocol: Protocol; ports: string; label: string};

const openings: Record<TemplateId, readonly Opening[]> = {
	'web-linux': [
		{protocol: 'tcp', ports: '80/80', label: 'HTTP'},
		{protocol: 'tcp', ports: '443/443', label: 'HTTPS'},
		{protocol: 'tcp', ports: '22/22', label: 'SSH'},
		{protocol: 'icmp', ports: '-1/-1', label: 'ICMP'},
	],
	'web-windows': [
		{protocol: 'tcp', ports: '80/80', label: 'HTTP'},
		{protocol: 'tcp', ports: '443/443', label: 'HTTPS'},
		{protocol: 'tcp', ports: '3389/3389', label: 'RDP'},
		{protocol: 'icmp', ports: '-1/-1', label: 'ICMP'},
	],
	custom: [],
};

/** The inbound rules a console template opens, all from `source` (default 0.0.0.0/0). */
export function templateRules(template: TemplateId, source: string = anywhere): Rule[] {
	return openings[template].map((o) => ({
		direction: 'ingress',
		protocol: o.protocol,
		portRange: o.ports,
		cidr: source,
		policy: 'accept',
		priority: 1,
		description: o.label,
	}));
}

export const isTemplateId = (value: string): value is TemplateId =>
	(templateIds as readonly string[]).includes(value);

/** Ports as a person reads them: `22`, `8000-8100`, or `all` for -1/-1. */
export function showPorts(rule: Pick<Rule, 'portRange'>): string {
	if (rule.portRange === '-1/-1') return t('domain.ports.all');
	const [from, to] = rule.portRange.split('/');
	return from === to ? (from ?? '') : `${from}-${to}`;
}

/** Turns what a person types for ports (`22`, `8000-8100`, `22/22`, `-1`) into the API's `start/end`. */
export function normalisePorts(protocol: Protocol, ports: string): string {
	const p = ports.trim();
	if (
		(portlessProtocols as readonly string[]).includes(protocol) &&
		(p === '-1' || p === '' || p === '-1/-1')
	) {
		return '-1/-1';
	}
	if (/^\d+$/.test(p)) return `${Number(p)}/${Number(p)}`;
	const range = /^(\d+)\s*[-/]\s*(\d+)$/.exec(p);
	if (range) return `${Number(range[1])}/${Number(range[2])}`;
	return p;
}

export type ParsedRule = {ok: true; rule: Rule} | {ok: false; problem: string};

/**
 * Parses `PROTO:PORTS:CIDR` (the `--rule` flag): `tcp:22:203.0.113.4/32`, `tcp:8000-8100:0.0.0.0/0`,
 * `icmp:-1:10.0.0.0/8`. The rule is inbound unless `direction` says otherwise.
 */
export function parseRuleSpec(spec: string, direction: Direction = 'ingress'): ParsedRule {
	const parts = spec.split(':');
	if (parts.length !== 3) return {ok: false, problem: t('domain.rule.spec', {value: cleanLine(spec)})};
	const [rawProtocol = '', rawPorts = '', cidr = ''] = parts.map((s) => s.trim());
	const protocolProblem = validateProtocol(rawProtocol);
	if (protocolProblem) return {ok: false, problem: protocolProblem};
	const protocol = rawProtocol.toLowerCase() as Protocol;
	const portRange = normalisePorts(protocol, rawPorts);
	const problem: Problem = validatePortRange(protocol, portRange, rawPorts) ?? validateCidr(cidr);
	if (problem) return {ok: false, problem};
	return {ok: true, rule: {direction, protocol, portRange, cidr, policy: 'accept', priority: 1}};
}

/** The `--rule` form of a rule, the inverse of parseRuleSpec. */
export function ruleSpec(rule: Rule): string {
	const ports = rule.portRange === '-1/-1' ? '-1' : showPorts(rule);
	return `${rule.protocol}:${ports}:${rule.cidr}`;
}

/** Two rules are the same rule to the API when these fields match (case-insensitively). */
export function ruleKey(rule: Rule): string {
	return [rule.direction, rule.protocol, rule.portRange, rule.cidr, rule.policy, rule.priority]
		.join('|')
		.toLowerCase();
}

/** Keeps the first of each identical rule, in order. */
export function uniqueRules(rules: readonly Rule[]): Rule[] {
	const seen = new Set<string>();
	return rules.filter((r) => {
		const key = ruleKey(r);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

export function validateRule(rule: Rule): Problem {
	return (
		validateProtocol(rule.protocol) ??
		validatePortRange(rule.protocol, rule.portRange) ??
		validateCidr(rule.cidr) ??
		validatePriority(rule.priority)
	);
}
