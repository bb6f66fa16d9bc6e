// The rules people add most often, as the console offers them ("Quick add"): one pick, then a source (or a
// destination for outbound) and the rule is complete. Labels are service names, the same in every language.
import type {Direction, Peer, Protocol, Rule} from './model.js';
import {anywhere, peerOfText} from './peers.js';

export type PresetId = 'ssh' | 'http' | 'https' | 'rdp' | 'mysql' | 'postgresql' | 'redis' | 'icmp' | 'all';

export type Preset = {
	readonly id: PresetId;
	/** The service name, used as the rule's description too. */
	readonly label: string;
	readonly protocol: Protocol;
	/** The API's `start/end`. */
	readonly portRange: string;
};

export const presets: readonly Preset[] = [
	{id: 'ssh', label: 'SSH', protocol: 'tcp', portRange: '22/22'},
	{id: 'http', label: 'HTTP', protocol: 'tcp', portRange: '80/80'},
	{id: 'https', label: 'HTTPS', protocol: 'tcp', portRange: '443/443'},
	{id: 'rdp', label: 'RDP', protocol: 'tcp', portRange: '3389/3389'},
	{id: 'mysql', label: 'MySQL', protocol: 'tcp', portRange: '3306/3306'},
	{id: 'postgresql', label: 'PostgreSQL', protocol: 'tcp', portRange: '5432/5432'},
	{id: 'redis', label: 'Redis', protocol: 'tcp', portRange: '6379/6379'},
	{id: 'icmp', label: 'ICMP', protocol: 'icmp', portRange: '-1/-1'},
	{id: 'all', label: 'ALL', protocol: 'all', portRange: '-1/-1'},
];

export const presetIds: readonly PresetId[] = presets.map((p) => p.id);

export const isPresetId = (value: string): value is PresetId =>
	(presetIds as readonly string[]).includes(value);

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

/**
 * The source a preset suggests: inbound remote administration and databases start from a private range, so
 * accepting the suggestion never opens them to the internet; web ports, ICMP and outbound rules start open.
 */
export function suggestedCidr(id: PresetId, direction: Direction): string {
	if (direction === 'egress') return anywhere;
	return id === 'http' || id === 'https' || id === 'icmp' ? anywhere : '10.0.0.0/8';
}
