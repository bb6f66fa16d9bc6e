// The state file's shape as valibot schemas: types, formats and the API's defaults for fields left out. Each
// message is worded for a person editing the file and says what would be right; state-file.ts adds the JSON
// path, and state-checks.ts what one record says about another (duplicates, dangling references).
import * as v from 'valibot';
import {randomChars} from './ids.js';
import {findRegion, isRegion} from './regions.js';
import type {
	Account,
	Credentials,
	GroupRecord,
	InstanceRecord,
	PermissionRecord,
	PrefixListRecord,
	TokenRecord,
	VpcRecord,
} from './types.js';
import {
	idPatterns,
	isIpv4Cidr,
	isIpv6Cidr,
	isProtocol,
	portRangeProblem,
	protocolDisplay,
} from './validate.js';

export const show = (value: unknown): string => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

type Issue = {input: unknown; expected: string | null; received: string};

/** An object's own problems: a required key missing, a key it does not know (strict), or not an object. */
const objectMessage = (keys?: string) => (issue: Issue) =>
	issue.expected === 'never'
		? `unknown key (use ${keys})`
		: issue.received === 'undefined'
			? 'missing'
			: `must be an object, not ${show(issue.input)}`;

const strict = <T extends v.ObjectEntries>(entries: T) =>
	v.strictObject(entries, objectMessage(Object.keys(entries).join(', ')));
const loose = <T extends v.ObjectEntries>(entries: T) => v.looseObject(entries, objectMessage());

const string = () => v.string((issue) => `must be a string, not ${show(issue.input)}`);
/** A string that may be left out (or null) and then takes `fallback`. */
const text = (fallback = '') => v.nullish(string(), fallback);
const optionalText = () =>
	v.pipe(
		v.nullish(string()),
		v.transform((value) => value ?? undefined),
	);
const bool = (fallback: boolean) =>
	v.nullish(
		v.boolean((issue) => `must be true or false, not ${show(issue.input)}`),
		fallback,
	);
const picklist = <const T extends readonly [string, ...string[]]>(allowed: T) =>
	v.picklist(allowed, (issue) => `must be one of ${allowed.join(', ')}, not ${show(issue.input)}`);
const oneOf = <const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) =>
	v.nullish(picklist(allowed), fallback);
const maybeOneOf = <const T extends readonly [string, ...string[]]>(allowed: T) =>
	v.pipe(
		v.nullish(picklist(allowed)),
		v.transform((value): T[number] | undefined => value ?? undefined),
	);
const list = <T extends v.GenericSchema>(item: T) =>
	v.nullish(
		v.array(item, (issue) => `must be a list, not ${show(issue.input)}`),
		[],
	);
/** The API wraps lists (`{"VSwitchId": [...]}`); a plain list is accepted too. */
const wrapped = <T extends v.GenericSchema>(inner: string, item: T) =>
	v.optional(
		v.pipe(
			v.unknown(),
			v.transform((value) =>
				typeof value === 'object' && value !== null && !Array.isArray(value)
					? (value as Record<string, unknown>)[inner]
					: value,
			),
			list(item),
		),
		[],
	);
const id = (pattern: RegExp, example: string) =>
	v.pipe(
		string(),
		v.regex(pattern, (issue) => `${show(issue.input)} is not a valid id (like ${example})`),
	);
const region = () =>
	v.pipe(
		string(),
		v.check(isRegion, (issue) => `${show(issue.input)} is not a known region`),
	);
const cidr = (family: 'IPv4' | 'IPv6') =>
	v.nullish(
		v.pipe(
			string(),
			v.check(
				(value) => value === '' || (family === 'IPv6' ? isIpv6Cidr(value) : isIpv4Cidr(value)),
				(issue) => `${show(issue.input)} is not an ${family} CIDR block or address`,
			),
		),
		'',
	);
