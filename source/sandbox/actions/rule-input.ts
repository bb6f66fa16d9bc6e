// How a request names its rules: Permissions.N.* (N 1..100) or the legacy flat parameters as one rule (never
// both). The field names per direction are the SDK request models' (AuthorizeSecurityGroupRequestPermissions,
// AuthorizeSecurityGroupEgressRequestPermissions, names()); a test holds these lists against them.
import {invalidParameter} from '../api-error.js';
import {type Params, value} from '../params.js';

export type Direction = 'ingress' | 'egress';

const common = [
	'IpProtocol',
	'PortRange',
	'SourceCidrIp',
	'DestCidrIp',
	'Ipv6SourceCidrIp',
	'Ipv6DestCidrIp',
	'SourcePortRange',
	'PortRangeListId',
	'Policy',
	'Priority',
	'NicType',
	'Description',
];

export const ruleFields: Record<Direction, readonly string[]> = {
	ingress: [
		...common,
		'SourceGroupId',
		'SourceGroupOwnerId',
		'SourceGroupOwnerAccount',
		'SourcePrefixListId',
	],
	egress: [...common, 'DestGroupId', 'DestGroupOwnerId', 'DestGroupOwnerAccount', 'DestPrefixListId'],
};

/** One rule's raw fields and how to name them in a refusal (`Permissions.3.PortRange` or `PortRange`). */
export type RuleInput = {label: (field: string) => string; get: (field: string) => string | undefined};

function numberedRules(params: Params): Map<number, Map<string, string>> {
	const numbered = new Map<number, Map<string, string>>();
	for (const [name, raw] of Object.entries(params)) {
		if (!name.startsWith('Permissions.')) continue;
		const match = /^Permissions\.(\d+)\.(\w+)$/.exec(name);
		if (!match || !/^[1-9]\d*$/.test(match[1] ?? '')) {
			throw invalidParameter(name, 'rules are written Permissions.N.Field with N from 1 to 100.');
		}
		const n = Number(match[1]);
		if (n > 100) {
			throw invalidParameter(
				name,
				'one request carries at most 100 rules (Permissions.1 to Permissions.100).',
			);
		}
		const fields = numbered.get(n) ?? new Map<string, string>();
		fields.set(match[2] as string, raw);
		numbered.set(n, fields);
	}
	return numbered;
}

export function ruleInputs(params: Params, direction: Direction): RuleInput[] {
	const numbered = numberedRules(params);
	// Both directions' names count as flat rule parameters: a stray one must not pass unseen.
	const flat = [...new Set([...ruleFields.ingress, ...ruleFields.egress])];
	const legacy = flat.filter((field) => value(params, field) !== undefined);
	if (numbered.size > 0 && legacy.length > 0) {
		throw invalidParameter(
			legacy[0] as string,
			`the flat rule parameters (${legacy.join(', ')}) cannot be combined with Permissions.N.*.`,
		);
	}
	const known = new Set(ruleFields[direction]);
	if (legacy.length > 0) {
		return [{label: (field) => field, get: (field) => (known.has(field) ? value(params, field) : undefined)}];
	}
	return [...numbered.keys()]
		.sort((a, b) => a - b)
		.map((n) => {
			const fields = numbered.get(n) as Map<string, string>;
			return {
				label: (field: string) => `Permissions.${n}.${field}`,
				get: (field: string) => {
					const found = known.has(field) ? fields.get(field) : undefined;
					return found === '' ? undefined : found;
				},
			};
		});
}
