// The state file <-> the world in memory. Reading checks everything a person may have mistyped (wrong types,
// unknown regions, dangling references, duplicate ids) and reports every problem with its path, e.g.
// `vpcs[2].VpcId: missing`; writing produces the same shape, in the API's field names.
import {apiTime, randomChars} from './ids.js';
import {defaultClassicRegions, findRegion, isRegion} from './regions.js';
import {stsProblems} from './sts.js';
import type {
	Account,
	Credentials,
	GroupRecord,
	InstanceRecord,
	PermissionRecord,
	SandboxStateFile,
	TokenRecord,
	VpcRecord,
	World,
} from './types.js';
import {
	idPatterns,
	isIpv4Cidr,
	isIpv6Cidr,
	isProtocol,
	type Protocol,
	portRangeProblem,
	protocolDisplay,
} from './validate.js';

export const defaultOwnerId = '1858326174526983562';
export const defaultMaxSecurityGroups = 100;
export const maxRulesPerGroup = 200;
export const maxGroupsPerInstance = 5;

const topKeys = ['credentials', 'vpcs', 'instances', 'securityGroups', 'account', 'clientTokens', 'sts'];

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export function newCredentials(): Credentials {
	return {accessKeyId: `LTAI5t${randomChars(18)}`, accessKeySecret: randomChars(30)};
}

class Checker {
	readonly problems: string[] = [];

	problem(path: string, text: string): void {
		if (this.problems.length < 20) this.problems.push(`${path}: ${text}`);
	}

	string(obj: Obj, key: string, path: string, fallback?: string): string {
		const value = obj[key];
		if (value === undefined || value === null) {
			if (fallback === undefined) this.problem(`${path}.${key}`, 'missing');
			return fallback ?? '';
		}
		if (typeof value !== 'string') {
			this.problem(`${path}.${key}`, `must be a string, not ${show(value)}`);
			return fallback ?? '';
		}
		return value;
	}

	id(obj: Obj, key: string, path: string, pattern: RegExp, example: string): string {
		const value = this.string(obj, key, path);
		if (value !== '' && !pattern.test(value)) {
			this.problem(`${path}.${key}`, `${show(value)} is not a valid id (like ${example})`);
		}
		return value;
	}

	region(obj: Obj, path: string): string {
		const value = this.string(obj, 'RegionId', path);
		if (value !== '' && !isRegion(value))
			this.problem(`${path}.RegionId`, `${show(value)} is not a known region`);
		return value;
	}

	boolean(obj: Obj, key: string, path: string, fallback: boolean): boolean {
		const value = obj[key];
		if (value === undefined || value === null) return fallback;
		if (typeof value !== 'boolean') {
			this.problem(`${path}.${key}`, `must be true or false, not ${show(value)}`);
			return fallback;
		}
		return value;
	}

	oneOf<T extends string>(obj: Obj, key: string, path: string, allowed: readonly T[], fallback: T): T {
		const value = obj[key];
		if (value === undefined || value === null) return fallback;
		if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
			this.problem(`${path}.${key}`, `must be one of ${allowed.join(', ')}, not ${show(value)}`);
			return fallback;
		}
		return value as T;
	}

	array(value: unknown, path: string): unknown[] {
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) {
			this.problem(path, `must be a list, not ${show(value)}`);
			return [];
		}
		return value;
	}

	/** The API wraps lists (`{"VSwitchId": [...]}`); a plain list is accepted too. */
	wrapped(obj: Obj, key: string, inner: string, path: string): unknown[] {
		const value = obj[key];
		if (isObj(value)) return this.array(value[inner], `${path}.${key}.${inner}`);
		return this.array(value, `${path}.${key}`);
	}

	strings(values: unknown[], path: string): string[] {
		const out: string[] = [];
		values.forEach((value, i) => {
			if (typeof value === 'string') out.push(value);
			else this.problem(`${path}[${i}]`, `must be a string, not ${show(value)}`);
		});
		return out;
	}

	record(value: unknown, path: string): Obj | undefined {
		if (isObj(value)) return value;
		this.problem(path, `must be an object, not ${show(value)}`);
		return undefined;
	}
}