const wholeNumber = (min: number, max: number, what = `a whole number from ${min} to ${max}`) =>
	v.pipe(
		v.number((issue) => `must be ${what}, not ${show(issue.input)}`),
		v.integer((issue) => `must be ${what}, not ${show(issue.input)}`),
		v.minValue(min, (issue) => `must be ${what}, not ${show(issue.input)}`),
		v.maxValue(max, (issue) => `must be ${what}, not ${show(issue.input)}`),
	);

export const credentialsSchema = v.pipe(
	strict({
		accessKeyId: v.pipe(
			string(),
			v.regex(/^[\x21-\x7e]{1,128}$/, 'must be 1 to 128 printable ASCII characters'),
		),
		accessKeySecret: v.pipe(string(), v.nonEmpty('must not be empty')),
		securityToken: v.optional(
			v.pipe(
				v.string('must be a non-empty string when present'),
				v.nonEmpty('must be a non-empty string when present'),
			),
		),
	}),
	v.transform(
		(c): Credentials =>
			c.securityToken === undefined
				? {accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret}
				: {accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken},
	),
);

export const accountSchema = (defaults: Account) =>
	v.pipe(
		strict({
			maxSecurityGroups: v.optional(wholeNumber(0, 1_000_000), defaults.maxSecurityGroups),
			classicRegions: v.optional(
				v.array(region(), (issue) => `must be a list, not ${show(issue.input)}`),
				defaults.classicRegions,
			),
			ownerId: v.optional(
				v.pipe(
					v.union([v.string(), v.pipe(v.number(), v.safeInteger(), v.transform(String))], (issue) =>
						ownerIdMessage(issue.input),
					),
					v.regex(/^[1-9]\d{0,18}$/, (issue) => ownerIdMessage(issue.input)),
				),
				defaults.ownerId,
			),
		}),
		v.transform((a): Account => ({...a, classicRegions: [...a.classicRegions]})),
	);
const ownerIdMessage = (input: unknown) =>
	`must be a whole number of up to 19 digits (as a string), not ${show(input)}`;

const tags = <K extends string, V extends string>(key: K, value: V) =>
	wrapped(
		'Tag',
		loose({[key]: string(), [value]: text()} as unknown as Record<K | V, v.GenericSchema<unknown, string>>),
	);

export const vpcSchema = (now: string) =>
	v.pipe(
		loose({
			VpcId: id(idPatterns.vpc, 'vpc-bp1qpo0kug3a20qqe0000'),
			VpcName: text(),
			CidrBlock: v.nullish(
				v.pipe(
					string(),
					v.check(isIpv4Cidr, (issue) => `${show(issue.input)} is not an IPv4 CIDR block`),
				),
				'172.16.0.0/12',
			),
			IsDefault: bool(false),
			Status: oneOf(['Available', 'Pending'], 'Available'),
			RegionId: region(),
			Description: text(),
			CreationTime: text(now),
			VRouterId: optionalText(),
			VSwitchIds: wrapped('VSwitchId', string()),
			ResourceGroupId: text(),
			Tags: tags('Key', 'Value'),
		}),
		v.transform(
			(vpc): VpcRecord => ({
				VpcId: vpc.VpcId,
				VpcName: vpc.VpcName,
				CidrBlock: vpc.CidrBlock,
				IsDefault: vpc.IsDefault,
				Status: vpc.Status,
				RegionId: vpc.RegionId,
				Description: vpc.Description,
				CreationTime: vpc.CreationTime,
				VRouterId: vpc.VRouterId ?? vpc.VpcId.replace(/^vpc-/, 'vrt-'),
				VSwitchIds: {VSwitchId: vpc.VSwitchIds},
				ResourceGroupId: vpc.ResourceGroupId,
				Tags: {Tag: vpc.Tags as {Key: string; Value: string}[]},
			}),
		),
	);

