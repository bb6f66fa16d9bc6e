// Rules as people write them (`tcp:8080:10.0.0.0/8`) and as the API wants them (`Permissions.N.*`), and the
// console's templates.

import {cleanLine, t} from '../text/index.js';
import type {Direction, Policy, Protocol, Rule} from './model.js';
import {anywhere, networkOf, parsePeer, peerKey, peerText} from './peers.js';
import {type PresetId, presetOf, presetRule} from './presets.js';
import {
	isPolicy,
	type Problem,
	portlessProtocols,
	validateDirection,
	validatePeer,
	validatePolicy,
	validatePortRange,
	validatePriority,
	validateProtocol,
	validateProtocolForPeer,
	validateRuleDescription,
} from './validators.js';

export {anywhere} from './peers.js';

export type TemplateId = 'web-linux' | 'web-windows' | 'custom';
export const templateIds: readonly TemplateId[] = ['web-linux', 'web-windows', 'custom'];

/** The console's templates, as the quick-add ports they open (presets.ts), in the console's order. */
const openings: Record<TemplateId, readonly PresetId[]> = {
	'web-linux': ['http', 'https', 'ssh', 'icmp'],
	'web-windows': ['http', 'https', 'rdp', 'icmp'],
	custom: [],
};

/** Remote administration: the template rules `--source` narrows (issue 15 item 5); web ports and ICMP stay open. */
export const adminLabels: readonly string[] = ['SSH', 'RDP'];

/**
 * The inbound rules a console template opens. `adminSource` (default 0.0.0.0/0) is the source of the remote
 * administration rules (SSH 22, RDP 3389) only: HTTP, HTTPS and ICMP serve the world and stay 0.0.0.0/0.
 */
export function templateRules(template: TemplateId, adminSource: string = anywhere): Rule[] {
	return openings[template].map((id) =>
		presetRule(id, 'ingress', adminLabels.includes(presetOf(id).label) ? adminSource : anywhere),
	);
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
	// `all` is what tables print for -1/-1, so it is accepted wherever -1 is.
	if (
		(portlessProtocols as readonly string[]).includes(protocol) &&
		(p === '-1' || p === '' || p === '-1/-1' || p.toLowerCase() === 'all' || p === t('domain.ports.all'))
	) {
		return '-1/-1';
	}
	if (/^\d+$/.test(p)) return `${Number(p)}/${Number(p)}`;
	const range = /^(\d+)\s*[-/]\s*(\d+)$/.exec(p);
	if (range) return `${Number(range[1])}/${Number(range[2])}`;
	return p;
}

export type ParsedRule =
	| {
			ok: true;
			rule: Rule;
			/** Which optional fields the spec said (so `rules remove` narrows by them only when given). */
			given: {direction: boolean; policy: boolean; priority: boolean; description: boolean};
	  }
	| {ok: false; problem: string};

/** What every refusal of a spec ends with: forms that work. */
const specExample = (): string => t('domain.rule.specExample');

const refuse = (problem: string): ParsedRule => ({ok: false, problem: `${problem} ${specExample()}`});

/**
 * Parses the `--rule` syntax, from the left, so an IPv6 peer's colons need no quoting:
 *
 *   [in:|out:]PROTOCOL:PORTS:PEER[,OPTION...]
 *
 * PEER is an IPv4 address/CIDR, an IPv6 address/CIDR, a group id (`sg-…`) or a prefix list id (`pl-…`); none
 * of these holds a comma, so the first comma ends the peer. OPTIONs: `accept` or `drop`, `priority=1..100`,
 * `owner=ACCOUNT` (another account's group), `desc=TEXT` (last: the rest of the spec, commas included).
 * PORTS is one port or one range (`22`, `8000-8100`); `all` or `-1` for icmp, icmpv6, gre and all. One range
 * per rule, as the API takes it: a list (`80,443`) is refused with the two rules to write instead.
 * The rule is `direction` (default inbound) unless an `in:`/`out:` prefix says otherwise.
 */