function readCredentials(c: Checker, value: unknown): Credentials | undefined {
	if (value === undefined) return undefined;
	const obj = c.record(value, 'credentials');
	if (!obj) return undefined;
	const accessKeyId = c.string(obj, 'accessKeyId', 'credentials');
	const accessKeySecret = c.string(obj, 'accessKeySecret', 'credentials');
	if (obj.accessKeyId !== undefined && !/^[\x21-\x7e]{1,128}$/.test(accessKeyId)) {
		c.problem('credentials.accessKeyId', 'must be 1 to 128 printable ASCII characters');
	}
	if (obj.accessKeySecret !== undefined && accessKeySecret === '') {
		c.problem('credentials.accessKeySecret', 'must not be empty');
	}
	const token = obj.securityToken;
	if (token !== undefined && (typeof token !== 'string' || token === '')) {
		c.problem('credentials.securityToken', 'must be a non-empty string when present');
	}
	for (const key of Object.keys(obj)) {
		if (!['accessKeyId', 'accessKeySecret', 'securityToken'].includes(key)) {
			c.problem(`credentials.${key}`, 'unknown key (use accessKeyId, accessKeySecret, securityToken)');
		}
	}
	return typeof token === 'string' && token !== ''
		? {accessKeyId, accessKeySecret, securityToken: token}
		: {accessKeyId, accessKeySecret};
}

function readAccount(c: Checker, value: unknown): Account {
	const account: Account = {
		maxSecurityGroups: defaultMaxSecurityGroups,
		classicRegions: [...defaultClassicRegions],
		ownerId: defaultOwnerId,
	};
	if (value === undefined) return account;
	const obj = c.record(value, 'account');
	if (!obj) return account;
	for (const key of Object.keys(obj)) {
		if (!['maxSecurityGroups', 'classicRegions', 'ownerId'].includes(key)) {
			c.problem(`account.${key}`, 'unknown key (use maxSecurityGroups, classicRegions, ownerId)');
		}
	}
	const max = obj.maxSecurityGroups;
	if (max !== undefined) {
		if (typeof max === 'number' && Number.isInteger(max) && max >= 0 && max <= 1_000_000) {
			account.maxSecurityGroups = max;
		} else {
			c.problem('account.maxSecurityGroups', `must be a whole number from 0 to 1000000, not ${show(max)}`);
		}
	}
	if (obj.classicRegions !== undefined) {
		account.classicRegions = c.strings(
			c.array(obj.classicRegions, 'account.classicRegions'),
			'account.classicRegions',
		);
		account.classicRegions.forEach((region, i) => {
			if (!isRegion(region))
				c.problem(`account.classicRegions[${i}]`, `${show(region)} is not a known region`);
		});
	}
	const owner = obj.ownerId;
	if (owner !== undefined) {
		const text = typeof owner === 'number' && Number.isSafeInteger(owner) ? String(owner) : owner;
		if (typeof text === 'string' && /^[1-9]\d{0,18}$/.test(text)) account.ownerId = text;
		else
			c.problem(
				'account.ownerId',
				`must be a whole number of up to 19 digits (as a string), not ${show(owner)}`,
			);
	}
	return account;
}

function readVpc(c: Checker, value: unknown, path: string, now: string): VpcRecord | undefined {
	const obj = c.record(value, path);
	if (!obj) return undefined;
	const VpcId = c.id(obj, 'VpcId', path, idPatterns.vpc, 'vpc-bp1qpo0kug3a20qqe0000');
	const CidrBlock = c.string(obj, 'CidrBlock', path, '172.16.0.0/12');
	if (!isIpv4Cidr(CidrBlock)) c.problem(`${path}.CidrBlock`, `${show(CidrBlock)} is not an IPv4 CIDR block`);
	const tags = c.wrapped(obj, 'Tags', 'Tag', path).flatMap((tag, i) => {
		const t = c.record(tag, `${path}.Tags.Tag[${i}]`);
		return t
			? [
					{
						Key: c.string(t, 'Key', `${path}.Tags.Tag[${i}]`),
						Value: c.string(t, 'Value', `${path}.Tags.Tag[${i}]`, ''),
					},
				]
			: [];
	});
	return {
		VpcId,
		VpcName: c.string(obj, 'VpcName', path, ''),
		CidrBlock,
		IsDefault: c.boolean(obj, 'IsDefault', path, false),
		Status: c.oneOf(obj, 'Status', path, ['Available', 'Pending'] as const, 'Available'),
		RegionId: c.region(obj, path),
		Description: c.string(obj, 'Description', path, ''),
		CreationTime: c.string(obj, 'CreationTime', path, now),
		VRouterId: c.string(obj, 'VRouterId', path, VpcId.replace(/^vpc-/, 'vrt-')),
		VSwitchIds: {VSwitchId: c.strings(c.wrapped(obj, 'VSwitchIds', 'VSwitchId', path), `${path}.VSwitchIds`)},
		ResourceGroupId: c.string(obj, 'ResourceGroupId', path, ''),
		Tags: {Tag: tags},
	};
}