const permissionEntries = (now: string) => ({
	SecurityGroupRuleId: optionalText(),
	Direction: oneOf(['ingress', 'egress'], 'ingress'),
	IpProtocol: v.pipe(
		string(),
		v.check(
			(value) => isProtocol(value.toLowerCase()),
			(issue) => `${show(issue.input)} is not one of tcp, udp, icmp, icmpv6, gre, all`,
		),
	),
	PortRange: optionalText(),
	SourceCidrIp: cidr('IPv4'),
	DestCidrIp: cidr('IPv4'),
	Ipv6SourceCidrIp: cidr('IPv6'),
	Ipv6DestCidrIp: cidr('IPv6'),
	SourceGroupId: text(),
	SourceGroupOwnerAccount: text(),
	DestGroupId: text(),
	DestGroupOwnerAccount: text(),
	SourcePortRange: text(),
	SourcePrefixListId: text(),
	DestPrefixListId: text(),
	Policy: v.nullish(
		v.pipe(
			v.string((issue) => `must be Accept or Drop, not ${show(issue.input)}`),
			v.regex(/^(accept|drop)$/i, (issue) => `must be Accept or Drop, not ${show(issue.input)}`),
			v.transform((policy) => (policy.toLowerCase() === 'drop' ? 'Drop' : 'Accept')),
		),
		'Accept',
	),
	// A number in the file; a string as the API writes it is read too.
	Priority: v.nullish(
		v.pipe(
			v.union([v.number(), v.pipe(v.string(), v.transform(Number))], (issue) => priorityMessage(issue.input)),
			v.integer((issue) => priorityMessage(issue.input)),
			v.minValue(1, (issue) => priorityMessage(issue.input)),
			v.maxValue(100, (issue) => priorityMessage(issue.input)),
		),
		1,
	),
	NicType: maybeOneOf(['intranet', 'internet']),
	Description: text(),
	CreateTime: text(now),
});
const priorityMessage = (input: unknown) => `must be a whole number from 1 to 100, not ${show(input)}`;

/** A rule as written; NicType's default depends on its group, so state-checks.ts completes it. */
export type PermissionInput = Omit<PermissionRecord, 'NicType'> & {
	NicType: 'intranet' | 'internet' | undefined;
};

const permissionSchema = (now: string) =>
	v.pipe(
		loose(permissionEntries(now)),
		v.transform((rule) => {
			const protocol = rule.IpProtocol.toLowerCase() as Parameters<typeof protocolDisplay>[0];
			return {
				...rule,
				SecurityGroupRuleId: rule.SecurityGroupRuleId ?? `sgr-${randomChars(20)}`,
				IpProtocol: protocolDisplay(protocol),
				PortRange: rule.PortRange ?? (portRangeProblem(protocol, '-1/-1') ? undefined : '-1/-1'),
				protocol,
			};
		}),
		v.check((rule) => rule.PortRange !== undefined, 'PortRange is missing (write start/end, e.g. 22/22)'),
		v.check(
			(rule) => portRangeProblem(rule.protocol, rule.PortRange as string) === undefined,
			(issue) =>
				`PortRange ${show((issue.input as {PortRange: string}).PortRange)} does not suit ${(issue.input as {protocol: string}).protocol}`,
		),
		v.check(
			(rule) =>
				(rule.Direction === 'ingress'
					? [rule.SourceCidrIp, rule.Ipv6SourceCidrIp, rule.SourceGroupId, rule.SourcePrefixListId]
					: [rule.DestCidrIp, rule.Ipv6DestCidrIp, rule.DestGroupId, rule.DestPrefixListId]
				).some((end) => end !== ''),
			(issue) =>
				(issue.input as {Direction: string}).Direction === 'ingress'
					? 'an inbound rule needs a SourceCidrIp'
					: 'an outbound rule needs a DestCidrIp',
		),
		v.transform(
			({protocol: _protocol, ...rule}): PermissionInput => ({
				SecurityGroupRuleId: rule.SecurityGroupRuleId,
				Direction: rule.Direction,
				IpProtocol: rule.IpProtocol,
				PortRange: rule.PortRange as string,
				SourceCidrIp: rule.SourceCidrIp,
				DestCidrIp: rule.DestCidrIp,
				Ipv6SourceCidrIp: rule.Ipv6SourceCidrIp,
				Ipv6DestCidrIp: rule.Ipv6DestCidrIp,
				SourceGroupId: rule.SourceGroupId,
				SourceGroupOwnerAccount: rule.SourceGroupOwnerAccount,
				DestGroupId: rule.DestGroupId,
				DestGroupOwnerAccount: rule.DestGroupOwnerAccount,
				SourcePortRange: rule.SourcePortRange,
				SourcePrefixListId: rule.SourcePrefixListId,
				DestPrefixListId: rule.DestPrefixListId,
				Policy: rule.Policy,
				Priority: rule.Priority,
				NicType: rule.NicType,
				Description: rule.Description,
				CreateTime: rule.CreateTime,
			}),
		),
	);

