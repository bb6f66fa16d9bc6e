// The schemas of the state file's rules, groups and instances (valibot), with the API's defaults.
import * as v from 'valibot';
import {randomChars} from './ids.js';
import {findRegion} from './regions.js';
import {instanceDefaults} from './seed.js';
import {
	cidr,
	id,
	list,
	loose,
	maybeOneOf,
	oneOf,
	optionalText,
	plain,
	region,
	show,
	string,
	tags,
	text,
	wholeNumber,
	wrapped,
} from './state-fields.js';
import type {GroupRecord, InstanceRecord, PermissionRecord} from './types.js';
import {idPatterns, isProtocol, portRangeProblem, protocolDisplay} from './validate.js';

const priorityMessage = (issue: {input: unknown}) =>
	`must be a whole number from 1 to 100, not ${show(issue.input)}`;

const permissionEntries = (now: string) => ({
	SecurityGroupRuleId: v.nullish(string(), () => `sgr-${randomChars(20)}`),
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
			v.union(
				[v.number(), v.pipe(v.string(), v.regex(/^\d{1,3}$/, priorityMessage), v.transform(Number))],
				priorityMessage,
			),
			wholeNumber(1, 100),
		),
		1,
	),
	NicType: maybeOneOf(['intranet', 'internet']),
	Description: text(),
	CreateTime: text(now),
});

/** A rule as written; NicType's default depends on its group, so state-checks.ts completes it. */
export type PermissionInput = Omit<PermissionRecord, 'NicType'> & {NicType?: 'intranet' | 'internet'};

const permissionSchema = (now: string) =>
	v.pipe(
		plain(permissionEntries(now)),
		v.transform((rule) => {
			const protocol = rule.IpProtocol.toLowerCase() as Parameters<typeof protocolDisplay>[0];
			return {
				...rule,
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
			({protocol: _protocol, ...rule}): PermissionInput => ({...rule, PortRange: rule.PortRange as string}),
		),
	);

export type GroupInput = Omit<GroupRecord, 'Permissions'> & {Permissions: PermissionInput[]};

export const groupSchema = (now: string, maxRules: number) =>
	v.pipe(
		plain({
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
				...group,
				InnerAccessPolicy:
					group.InnerAccessPolicy ?? (group.SecurityGroupType === 'enterprise' ? 'Drop' : 'Accept'),
				Tags: {Tag: group.Tags as {TagKey: string; TagValue: string}[]},
			}),
		),
	);

/** An instance: the fields the sandbox checks, then every other field kept as written. */
export const instanceSchema = (now: string) =>
	v.pipe(
		loose({
			InstanceId: id(idPatterns.instance, 'i-bp67acfmxazb4ph30000'),
			InstanceName: optionalText(),
			Status: oneOf(['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'], 'Running'),
			RegionId: region(),
			ZoneId: optionalText(),
			InstanceNetworkType: maybeOneOf(['vpc', 'classic']),
			VpcAttributes: v.nullish(
				plain({
					VpcId: text(),
					VSwitchId: text(),
					NatIpAddress: text(),
					PrivateIpAddress: v.nullish(plain({IpAddress: list(string())}), {IpAddress: []}),
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
				VpcAttributes: attributes as InstanceRecord['VpcAttributes'],
				SecurityGroupIds: {SecurityGroupId: instance.SecurityGroupIds as string[]},
			};
			// The checked fields first (so they lead in the file and the answer), then the rest as given.
			return {...core, ...instanceDefaults(instance.InstanceId, now), ...instance, ...core};
		}),
	);
