// One validator per field, shared by the wizard, the flags path and `configure`. Each returns undefined when
// the value is acceptable, else a sentence (in the current language) naming the rule that was broken.
// These mirror the API's server-side rules (design.md, "Validation rules"); the sandbox enforces the same
// rules independently and test/property holds the two together.

import ipaddr from 'ipaddr.js';
import {cleanLine, type MessageKey, t} from '../text/index.js';
import type {Peer, Policy, Protocol, Tag} from './model.js';

export type Problem = string | undefined;

const chars = (s: string): number => [...s].length;
const startsWithUrl = (s: string): boolean => /^https?:\/\//i.test(s);
const shown = (s: string): string => cleanLine(s);

export const nameRules = {min: 2, max: 128} as const;
export const descriptionRules = {min: 2, max: 256} as const;
const maxTags = 20;
export const maxRulesPerCall = 100;
export const maxRulesPerGroup = 200;

export function validateName(name: string): Problem {
	if (name.length === 0) return t('domain.name.empty');
	if (startsWithUrl(name)) return t('domain.name.url');
	const n = chars(name);
	if (n < nameRules.min || n > nameRules.max) return t('domain.name.length', {count: n});
	if (!/^\p{L}/u.test(name)) return t('domain.name.first', {char: shown([...name][0] ?? '')});
	const bad = [...name].find((c) => !/[\p{L}\p{N}:._-]/u.test(c));
	if (bad !== undefined)
		return t('domain.name.char', {char: shown(bad) || `U+${bad.codePointAt(0)?.toString(16).toUpperCase()}`});
	return undefined;
}

/** The description is optional: empty means "none". */
export function validateDescription(description: string): Problem {
	if (description.length === 0) return undefined;
	if (startsWithUrl(description)) return t('domain.description.url');
	const n = chars(description);
	if (n < descriptionRules.min || n > descriptionRules.max) return t('domain.description.length', {count: n});
	return undefined;
}

const regionIdPattern = /^[a-z]{2,}(-[a-z0-9]+)+$/;
export function validateRegionId(id: string): Problem {
	return regionIdPattern.test(id) ? undefined : t('domain.region.format', {value: shown(id)});
}

/** A resource id of the API's form, `PREFIX-` and 1 to 64 lower-case letters and digits. */
const idRule =
	(pattern: RegExp, key: MessageKey) =>
	(id: string): Problem =>
		pattern.test(id) ? undefined : t(key, {value: shown(id)});

export const validateVpcId = idRule(/^vpc-[a-z0-9]{1,64}$/, 'domain.vpc.format');
export const validateGroupId = idRule(/^sg-[a-z0-9]{1,64}$/, 'domain.group.format');
export const validateInstanceId = idRule(/^i-[a-z0-9]{1,64}$/, 'domain.instance.format');
export const validateResourceGroupId = idRule(/^rg-[a-z0-9]{1,64}$/i, 'domain.resourceGroup.format');

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** An IPv4 CIDR (prefix 0-32) or a single IPv4 address. */
export function validateCidr(cidr: string): Problem {
	const [address = '', prefix, extra] = cidr.split('/');
	if (extra !== undefined || !ipv4.test(address)) return t('domain.cidr.format', {value: shown(cidr)});
	if (prefix !== undefined && !/^(3[0-2]|[12]?\d)$/.test(prefix)) {
		return t('domain.cidr.prefix', {value: shown(cidr)});
	}
	return undefined;
}

/**
 * An IPv6 CIDR (prefix 0-128) or a single IPv6 address: Ipv6SourceCidrIp / Ipv6DestCidrIp, "IPv6 CIDR blocks and
 * addresses are supported" (AuthorizeSecurityGroup,
 * https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-authorizesecuritygroup).
 */
export function validateIpv6Cidr(cidr: string): Problem {
	const [address = '', prefix, extra] = cidr.split('/');
	if (extra !== undefined || !address.includes(':') || !ipaddr.IPv6.isValid(address) || address.includes('%'))
		return t('domain.cidr6.format', {value: shown(cidr)});
	if (prefix !== undefined && !/^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(prefix))
		return t('domain.cidr6.prefix', {value: shown(cidr)});
	return undefined;
}

/** A prefix list id (SourcePrefixListId / DestPrefixListId, from DescribePrefixLists: `pl-x1j1k5ykzqlixdcy****`). */
export const validatePrefixListId = idRule(/^pl-[a-z0-9]{1,64}$/, 'domain.prefixList.format');

/**
 * SourceGroupOwnerAccount / DestGroupOwnerAccount: the Alibaba Cloud account that owns a group of another
 * account (AuthorizeSecurityGroup: "the Alibaba Cloud account that manages the source security group").
 */
