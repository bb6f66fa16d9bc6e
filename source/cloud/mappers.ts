// From the API's JSON (PascalCase, json-bigint objects with null prototypes, BigNumbers, wrappers such as
// `Vpcs.Vpc[]`) to the port's plain lower-case types. Every field is copied by name and coerced, so nothing
// of json-bigint leaks out.
import type {
	AccountAttributes,
	Direction,
	GroupType,
	Instance,
	NetworkType,
	Peer,
	Policy,
	PrefixList,
	Protocol,
	Region,
	SecurityGroupDetail,
	SecurityGroupSummary,
	Tag,
	Vpc,
} from '../domain/model.js';

type Json = Record<string, unknown>;

const isBigNumber = (value: unknown): value is {toFixed(): string} =>
	typeof value === 'object' &&
	value !== null &&
	((value as {_isBigNumber?: unknown})._isBigNumber === true ||
		(value as {isBigNumber?: unknown}).isBigNumber === true) &&
	typeof (value as {toFixed?: unknown}).toFixed === 'function';

/** A deep copy with ordinary prototypes; BigNumbers become numbers when exact, else decimal strings. */
export function toPlain(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(toPlain);
	if (isBigNumber(value)) {
		const text = value.toFixed();
		const n = Number(text);
		return Number.isSafeInteger(n) ? n : text;
	}
	if (typeof value === 'object' && value !== null) {
		const out: Json = {};
		for (const key of Object.keys(value)) {
			Object.defineProperty(out, key, {
				value: toPlain((value as Json)[key]),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return out;
	}
	return value;
}

export const str = (value: unknown): string =>
	typeof value === 'string'
		? value
		: typeof value === 'number' || typeof value === 'boolean'
			? String(value)
			: '';

const num = (value: unknown): number => {
	const n = typeof value === 'number' ? value : Number(str(value));
	return Number.isFinite(n) ? n : 0;
};

const obj = (value: unknown): Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** `{Vpcs: {Vpc: [...]}}` → the list; tolerates a missing wrapper or a bare list. */
export function list(container: unknown, outer: string, inner: string): Json[] {
	const wrapper = obj(container)[outer];
	const items = Array.isArray(wrapper) ? wrapper : obj(wrapper)[inner];
	return Array.isArray(items) ? items.map(obj) : [];
}

const strings = (container: unknown, inner: string): string[] => {
	const items = Array.isArray(container) ? container : obj(container)[inner];
	return Array.isArray(items) ? items.map(str).filter(Boolean) : [];
};

export function region(item: Json): Region {
	const status = str(item.Status);
	return {
		id: str(item.RegionId),
		localName: str(item.LocalName) || str(item.RegionId),
		endpoint: str(item.RegionEndpoint),
		...(status === 'available' || status === 'soldOut' ? {status} : {}),
	};
}

export function vpc(item: Json, regionId: string): Vpc {
	return {
		id: str(item.VpcId),
		name: str(item.VpcName),
		cidr: str(item.CidrBlock),
		isDefault: item.IsDefault === true || str(item.IsDefault) === 'true',
		status: str(item.Status),
		description: str(item.Description),
		regionId: str(item.RegionId) || regionId,
	};
}

const tags = (item: Json): Tag[] =>
	list(item, 'Tags', 'Tag').map((tag) => ({
		key: str(tag.TagKey ?? tag.Key),
		value: str(tag.TagValue ?? tag.Value),
	}));

const groupType = (value: unknown): GroupType => (str(value) === 'enterprise' ? 'enterprise' : 'normal');

export function groupSummary(item: Json): SecurityGroupSummary {
	return {
		id: str(item.SecurityGroupId),
		name: str(item.SecurityGroupName),
		description: str(item.Description),
		vpcId: str(item.VpcId),
		type: groupType(item.SecurityGroupType),
		creationTime: str(item.CreationTime),
		resourceGroupId: str(item.ResourceGroupId),
		tags: tags(item),
	};
}

const protocols: readonly Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];
const protocol = (value: unknown): Protocol => {
	const lower = str(value).toLowerCase() as Protocol;
	return protocols.includes(lower) ? lower : 'all';
};
const policy = (value: unknown): Policy => (str(value).toLowerCase() === 'drop' ? 'drop' : 'accept');

/**
 * The far end of a described rule, the same four kinds the requests take
 * (DescribeSecurityGroupAttributeResponseBodyPermissionsPermission in @alicloud/ecs20140526: SourceCidrIp,
 * Ipv6SourceCidrIp, SourceGroupId + SourceGroupOwnerAccount + SourceGroupName, SourcePrefixListId +
 * SourcePrefixListName; the Dest* ones for egress). Undefined when the answer names none of them.
 */
export function peerOf(item: Json, direction: Direction): Peer | undefined {
	const far = direction === 'ingress' ? 'Source' : 'Dest';
	const cidr = str(item[`${far}CidrIp`]);
	if (cidr) return {kind: 'ipv4', cidr};
	const cidr6 = str(item[`Ipv6${far}CidrIp`]);
	if (cidr6) return {kind: 'ipv6', cidr: cidr6};
	const groupId = str(item[`${far}GroupId`]);
	if (groupId) {
		const ownerAccount = str(item[`${far}GroupOwnerAccount`]);
		const name = str(item[`${far}GroupName`]);
		return {kind: 'group', groupId, ...(ownerAccount ? {ownerAccount} : {}), ...(name ? {name} : {})};
	}
	const prefixListId = str(item[`${far}PrefixListId`]);
	if (prefixListId) {
		const name = str(item[`${far}PrefixListName`]);
		return {kind: 'prefix-list', prefixListId, ...(name ? {name} : {})};
	}
	return undefined;
}

/**
 * One described rule. The model types Priority as a string ("1"); a number is tolerated too (older answers,
 * other clients), and anything else falls back to the API's default priority 1.
 */
export function permission(item: Json): SecurityGroupDetail['rules'][number] {
	const direction = str(item.Direction) === 'egress' ? 'egress' : 'ingress';
	const description = str(item.Description);
	const ruleId = str(item.SecurityGroupRuleId);
	const priority = num(item.Priority);
	return {
		direction,
		protocol: protocol(item.IpProtocol),
		portRange: str(item.PortRange),
		peer: peerOf(item, direction) ?? {kind: 'ipv4', cidr: ''},
		policy: policy(item.Policy),
		priority: Number.isInteger(priority) && priority >= 1 && priority <= 100 ? priority : 1,
		...(description ? {description} : {}),
		nicType: str(item.NicType) === 'internet' ? 'internet' : 'intranet',
		createTime: str(item.CreateTime),
		...(ruleId ? {ruleId} : {}),
	};
}

export function groupDetail(attribute: Json, summary: SecurityGroupSummary | undefined): SecurityGroupDetail {
	const base = summary ?? groupSummary(attribute);
	return {
		...base,
		name: str(attribute.SecurityGroupName) || base.name,
		description: str(attribute.Description) || base.description,
		vpcId: str(attribute.VpcId) || base.vpcId,
		innerAccessPolicy: str(attribute.InnerAccessPolicy).toLowerCase() === 'drop' ? 'Drop' : 'Accept',
		rules: list(attribute, 'Permissions', 'Permission').map(permission),
	};
}

export function instance(item: Json, regionId: string): Instance {
	const vpcAttributes = obj(item.VpcAttributes);
	const privateIps = strings(obj(vpcAttributes.PrivateIpAddress), 'IpAddress');
	const innerIps = strings(obj(item.InnerIpAddress), 'IpAddress');
	return {
		id: str(item.InstanceId),
		name: str(item.InstanceName),
		status: str(item.Status),
		regionId: str(item.RegionId) || regionId,
		zoneId: str(item.ZoneId),
		vpcId: str(vpcAttributes.VpcId),
		privateIp: privateIps[0] ?? innerIps[0] ?? '',
		securityGroupIds: strings(obj(item.SecurityGroupIds), 'SecurityGroupId'),
	};
}

export function accountAttributes(body: Json): AccountAttributes {
	const items = list(body, 'AccountAttributeItems', 'AccountAttributeItem');
	const values = (name: string) =>
		list(items.find((item) => str(item.AttributeName) === name) ?? {}, 'AttributeValues', 'ValueItem');
	const networkTypes = [
		...new Set(
			values('instance-network-type')
				.map((v) => str(v.Value).toLowerCase())
				.filter((v): v is NetworkType => v === 'vpc' || v === 'classic'),
		),
	];
	const max = values('max-security-groups')[0];
	const maxSecurityGroups = max ? num(max.Value ?? max.Count) : undefined;
	return {networkTypes, ...(maxSecurityGroups ? {maxSecurityGroups} : {})};
}

/** DescribePrefixLists' PrefixLists.PrefixList[] (MaxEntries and AssociationCount are numbers in the model). */
export function prefixList(item: Json): PrefixList {
	return {
		id: str(item.PrefixListId),
		name: str(item.PrefixListName),
		addressFamily: str(item.AddressFamily).toLowerCase() === 'ipv6' ? 'IPv6' : 'IPv4',
		description: str(item.Description),
		maxEntries: num(item.MaxEntries),
		associationCount: num(item.AssociationCount),
	};
}