function readPermission(
	c: Checker,
	value: unknown,
	path: string,
	group: {classic: boolean},
	now: string,
): PermissionRecord | undefined {
	const obj = c.record(value, path);
	if (!obj) return undefined;
	const Direction = c.oneOf(obj, 'Direction', path, ['ingress', 'egress'] as const, 'ingress');
	const rawProtocol = c.string(obj, 'IpProtocol', path).toLowerCase();
	const protocol: Protocol = isProtocol(rawProtocol) ? rawProtocol : 'all';
	if (obj.IpProtocol !== undefined && !isProtocol(rawProtocol)) {
		c.problem(`${path}.IpProtocol`, `${show(obj.IpProtocol)} is not one of tcp, udp, icmp, icmpv6, gre, all`);
	}
	const portless = portRangeProblem(protocol, '-1/-1') === undefined;
	const PortRange = c.string(obj, 'PortRange', path, portless ? '-1/-1' : undefined);
	if (PortRange !== '' && portRangeProblem(protocol, PortRange)) {
		c.problem(`${path}.PortRange`, `${show(PortRange)} does not suit ${rawProtocol}`);
	}
	const cidr = (key: string, v6: boolean): string => {
		const text = c.string(obj, key, path, '');
		if (text !== '' && !(v6 ? isIpv6Cidr(text) : isIpv4Cidr(text))) {
			c.problem(`${path}.${key}`, `${show(text)} is not an ${v6 ? 'IPv6' : 'IPv4'} CIDR block or address`);
		}
		return text;
	};
	const rule: PermissionRecord = {
		SecurityGroupRuleId: c.string(obj, 'SecurityGroupRuleId', path, `sgr-${randomChars(20)}`),
		Direction,
		IpProtocol: protocolDisplay(protocol),
		PortRange,
		SourceCidrIp: cidr('SourceCidrIp', false),
		DestCidrIp: cidr('DestCidrIp', false),
		Ipv6SourceCidrIp: cidr('Ipv6SourceCidrIp', true),
		Ipv6DestCidrIp: cidr('Ipv6DestCidrIp', true),
		SourceGroupId: c.string(obj, 'SourceGroupId', path, ''),
		DestGroupId: c.string(obj, 'DestGroupId', path, ''),
		SourcePortRange: c.string(obj, 'SourcePortRange', path, ''),
		SourcePrefixListId: c.string(obj, 'SourcePrefixListId', path, ''),
		DestPrefixListId: c.string(obj, 'DestPrefixListId', path, ''),
		Policy: 'Accept',
		Priority: 1,
		NicType: c.oneOf(
			obj,
			'NicType',
			path,
			['intranet', 'internet'] as const,
			group.classic ? 'internet' : 'intranet',
		),
		Description: c.string(obj, 'Description', path, ''),
		CreateTime: c.string(obj, 'CreateTime', path, now),
	};
	const policy = obj.Policy;
	if (policy !== undefined) {
		if (typeof policy === 'string' && /^(accept|drop)$/i.test(policy)) {
			rule.Policy = policy.toLowerCase() === 'drop' ? 'Drop' : 'Accept';
		} else {
			c.problem(`${path}.Policy`, `must be Accept or Drop, not ${show(policy)}`);
		}
	}
	const priority = typeof obj.Priority === 'string' ? Number(obj.Priority) : obj.Priority;
	if (priority !== undefined) {
		if (typeof priority === 'number' && Number.isInteger(priority) && priority >= 1 && priority <= 100) {
			rule.Priority = priority;
		} else {
			c.problem(`${path}.Priority`, `must be a whole number from 1 to 100, not ${show(obj.Priority)}`);
		}
	}
	const ends =
		Direction === 'ingress'
			? [rule.SourceCidrIp, rule.Ipv6SourceCidrIp, rule.SourceGroupId, rule.SourcePrefixListId]
			: [rule.DestCidrIp, rule.Ipv6DestCidrIp, rule.DestGroupId, rule.DestPrefixListId];
	if (ends.every((end) => end === '')) {
		c.problem(
			path,
			Direction === 'ingress'
				? 'an inbound rule needs a SourceCidrIp'
				: 'an outbound rule needs a DestCidrIp',
		);
	}
	if (!group.classic && rule.NicType === 'internet')
		c.problem(`${path}.NicType`, 'a VPC group only has intranet rules');
	return rule;
}