export type GroupInput = Omit<GroupRecord, 'Permissions'> & {Permissions: PermissionInput[]};

export const groupSchema = (now: string, maxRules: number) =>
	v.pipe(
		loose({
			SecurityGroupId: id(idPatterns.group, 'sg-bp1fg655nh68xyz90000'),
			SecurityGroupName: text(),
			Description: text(),
			VpcId: text(),
			RegionId: region(),
			SecurityGroupType: oneOf(['normal', 'enterprise'], 'normal'),
			InnerAccessPolicy: maybeOneOf(['Accept', 'Drop']),
			CreationTime: text(now),
			ResourceGroupId: text(),
			Tags: tags('TagKey', 'TagValue'),
			Permissions: v.pipe(
				wrapped('Permission', permissionSchema(now)),
				v.maxLength(maxRules, `at most ${maxRules} rules per group`),
			),
		}),
		v.check(
			(group) => group.SecurityGroupType !== 'enterprise' || group.VpcId !== '',
			'an enterprise group needs a VpcId',
		),
		v.transform(
			(group): GroupInput => ({
				SecurityGroupId: group.SecurityGroupId,
				SecurityGroupName: group.SecurityGroupName,
				Description: group.Description,
				VpcId: group.VpcId,
				RegionId: group.RegionId,
				SecurityGroupType: group.SecurityGroupType,
				InnerAccessPolicy:
					group.InnerAccessPolicy ?? (group.SecurityGroupType === 'enterprise' ? 'Drop' : 'Accept'),
				CreationTime: group.CreationTime,
				ResourceGroupId: group.ResourceGroupId,
				Tags: {Tag: group.Tags as {TagKey: string; TagValue: string}[]},
				Permissions: group.Permissions,
			}),
		),
	);

/** An instance: the fields the sandbox checks, then every other field kept as written. */
export const instanceSchema = (now: string, defaults: (id: string, now: string) => Record<string, unknown>) =>
	v.pipe(
		loose({
			InstanceId: id(idPatterns.instance, 'i-bp67acfmxazb4ph30000'),
			InstanceName: optionalText(),
			Status: oneOf(['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'], 'Running'),
			RegionId: region(),
			ZoneId: optionalText(),
			InstanceNetworkType: maybeOneOf(['vpc', 'classic']),
			VpcAttributes: v.nullish(
				loose({
					VpcId: text(),
					VSwitchId: text(),
					NatIpAddress: text(),
					PrivateIpAddress: v.nullish(loose({IpAddress: list(string())}), {IpAddress: []}),
				}),
				{VpcId: '', VSwitchId: '', NatIpAddress: '', PrivateIpAddress: {IpAddress: []}},
			),
			SecurityGroupIds: wrapped('SecurityGroupId', string()),
		}),
		v.check(
			(instance) => (instance.SecurityGroupIds as string[]).length > 0,
			'an instance belongs to at least one security group (SecurityGroupIds)',
		),
		v.transform((instance): InstanceRecord => {
			const attributes = instance.VpcAttributes;
			const core = {
				InstanceId: instance.InstanceId,
				InstanceName: instance.InstanceName ?? instance.InstanceId,
				Status: instance.Status,
				RegionId: instance.RegionId,
				ZoneId: instance.ZoneId ?? `${instance.RegionId}-${findRegion(instance.RegionId)?.zones[0] ?? 'a'}`,
				InstanceNetworkType: instance.InstanceNetworkType ?? (attributes.VpcId === '' ? 'classic' : 'vpc'),
				VpcAttributes: {
					VpcId: attributes.VpcId,
					VSwitchId: attributes.VSwitchId,
					NatIpAddress: attributes.NatIpAddress,
					PrivateIpAddress: {IpAddress: attributes.PrivateIpAddress.IpAddress as string[]},
				},
				SecurityGroupIds: {SecurityGroupId: instance.SecurityGroupIds as string[]},
			};
			// The checked fields first (so they lead in the file and the answer), then the rest as given.
			return {...core, ...defaults(instance.InstanceId, now), ...instance, ...core};
		}),
	);