export function validateOwnerAccount(account: string): Problem {
	return /^[A-Za-z0-9@._-]{1,128}$/.test(account)
		? undefined
		: t('domain.peer.owner', {value: shown(account)});
}

export function validateDirection(direction: string): Problem {
	return direction === 'ingress' || direction === 'egress'
		? undefined
		: t('domain.rule.direction', {value: shown(direction)});
}

/** Each kind of peer by its own rule. */
export function validatePeer(peer: Peer): Problem {
	switch (peer.kind) {
		case 'ipv4':
			return validateCidr(peer.cidr);
		case 'ipv6':
			return validateIpv6Cidr(peer.cidr);
		case 'group':
			return (
				validateGroupId(peer.groupId) ??
				(peer.ownerAccount === undefined ? undefined : validateOwnerAccount(peer.ownerAccount))
			);
		case 'prefix-list':
			return validatePrefixListId(peer.prefixListId);
	}
}

/**
 * ICMP packets travel over IPv4 and ICMPv6 packets over IPv6, so a rule that pairs one with the other family's
 * address would never match a packet; the tool refuses it rather than create a rule that does nothing. Group
 * and prefix-list peers are left to the API (a prefix list's family is not known here).
 */
export function validateProtocolForPeer(protocol: Protocol, peer: Peer): Problem {
	if (protocol === 'icmp' && peer.kind === 'ipv6') return t('domain.rule.icmpOn6', {peer: shown(peer.cidr)});
	if (protocol === 'icmpv6' && peer.kind === 'ipv4')
		return t('domain.rule.icmp6On4', {peer: shown(peer.cidr)});
	return undefined;
}

export const protocols: readonly Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];
export const portlessProtocols: readonly Protocol[] = ['icmp', 'icmpv6', 'gre', 'all'];

export function validateProtocol(protocol: string): Problem {
	return (protocols as readonly string[]).includes(protocol.toLowerCase())
		? undefined
		: t('domain.rule.protocol', {value: shown(protocol)});
}

/**
 * `portRange` in the API's `start/end` form, checked against its protocol. `typed` is what the person wrote
 * (e.g. `99999` before it became `99999/99999`), so the reason quotes their own words.
 */
export function validatePortRange(protocol: Protocol, portRange: string, typed: string = portRange): Problem {
	if ((portlessProtocols as readonly string[]).includes(protocol)) {
		return portRange === '-1/-1' ? undefined : t('domain.rule.portsNone', {protocol, value: typed});
	}
	const match = /^(\d{1,5})\/(\d{1,5})$/.exec(portRange);
	if (!match) return t('domain.rule.portsFormat', {value: typed});
	const from = Number(match[1]);
	const to = Number(match[2]);
	if (from < 1 || to > 65535 || from > to) return t('domain.rule.portsRange', {value: typed});
	return undefined;
}

/** Priority 1-100, a smaller value first (AuthorizeSecurityGroup: "The valid values of Priority range from 1 to 100"). */
export function validatePriority(priority: number): Problem {
	return Number.isInteger(priority) && priority >= 1 && priority <= 100
		? undefined
		: t('domain.rule.priority', {value: String(priority)});
}

export const validatePolicy = (policy: string): Problem =>
	isPolicy(policy) ? undefined : t('domain.rule.policy', {value: shown(policy)});

/** Permissions.N.Description: 1 to 512 characters, not starting with http:// or https:// (AuthorizeSecurityGroup). */
export function validateRuleDescription(description: string): Problem {
	const n = chars(description);
	if (n === 0) return undefined;
	if (startsWithUrl(description)) return t('domain.rule.descriptionUrl');
	return n > 512 ? t('domain.rule.descriptionLength', {count: n}) : undefined;
}

export function validateTagKey(key: string): Problem {
	const n = chars(key);
	if (n < 1 || n > 128) return t('domain.tag.keyLength', {count: n});
	if (/^(aliyun|acs:)/i.test(key)) return t('domain.tag.keyPrefix', {value: shown(key)});
	if (/https?:\/\//i.test(key)) return t('domain.tag.url');
	return undefined;
}

export function validateTagValue(value: string): Problem {
	const n = chars(value);
	if (n > 128) return t('domain.tag.valueLength', {count: n});
	if (/https?:\/\//i.test(value)) return t('domain.tag.url');
	return undefined;
}

export function validateTags(tags: readonly Tag[]): Problem {
	if (tags.length > maxTags) return t('domain.tag.count', {count: tags.length});
	const seen = new Set<string>();
	for (const tag of tags) {
		const problem = validateTagKey(tag.key) ?? validateTagValue(tag.value);
		if (problem) return problem;
		if (seen.has(tag.key)) return t('domain.tag.duplicate', {key: shown(tag.key)});
		seen.add(tag.key);
	}
	return undefined;
}

export const isPolicy = (value: string): value is Policy => value === 'accept' || value === 'drop';