function readGroup(
	c: Checker,
	value: unknown,
	path: string,
	vpcs: Map<string, VpcRecord>,
	now: string,
): GroupRecord | undefined {
	const obj = c.record(value, path);
	if (!obj) return undefined;
	const SecurityGroupId = c.id(obj, 'SecurityGroupId', path, idPatterns.group, 'sg-bp1fg655nh68xyz90000');
	const RegionId = c.region(obj, path);
	const VpcId = c.string(obj, 'VpcId', path, '');
	const vpc = vpcs.get(VpcId);
	if (VpcId !== '' && (!vpc || vpc.RegionId !== RegionId)) {
		c.problem(`${path}.VpcId`, `${show(VpcId)} is not a VPC of ${RegionId || 'its region'} in this file`);
	}
	const SecurityGroupType = c.oneOf(
		obj,
		'SecurityGroupType',
		path,
		['normal', 'enterprise'] as const,
		'normal',
	);
	if (SecurityGroupType === 'enterprise' && VpcId === '')
		c.problem(path, 'an enterprise group needs a VpcId');
	const permissions = c.wrapped(obj, 'Permissions', 'Permission', path);
	if (permissions.length > maxRulesPerGroup)
		c.problem(`${path}.Permissions`, `at most ${maxRulesPerGroup} rules per group`);
	const tags = c.wrapped(obj, 'Tags', 'Tag', path).flatMap((tag, i) => {
		const t = c.record(tag, `${path}.Tags.Tag[${i}]`);
		return t
			? [
					{
						TagKey: c.string(t, 'TagKey', `${path}.Tags.Tag[${i}]`),
						TagValue: c.string(t, 'TagValue', `${path}.Tags.Tag[${i}]`, ''),
					},
				]
			: [];
	});
	return {
		SecurityGroupId,
		SecurityGroupName: c.string(obj, 'SecurityGroupName', path, ''),
		Description: c.string(obj, 'Description', path, ''),
		VpcId,
		RegionId,
		SecurityGroupType,
		InnerAccessPolicy: c.oneOf(
			obj,
			'InnerAccessPolicy',
			path,
			['Accept', 'Drop'] as const,
			SecurityGroupType === 'enterprise' ? 'Drop' : 'Accept',
		),
		CreationTime: c.string(obj, 'CreationTime', path, now),
		ResourceGroupId: c.string(obj, 'ResourceGroupId', path, ''),
		Tags: {Tag: tags},
		Permissions: permissions.flatMap((rule, i) => {
			const read = readPermission(c, rule, `${path}.Permissions[${i}]`, {classic: VpcId === ''}, now);
			return read ? [read] : [];
		}),
	};
}

