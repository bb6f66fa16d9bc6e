// Security lint: what the Review screens, --dry-run and --json warn about before anything is sent. Each warning
// names the rule it is about. Evaluation order is the API's: a smaller priority first, and at equal priority
// drop before accept (AuthorizeSecurityGroup, "When multiple security group rules have the same priority, drop
// rules take precedence", https://alibabacloud.com/help/en/ecs/api-authorizesecuritygroup).

import {t} from '../text/index.js';
import type {Peer, Rule} from './model.js';
import {isWorld, networkOf, peerKey, peerLabel, peerRange, peerText} from './peers.js';
import {ruleKey, showPorts} from './rules.js';

const adminPorts: Record<number, string> = {22: 'SSH', 23: 'Telnet', 3389: 'RDP'};
const dataPorts: Record<number, string> = {
	3306: 'MySQL',
	5432: 'PostgreSQL',
	6379: 'Redis',
	27017: 'MongoDB',
	9200: 'Elasticsearch',
	1433: 'SQL Server',
	1521: 'Oracle',
};
/** An inbound range to the world wider than this many ports is "wider than needed". */
const widePorts = 100;

const span = (rule: Rule): [number, number] => {
	if (rule.portRange === '-1/-1') return [1, 65535];
	const [from = 0, to = 0] = rule.portRange.split('/').map(Number);
	return [from, to];
};

const opensPort = (rule: Rule, port: number): boolean => {
	if (rule.protocol === 'all') return true;
	if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return false;
	const [from, to] = span(rule);
	return from <= port && port <= to;
};

export type Warning = {rule: Rule; message: string};

const short = (rule: Rule): string =>
	`${rule.direction === 'ingress' ? t('submit.dir.ingress') : t('submit.dir.egress')} ${rule.protocol.toUpperCase()} ${showPorts(rule)} ${peerLabel(rule.peer)} (${rule.policy === 'drop' ? t('submit.policy.drop') : t('submit.policy.accept')}, ${rule.priority})`;

/** Whether every packet `inner` matches, `outer` matches too (same direction; protocol, ports and peer covered). */
function covers(outer: Rule, inner: Rule): boolean {
	if (outer.direction !== inner.direction) return false;
	if (outer.protocol !== 'all' && outer.protocol !== inner.protocol) return false;
	const [of, ot] = span(outer);
	const [inf, it] = span(inner);
	if (outer.protocol !== 'all' && (of > inf || ot < it)) return false;
	return peerCovers(outer.peer, inner.peer);
}

function peerCovers(outer: Peer, inner: Peer): boolean {
	const a = peerRange(outer);
	const b = peerRange(inner);
	if (a && b) return a.family === b.family && a.first <= b.first && b.last <= a.last;
	return peerKey(outer) === peerKey(inner);
}

/** The API's order: smaller priority first; at equal priority drop first. */
const evaluatedBefore = (a: Rule, b: Rule): boolean =>
	a.priority < b.priority || (a.priority === b.priority && a.policy === 'drop' && b.policy === 'accept');

function exposure(rule: Rule): Warning[] {
	if (rule.direction !== 'ingress' || rule.policy !== 'accept' || !isWorld(rule.peer)) return [];
	const six = rule.peer.kind === 'ipv6';
	if (rule.protocol === 'all') return [{rule, message: t(six ? 'domain.lint.all6' : 'domain.lint.all')}];
	const warnings: Warning[] = [];
	for (const [port, service] of Object.entries(adminPorts)) {
		if (opensPort(rule, Number(port)))
			warnings.push({
				rule,
				message: t(six ? 'domain.lint.admin6' : 'domain.lint.admin', {service, port, ports: showPorts(rule)}),
			});
	}
	const [from, to] = span(rule);
	if ((rule.protocol === 'tcp' || rule.protocol === 'udp') && to - from >= widePorts) {
		warnings.push({
			rule,
			message: t(six ? 'domain.lint.wide6' : 'domain.lint.wide', {ports: showPorts(rule)}),
		});
		return warnings;
	}
	for (const [port, service] of Object.entries(dataPorts)) {
		if (opensPort(rule, Number(port)))
			warnings.push({rule, message: t(six ? 'domain.lint.data6' : 'domain.lint.data', {service, port})});
	}
	return warnings;
}

/**
 * Warnings for a set of rules: accept rules that open remote administration, databases, wide port ranges or
 * everything to the internet (0.0.0.0/0 and ::/0); a CIDR with host bits set; a rule given twice; a rule
 * another rule of the same policy already covers; and a rule that never takes effect because one of the
 * other policy covers it and is evaluated first.
 */
export function lintRules(rules: readonly Rule[]): Warning[] {
	const warnings: Warning[] = [];
	const seen = new Set<string>();
	rules.forEach((rule, i) => {
		warnings.push(...exposure(rule));
		const network = networkOf(rule.peer);
		if (network)
			warnings.push({
				rule,
				message: t('domain.lint.hostBits', {rule: short(rule), value: peerText(rule.peer), network}),
			});
		const key = ruleKey(rule);
		if (seen.has(key)) {
			warnings.push({rule, message: t('domain.lint.duplicate', {rule: short(rule)})});
			return;
		}
		seen.add(key);
		for (const [j, other] of rules.entries()) {
			if (j === i || ruleKey(other) === key || !covers(other, rule)) continue;
			if (other.policy !== rule.policy && evaluatedBefore(other, rule)) {
				warnings.push({
					rule,
					message: t('domain.lint.shadowed', {
						rule: short(rule),
						winner: short(other),
						priority: other.priority,
					}),
				});
				break;
			}
			// Same policy: the covered rule adds nothing, unless it is evaluated first (then it matters for order).
			if (other.policy === rule.policy && !evaluatedBefore(rule, other)) {
				warnings.push({rule, message: t('domain.lint.overlap', {rule: short(rule), other: short(other)})});
				break;
			}
		}
	});
	return warnings;
}
