// The far end of a rule (model.ts Peer) as people write it and as the API compares it: which kind a text is,
// the same address written two ways (1.2.3.4 and 1.2.3.4/32, 2001:DB8:0::/32 and 2001:db8::/32) as one key, and
// a line of text for tables. Addresses go through ipaddr.js (a small, dependency-free parser) rather than
// hand-written IPv6 compression rules.
import ipaddr from 'ipaddr.js';
import {cleanLine, t} from '../text/index.js';
import type {Direction, Peer} from './model.js';
import {
	type Problem,
	validateCidr,
	validateGroupId,
	validateIpv6Cidr,
	validateOwnerAccount,
	validatePrefixListId,
} from './validators.js';

export const anywhere = '0.0.0.0/0';
export const anywhere6 = '::/0';

export const ipv4 = (cidr: string): Peer => ({kind: 'ipv4', cidr});

/** The kind a written peer is: `sg-…` a group, `pl-…` a prefix list, a colon IPv6, else IPv4. */
function peerKindOf(text: string): Peer['kind'] {
	const lower = text.trim().toLowerCase();
	if (lower.startsWith('sg-')) return 'group';
	if (lower.startsWith('pl-')) return 'prefix-list';
	return lower.includes(':') ? 'ipv6' : 'ipv4';
}

export type ParsedPeer = {ok: true; peer: Peer} | {ok: false; problem: string};

/** A written peer (`10.0.0.0/8`, `2001:db8::/32`, `sg-…`, `pl-…`) checked and normalised (IPv6 lower case). */
export function parsePeer(text: string, ownerAccount?: string): ParsedPeer {
	const value = text.trim();
	const kind = peerKindOf(value);
	const fail = (problem: Problem): ParsedPeer | undefined => (problem ? {ok: false, problem} : undefined);
	if (ownerAccount !== undefined && kind !== 'group') {
		return {ok: false, problem: t('domain.peer.ownerNotGroup', {value: cleanLine(value)})};
	}
	switch (kind) {
		case 'group':
			return (
				fail(validateGroupId(value)) ??
				fail(ownerAccount === undefined ? undefined : validateOwnerAccount(ownerAccount)) ?? {
					ok: true,
					peer: {kind, groupId: value, ...(ownerAccount ? {ownerAccount} : {})},
				}
			);
		case 'prefix-list':
			return fail(validatePrefixListId(value)) ?? {ok: true, peer: {kind, prefixListId: value}};
		case 'ipv6':
			return fail(validateIpv6Cidr(value)) ?? {ok: true, peer: {kind, cidr: value.toLowerCase()}};
		case 'ipv4':
			return fail(validateCidr(value)) ?? {ok: true, peer: {kind, cidr: value}};
	}
}

/** A peer already checked by parsePeer, from its text (an unparsable text stays an IPv4 peer, to be refused later). */
export function peerOfText(text: string): Peer {
	const parsed = parsePeer(text);
	return parsed.ok ? parsed.peer : {kind: 'ipv4', cidr: text};
}

/** The peer as the flags and the API write it: the CIDR, the group id, the prefix list id. */
export function peerText(peer: Peer): string {
	switch (peer.kind) {
		case 'ipv4':
		case 'ipv6':
			return peer.cidr;
		case 'group':
			return peer.groupId;
		case 'prefix-list':
			return peer.prefixListId;
	}
}

/** The peer for people: the id with its display name when known, and another account's owner. */
export function peerLabel(peer: Peer): string {
	const id = cleanLine(peerText(peer));
	if (peer.kind === 'group') {
		const named = peer.name ? `${cleanLine(peer.name)} (${id})` : id;
		return peer.ownerAccount
			? t('domain.peer.otherAccount', {peer: named, account: cleanLine(peer.ownerAccount)})
			: named;
	}
	if (peer.kind === 'prefix-list' && peer.name) return `${cleanLine(peer.name)} (${id})`;
	return id;
}