function readInstance(
	c: Checker,
	value: unknown,
	path: string,
	vpcs: Map<string, VpcRecord>,
	groups: Map<string, GroupRecord>,
	now: string,
): InstanceRecord | undefined {
	const obj = c.record(value, path);
	if (!obj) return undefined;
	const InstanceId = c.id(obj, 'InstanceId', path, idPatterns.instance, 'i-bp67acfmxazb4ph30000');
	const RegionId = c.region(obj, path);
	const attributes = isObj(obj.VpcAttributes) ? obj.VpcAttributes : {};
	if (obj.VpcAttributes !== undefined && !isObj(obj.VpcAttributes)) {
		c.problem(`${path}.VpcAttributes`, 'must be an object');
	}
	const VpcId = c.string(attributes, 'VpcId', `${path}.VpcAttributes`, '');
	const network = c.oneOf(
		obj,
		'InstanceNetworkType',
		path,
		['vpc', 'classic'] as const,
		VpcId === '' ? 'classic' : 'vpc',
	);
	if (network === 'vpc') {
		const vpc = vpcs.get(VpcId);
		if (VpcId === '') c.problem(`${path}.VpcAttributes.VpcId`, 'missing (a vpc instance needs its VPC)');
		else if (!vpc || vpc.RegionId !== RegionId)
			c.problem(`${path}.VpcAttributes.VpcId`, `${show(VpcId)} is not a VPC of ${RegionId} in this file`);
	} else if (VpcId !== '') {
		c.problem(`${path}.VpcAttributes.VpcId`, 'a classic instance has no VPC');
	}
	const groupIds = c.strings(
		c.wrapped(obj, 'SecurityGroupIds', 'SecurityGroupId', path),
		`${path}.SecurityGroupIds`,
	);
	if (groupIds.length === 0)
		c.problem(`${path}.SecurityGroupIds`, 'an instance belongs to at least one security group');
	if (groupIds.length > maxGroupsPerInstance)
		c.problem(`${path}.SecurityGroupIds`, `at most ${maxGroupsPerInstance} groups`);
	const types = new Set<string>();
	for (const id of groupIds) {
		const group = groups.get(id);
		if (!group || group.RegionId !== RegionId) {
			c.problem(
				`${path}.SecurityGroupIds`,
				`${show(id)} is not a security group of ${RegionId} in this file`,
			);
		} else if (group.VpcId !== VpcId) {
			c.problem(`${path}.SecurityGroupIds`, `${id} is not in the instance's network (${VpcId || 'classic'})`);
		} else {
			types.add(group.SecurityGroupType);
		}
	}
	if (types.size > 1)
		c.problem(`${path}.SecurityGroupIds`, 'an instance cannot mix normal and enterprise groups');
	const privateIps = c.strings(
		isObj(attributes.PrivateIpAddress)
			? c.array(attributes.PrivateIpAddress.IpAddress, `${path}.VpcAttributes.PrivateIpAddress.IpAddress`)
			: [],
		`${path}.VpcAttributes.PrivateIpAddress.IpAddress`,
	);
	const zone = `${RegionId}-${findRegion(RegionId)?.zones[0] ?? 'a'}`;
	const core: InstanceRecord = {
		InstanceId,
		InstanceName: c.string(obj, 'InstanceName', path, InstanceId),
		Status: c.oneOf(
			obj,
			'Status',
			path,
			['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'] as const,
			'Running',
		),
		RegionId,
		ZoneId: c.string(obj, 'ZoneId', path, zone),
		InstanceNetworkType: network,
		VpcAttributes: {
			VpcId,
			VSwitchId: c.string(attributes, 'VSwitchId', `${path}.VpcAttributes`, ''),
			NatIpAddress: c.string(attributes, 'NatIpAddress', `${path}.VpcAttributes`, ''),
			PrivateIpAddress: {IpAddress: privateIps},
		},
		SecurityGroupIds: {SecurityGroupId: groupIds},
	};
	// The checked fields first (so they lead in the file and the answer), then the rest as given.
	return {...core, ...instanceDefaults(InstanceId, now), ...obj, ...core};
}

/** The DescribeInstances fields a record may leave out. */
export function instanceDefaults(instanceId: string, now: string): Record<string, unknown> {
	return {
		Description: '',
		HostName: instanceId,
		InstanceType: 'ecs.g7.large',
		InstanceTypeFamily: 'ecs.g7',
		Cpu: 2,
		Memory: 8192,
		OSName: 'Alibaba Cloud Linux 3.2104 LTS 64 bit',
		OSType: 'linux',
		ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
		InnerIpAddress: {IpAddress: []},
		PublicIpAddress: {IpAddress: []},
		EipAddress: {AllocationId: '', IpAddress: '', InternetChargeType: ''},
		CreationTime: now,
		StartTime: now,
		ExpiredTime: '2099-12-31T15:59Z',
		InstanceChargeType: 'PostPaid',
		InternetChargeType: 'PayByTraffic',
		InternetMaxBandwidthOut: 0,
		ResourceGroupId: '',
		Tags: {Tag: []},
	};
}

function readTokens(c: Checker, value: unknown): TokenRecord[] {
	return c.array(value, 'clientTokens').flatMap((entry, i) => {
		const obj = c.record(entry, `clientTokens[${i}]`);
		if (!obj || !isObj(obj.Result)) {
			if (obj) c.problem(`clientTokens[${i}].Result`, 'must be an object');
			return [];
		}
		const path = `clientTokens[${i}]`;
		return [
			{
				Action: c.string(obj, 'Action', path),
				ClientToken: c.string(obj, 'ClientToken', path),
				Fingerprint: c.string(obj, 'Fingerprint', path),
				Result: obj.Result,
			},
		];
	});
}

