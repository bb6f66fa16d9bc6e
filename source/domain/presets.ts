// The rules people add most often, as the console offers them ("Quick add"): one pick, then a source (or a
// destination for outbound) and the rule is complete. Labels are service names, the same in every language.
import type {Direction, Peer, Protocol, Rule} from './model.js';
import {anywhere, peerOfText} from './peers.js';

export type PresetId =
	| 'ssh'
	| 'telnet'
	| 'http'
	| 'https'
	| 'mssql'
	| 'oracle'
	| 'mysql'
	| 'rdp'
	| 'postgresql'
	| 'redis'
	| 'icmp'
	| 'all';

export type Preset = {
	readonly id: PresetId;
	/** The service name, used as the rule's description too. */
	readonly label: string;
	readonly protocol: Protocol;
	/** The API's `start/end`. */
	readonly portRange: string;
};

const tcp = (id: PresetId, label: string, port: number): Preset => ({
	id,
	label,
	protocol: 'tcp',
	portRange: `${port}/${port}`,
});

/**
 * The console's quick-add ports in the console's order (Create Security Group, "Quick add": SSH 22, Telnet 23,
 * HTTP 80, HTTPS 443, MS SQL 1433, Oracle 1521, MySQL 3306, RDP 3389, PostgreSQL 5432, Redis 6379), then ICMP
 * and ALL, which the console offers as protocols rather than ports.
 */
export const presets: readonly Preset[] = [
	tcp('ssh', 'SSH', 22),
	tcp('telnet', 'Telnet', 23),
	tcp('http', 'HTTP', 80),
	tcp('https', 'HTTPS', 443),
	tcp('mssql', 'MS SQL', 1433),
	tcp('oracle', 'Oracle', 1521),
	tcp('mysql', 'MySQL', 3306),
	tcp('rdp', 'RDP', 3389),
	tcp('postgresql', 'PostgreSQL', 5432),
	tcp('redis', 'Redis', 6379),
	{id: 'icmp', label: 'ICMP', protocol: 'icmp', portRange: '-1/-1'},
	{id: 'all', label: 'ALL', protocol: 'all', portRange: '-1/-1'},
];

export const presetIds: readonly PresetId[] = presets.map((p) => p.id);

export function presetOf(id: PresetId): Preset {
	return presets.find((p) => p.id === id) as Preset;
}

/**
 * The rule a preset adds: accept, priority 1, the service name as its description. `cidr` is the source of an
 * inbound rule or the destination of an outbound one.
 */
export function presetRule(
	id: PresetId,
	direction: Direction = 'ingress',
	peer: string | Peer = anywhere,
): Rule {
	const preset = presetOf(id);
	return {
		direction,
		protocol: preset.protocol,
		portRange: preset.portRange,
		peer: typeof peer === 'string' ? peerOfText(peer) : peer,
		policy: 'accept',
		priority: 1,
		description: preset.label,
	};
}

/** Where inbound administration and databases start when the group's VPC (and so its CIDR) is not known. */
const privateRange = '10.0.0.0/8';

/**
 * The source a preset suggests: inbound remote administration and databases start from the group's own VPC
 * CIDR when it is known (a `172.16.0.0/12` VPC gets `172.16.0.0/12`, not a range none of its hosts is in), else
 * a private range, so accepting the suggestion never opens them to the internet; web ports, ICMP and outbound
 * rules start open.
 */
export function suggestedCidr(id: PresetId, direction: Direction, vpcCidr?: string): string {
	if (direction === 'egress') return anywhere;
	if (id === 'http' || id === 'https' || id === 'icmp') return anywhere;
	return vpcCidr && vpcCidr !== '' ? vpcCidr : privateRange;
}