/** The table header for the far end: Source for inbound rules, Destination for outbound ones. */
export const farEndHeader = (direction: Direction): string =>
	direction === 'ingress' ? t('domain.peer.source') : t('domain.peer.destination');

/** An address with its prefix, in one canonical spelling; undefined when it does not parse. */
function canonicalCidr(cidr: string, bits: 32 | 128): string | undefined {
	try {
		const [address = '', prefix] = cidr.split('/');
		const parsed = ipaddr.parse(address);
		if ((bits === 32) !== (parsed.kind() === 'ipv4')) return undefined;
		return `${parsed.toNormalizedString()}/${prefix === undefined ? bits : Number(prefix)}`;
	} catch {
		return undefined;
	}
}

/**
 * What makes two peers the same to the API: `1.2.3.4` and `1.2.3.4/32` are one, IPv6 compressed or not is one,
 * ids compare case-insensitively. Display names do not count.
 */
export function peerKey(peer: Peer): string {
	switch (peer.kind) {
		case 'ipv4':
			return `4|${canonicalCidr(peer.cidr, 32) ?? peer.cidr}`;
		case 'ipv6':
			return `6|${canonicalCidr(peer.cidr, 128) ?? peer.cidr.toLowerCase()}`;
		case 'group':
			return `g|${peer.groupId.toLowerCase()}|${(peer.ownerAccount ?? '').toLowerCase()}`;
		case 'prefix-list':
			return `p|${peer.prefixListId.toLowerCase()}`;
	}
}

export const samePeer = (a: Peer, b: Peer): boolean => peerKey(a) === peerKey(b);

/**
 * The network a CIDR with host bits set stands for (`10.0.0.1/8` means `10.0.0.0/8`), or undefined when the
 * CIDR is already a network, a single address, or not a CIDR.
 */
export function networkOf(peer: Peer): string | undefined {
	if (peer.kind !== 'ipv4' && peer.kind !== 'ipv6') return undefined;
	if (!peer.cidr.includes('/')) return undefined;
	try {
		const [address, prefix] = ipaddr.parseCIDR(peer.cidr);
		const network =
			address.kind() === 'ipv4'
				? ipaddr.IPv4.networkAddressFromCIDR(peer.cidr)
				: ipaddr.IPv6.networkAddressFromCIDR(peer.cidr);
		const same = network.toNormalizedString() === address.toNormalizedString();
		return same ? undefined : `${network.toString()}/${prefix}`;
	} catch {
		return undefined;
	}
}

/** Whether the peer is the whole internet of its family (0.0.0.0/0, 0.0.0.0, ::/0). */
export function isWorld(peer: Peer): boolean {
	if (peer.kind === 'ipv4') return peer.cidr === anywhere || /^0\.0\.0\.0\/0$|^0\.0\.0\.0$/.test(peer.cidr);
	if (peer.kind === 'ipv6') return canonicalCidr(peer.cidr, 128) === canonicalCidr(anywhere6, 128);
	return false;
}

/** The range an address peer covers, for overlap checks; undefined for groups and prefix lists. */
export function peerRange(peer: Peer): {family: 4 | 6; first: bigint; last: bigint} | undefined {
	if (peer.kind !== 'ipv4' && peer.kind !== 'ipv6') return undefined;
	try {
		const bits = peer.kind === 'ipv4' ? 32 : 128;
		const [text = '', prefixText] = peer.cidr.split('/');
		const address = ipaddr.parse(text);
		const prefix = prefixText === undefined ? bits : Number(prefixText);
		let value = 0n;
		for (const byte of address.toByteArray()) value = (value << 8n) | BigInt(byte);
		const size = 1n << BigInt(bits - prefix);
		const first = value - (value % size);
		return {family: peer.kind === 'ipv4' ? 4 : 6, first, last: first + size - 1n};
	} catch {
		return undefined;
	}
}