function unique<T>(c: Checker, items: T[], key: (item: T) => string, path: string): void {
	const seen = new Set<string>();
	for (const item of items) {
		const id = key(item);
		if (id !== '' && seen.has(id)) c.problem(path, `${id} appears more than once`);
		seen.add(id);
	}
}

/** Reads a parsed state file; every problem found is returned, worded for a person editing the file. */
export function worldFromFile(data: unknown, nowMs: number): {world: World} | {problems: string[]} {
	const c = new Checker();
	const now = apiTime(nowMs);
	if (!isObj(data)) return {problems: [`the top level must be a JSON object, not ${show(data)}`]};
	for (const key of Object.keys(data)) {
		if (!topKeys.includes(key)) c.problem(key, `unknown key (use ${topKeys.slice(0, 5).join(', ')})`);
	}
	const credentials = readCredentials(c, data.credentials);
	const account = readAccount(c, data.account);
	const vpcs = c.array(data.vpcs, 'vpcs').flatMap((v, i) => {
		const vpc = readVpc(c, v, `vpcs[${i}]`, now);
		return vpc ? [vpc] : [];
	});
	unique(c, vpcs, (vpc) => vpc.VpcId, 'vpcs');
	const defaults = new Set<string>();
	for (const vpc of vpcs.filter((v) => v.IsDefault)) {
		if (defaults.has(vpc.RegionId)) c.problem('vpcs', `${vpc.RegionId} has more than one default VPC`);
		defaults.add(vpc.RegionId);
	}
	const vpcById = new Map(vpcs.map((vpc) => [vpc.VpcId, vpc]));
	const groups = c.array(data.securityGroups, 'securityGroups').flatMap((g, i) => {
		const group = readGroup(c, g, `securityGroups[${i}]`, vpcById, now);
		return group ? [group] : [];
	});
	unique(c, groups, (group) => group.SecurityGroupId, 'securityGroups');
	unique(
		c,
		groups.flatMap((group) => group.Permissions),
		(rule) => rule.SecurityGroupRuleId,
		'securityGroups[].Permissions',
	);
	const groupById = new Map(groups.map((group) => [group.SecurityGroupId, group]));
	groups.forEach((group, i) => {
		group.Permissions.forEach((rule, j) => {
			for (const key of ['SourceGroupId', 'DestGroupId'] as const) {
				const other = groupById.get(rule[key]);
				if (rule[key] !== '' && (!other || other.RegionId !== group.RegionId)) {
					c.problem(
						`securityGroups[${i}].Permissions[${j}].${key}`,
						`${show(rule[key])} is not a security group of ${group.RegionId} in this file`,
					);
				}
			}
		});
	});
	const instances = c.array(data.instances, 'instances').flatMap((v, i) => {
		const instance = readInstance(c, v, `instances[${i}]`, vpcById, groupById, now);
		return instance ? [instance] : [];
	});
	unique(c, instances, (instance) => instance.InstanceId, 'instances');
	const tokens = readTokens(c, data.clientTokens);
	for (const problem of stsProblems(data.sts)) c.problems.push(problem);
	if (c.problems.length > 0) return {problems: c.problems};
	return {
		world: {
			credentials: credentials ?? newCredentials(),
			persistCredentials: credentials !== undefined,
			vpcs,
			groups,
			instances,
			account,
			tokens,
			...(data.sts === undefined ? {} : {sts: structuredClone(data.sts) as World['sts']}),
		},
	};
}

/** Only the fields a rule uses, so the file stays readable. */
function compactRule(rule: PermissionRecord): Record<string, unknown> {
	return Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== ''));
}

export function worldToFile(world: World): SandboxStateFile {
	const file: SandboxStateFile = {};
	if (world.persistCredentials) file.credentials = {...world.credentials};
	file.account = {...world.account, classicRegions: [...world.account.classicRegions]};
	file.vpcs = structuredClone(world.vpcs);
	file.securityGroups = world.groups.map((group) => ({
		...structuredClone(group),
		Permissions: group.Permissions.map(compactRule),
	}));
	file.instances = structuredClone(world.instances);
	if (world.tokens.length > 0) file.clientTokens = structuredClone(world.tokens);
	if (world.sts !== undefined) file.sts = structuredClone(world.sts);
	return file;
}