export function parseRuleSpec(spec: string, direction: Direction = 'ingress'): ParsedRule {
	const shown = cleanLine(spec);
	let rest = spec.trim();
	let dir = direction;
	const prefix = /^(in|out|ingress|egress):/i.exec(rest);
	if (prefix) {
		dir = /^(in|ingress)$/i.test(prefix[1] ?? '') ? 'ingress' : 'egress';
		rest = rest.slice(prefix[0].length);
	}
	const list = /^([^:,]+):(\d+(?:-\d+)?(?:\s*,\s*\d+(?:-\d+)?)+):(.*)$/.exec(rest);
	if (list) {
		const one = (ports: string) => `${list[1]}:${ports.trim()}:${list[3]}`;
		const specs = (list[2] ?? '').split(',').map(one);
		return refuse(t('domain.rule.portList', {value: shown, specs: specs.map(cleanLine).join('  ')}));
	}
	const comma = rest.indexOf(',');
	const head = comma < 0 ? rest : rest.slice(0, comma);
	const options = comma < 0 ? undefined : rest.slice(comma + 1);
	const first = head.indexOf(':');
	const second = first < 0 ? -1 : head.indexOf(':', first + 1);
	if (first < 0 || second < 0 || second === head.length - 1)
		return refuse(t('domain.rule.spec', {value: shown}));
	const rawProtocol = head.slice(0, first).trim();
	const rawPorts = head.slice(first + 1, second).trim();
	const rawPeer = head.slice(second + 1).trim();
	// A colon after an IPv4 address or an id is a fourth field, not an IPv6 peer.
	if (/^(\d+(\.\d+){1,3}(\/\d+)?|(sg|pl)-[^:]*):/i.test(rawPeer))
		return refuse(t('domain.rule.spec', {value: shown}));
	const protocolProblem = validateProtocol(rawProtocol);
	if (protocolProblem) return refuse(protocolProblem);
	const protocol = rawProtocol.toLowerCase() as Protocol;
	const portRange = normalisePorts(protocol, rawPorts);
	const portsProblem = validatePortRange(protocol, portRange, rawPorts);
	if (portsProblem) return refuse(portsProblem);

	const read = readOptions(options);
	if (!read.ok) return refuse(read.problem);
	const peer = parsePeer(rawPeer, read.owner);
	if (!peer.ok) return refuse(peer.problem);
	const network = networkOf(peer.peer);
	if (network) return refuse(t('domain.peer.hostBits', {value: cleanLine(rawPeer), network}));
	const pairProblem = validateProtocolForPeer(protocol, peer.peer);
	if (pairProblem) return refuse(pairProblem);
	const rule: Rule = {
		direction: dir,
		protocol,
		portRange,
		peer: peer.peer,
		policy: read.policy ?? 'accept',
		priority: read.priority ?? 1,
		...(read.description !== undefined ? {description: read.description} : {}),
	};
	return {
		ok: true,
		rule,
		given: {
			direction: prefix !== null,
			policy: read.policy !== undefined,
			priority: read.priority !== undefined,
			description: read.description !== undefined,
		},
	};
}

type Options =
	| {ok: true; policy?: Policy; priority?: number; description?: string; owner?: string}
	| {ok: false; problem: string};

function readOptions(text: string | undefined): Options {
	const out: Extract<Options, {ok: true}> = {ok: true};
	if (text === undefined) return out;
	let rest = text;
	if (rest.trim() === '') return {ok: false, problem: t('domain.rule.optionEmpty')};
	while (rest !== '') {
		const descAt = /^\s*(desc|description)=/i.exec(rest);
		if (descAt) {
			const description = rest.slice(descAt[0].length);
			const problem = validateRuleDescription(description);
			if (problem) return {ok: false, problem};
			out.description = description;
			break;
		}
		const comma = rest.indexOf(',');
		const word = (comma < 0 ? rest : rest.slice(0, comma)).trim();
		rest = comma < 0 ? '' : rest.slice(comma + 1);
		if (word === '') return {ok: false, problem: t('domain.rule.optionEmpty')};
		const at = word.indexOf('=');
		const key = at < 0 ? word : word.slice(0, at);
		const value = at < 0 ? undefined : word.slice(at + 1);
		const lower = key.toLowerCase();
		if (value === undefined && isPolicy(lower)) out.policy = lower;
		else if (value === undefined && (lower === 'allow' || lower === 'deny'))
			out.policy = lower === 'allow' ? 'accept' : 'drop';
		else if (lower === 'priority' && value !== undefined) {
			const priority = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
			const problem = validatePriority(priority);
			if (problem) return {ok: false, problem: t('domain.rule.priority', {value: cleanLine(value)})};
			out.priority = priority;
		} else if (lower === 'owner' && value !== undefined) out.owner = value;
		else return {ok: false, problem: t('domain.rule.option', {value: cleanLine(word)})};
	}
	return out;
}

/** The `--rule` form of a rule, the inverse of parseRuleSpec: options only where they differ from the defaults. */
export function ruleSpec(rule: Rule): string {
	const ports = rule.portRange === '-1/-1' ? '-1' : showPorts(rule);
	const head = `${rule.direction === 'egress' ? 'out:' : ''}${rule.protocol}:${ports}:${peerText(rule.peer)}`;
	const extra: string[] = [];
	if (rule.peer.kind === 'group' && rule.peer.ownerAccount) extra.push(`owner=${rule.peer.ownerAccount}`);
	if (rule.policy === 'drop') extra.push('drop');
	if (rule.priority !== 1) extra.push(`priority=${rule.priority}`);
	if (rule.description) extra.push(`desc=${rule.description}`);
	return [head, ...extra].join(',');
}

/** Two rules are the same rule to the API when these fields match (case-insensitively). */
export function ruleKey(rule: Rule): string {
	return [rule.direction, rule.protocol, rule.portRange, peerKey(rule.peer), rule.policy, rule.priority]
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
		validateDirection(rule.direction) ??
		validatePortRange(rule.protocol, rule.portRange) ??
		validatePeer(rule.peer) ??
		validateProtocolForPeer(rule.protocol, rule.peer) ??
		validatePolicy(rule.policy) ??
		validatePriority(rule.priority) ??
		validateRuleDescription(rule.description ?? '')
	);
}
