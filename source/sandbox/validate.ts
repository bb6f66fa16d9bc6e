// The server-side value rules (design.md "Validation rules", reference §2.1-2.3). Each returns undefined when
// the value is acceptable, else the reason in the API's plain English. Lengths count characters, not bytes.
import {isIPv6} from 'node:net';

export const chars = (s: string): number => [...s].length;
const startsWithUrl = (s: string): boolean => /^https?:\/\//i.test(s);

export function nameProblem(name: string): string | undefined {
	const n = chars(name);
	if (n < 2 || n > 128) return `it must be 2 to 128 characters long (it has ${n})`;
	if (startsWithUrl(name)) return 'it cannot start with http:// or https://';
	if (!/^\p{L}/u.test(name)) return 'it must start with a letter';
	if (!/^[\p{L}\p{N}:._-]+$/u.test(name)) return 'it may contain only letters, digits and : _ . -';
	return undefined;
}

export function descriptionProblem(description: string): string | undefined {
	const n = chars(description);
	if (n < 2 || n > 256) return `it must be 2 to 256 characters long (it has ${n})`;
	if (startsWithUrl(description)) return 'it cannot start with http:// or https://';
	return undefined;
}

export function ruleDescriptionProblem(description: string): string | undefined {
	const n = chars(description);
	if (n > 512) return `it must be at most 512 characters long (it has ${n})`;
	if (startsWithUrl(description)) return 'it cannot start with http:// or https://';
	return undefined;
}

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** An IPv4 CIDR with prefix 0-32, or a single IPv4 address. */
export function isIpv4Cidr(value: string): boolean {
	const [address = '', prefix, extra] = value.split('/');
	if (extra !== undefined || !ipv4.test(address)) return false;
	return prefix === undefined || /^(3[0-2]|[12]?\d)$/.test(prefix);
}

export function isIpv6Cidr(value: string): boolean {
	const [address = '', prefix, extra] = value.split('/');
	if (extra !== undefined || !isIPv6(address)) return false;
	return prefix === undefined || /^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(prefix);
}

export const protocols = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'] as const;
export type Protocol = (typeof protocols)[number];
const portless: readonly string[] = ['icmp', 'icmpv6', 'gre', 'all'];

export const isProtocol = (value: string): value is Protocol =>
	(protocols as readonly string[]).includes(value);

/** How the API writes a protocol back (DescribeSecurityGroupAttribute). */
export const protocolDisplay = (protocol: Protocol): string =>
	protocol === 'icmpv6' ? 'ICMPv6' : protocol.toUpperCase();

export type PortProblem = 'malformed' | 'mismatch' | undefined;

/** `start/end` with 1 <= start <= end <= 65535 for tcp/udp; `-1/-1` for icmp, icmpv6, gre and all. */
export function portRangeProblem(protocol: Protocol, range: string): PortProblem {
	const match = /^(-?\d{1,5})\/(-?\d{1,5})$/.exec(range);
	if (!match) return 'malformed';
	const from = Number(match[1]);
	const to = Number(match[2]);
	const any = from === -1 && to === -1;
	const ports = from >= 1 && to <= 65535 && from <= to;
	if (portless.includes(protocol)) return any ? undefined : ports ? 'mismatch' : 'malformed';
	return ports ? undefined : any ? 'mismatch' : 'malformed';
}

export function tagKeyProblem(key: string): string | undefined {
	const n = chars(key);
	if (n < 1 || n > 128) return `a tag key must be 1 to 128 characters long (it has ${n})`;
	if (/^(aliyun|acs:)/i.test(key)) return 'a tag key cannot start with aliyun or acs:';
	if (/https?:\/\//i.test(key)) return 'a tag key cannot contain http:// or https://';
	return undefined;
}

export function tagValueProblem(value: string): string | undefined {
	const n = chars(value);
	if (n > 128) return `a tag value must be at most 128 characters long (it has ${n})`;
	if (/https?:\/\//i.test(value)) return 'a tag value cannot contain http:// or https://';
	return undefined;
}

export const idPatterns = {
	vpc: /^vpc-[a-z0-9]{1,64}$/,
	group: /^sg-[a-z0-9]{1,64}$/,
	instance: /^i-[a-z0-9]{1,64}$/,
	resourceGroup: /^rg-[a-z0-9]{1,64}$/i,
} as const;