export const prefixListSchema = (now: string) =>
	v.pipe(
		loose({
			PrefixListId: id(/^pl-[a-z0-9]{1,64}$/, 'pl-bp1ix34fralt4ykf3pn4'),
			PrefixListName: text(),
			RegionId: region(),
			AddressFamily: oneOf(['IPv4', 'IPv6'], 'IPv4'),
			MaxEntries: v.nullish(wholeNumber(1, 200), 20),
			Description: text(),
			CreationTime: text(now),
			ResourceGroupId: text(),
			Entries: wrapped('Entry', loose({Cidr: string(), Description: text()})),
		}),
		v.check(
			(list) =>
				(list.Entries as {Cidr: string}[]).every((entry) =>
					list.AddressFamily === 'IPv6' ? isIpv6Cidr(entry.Cidr) : isIpv4Cidr(entry.Cidr),
				),
			(issue) =>
				`every Entries.Entry[].Cidr must be an ${(issue.input as {AddressFamily: string}).AddressFamily} CIDR block`,
		),
		v.transform(
			(list): PrefixListRecord => ({
				PrefixListId: list.PrefixListId,
				PrefixListName: list.PrefixListName,
				RegionId: list.RegionId,
				AddressFamily: list.AddressFamily,
				MaxEntries: list.MaxEntries,
				Description: list.Description,
				CreationTime: list.CreationTime,
				ResourceGroupId: list.ResourceGroupId,
				Entries: {
					Entry: (list.Entries as {Cidr: string; Description: string}[]).map((entry) => ({
						Cidr: entry.Cidr,
						Description: entry.Description,
					})),
				},
			}),
		),
	);

export const tokenSchema = v.pipe(
	loose({
		Action: string(),
		ClientToken: string(),
		Fingerprint: string(),
		Result: v.record(v.string(), v.unknown(), 'must be an object'),
	}),
	v.transform(
		(token): TokenRecord => ({
			Action: token.Action,
			ClientToken: token.ClientToken,
			Fingerprint: token.Fingerprint,
			Result: token.Result,
		}),
	),
);

export const topKeys = [
	'credentials',
	'vpcs',
	'instances',
	'securityGroups',
	'prefixLists',
	'account',
	'clientTokens',
] as const;

export const fileSchema = (
	now: string,
	options: {
		account: Account;
		maxRules: number;
		instanceDefaults: (id: string, now: string) => Record<string, unknown>;
	},
) =>
	v.strictObject(
		{
			credentials: v.optional(credentialsSchema),
			vpcs: list(vpcSchema(now)),
			instances: list(instanceSchema(now, options.instanceDefaults)),
			securityGroups: list(groupSchema(now, options.maxRules)),
			prefixLists: v.optional(
				v.array(prefixListSchema(now), (issue) => `must be a list, not ${show(issue.input)}`),
			),
			account: v.optional(accountSchema(options.account), options.account),
			clientTokens: list(tokenSchema),
		},
		(issue) =>
			issue.expected === 'never'
				? `unknown key (use ${topKeys.slice(0, 6).join(', ')})`
				: `the top level must be a JSON object, not ${show(issue.input)}`,
	);
