// The state file's shape as valibot schemas: types, formats and the API's defaults for fields left out. The
// field kinds and their messages are in state-fields.ts, rules/groups/instances in state-schema-groups.ts;
// state-checks.ts checks what one record says about another (duplicates, dangling references).
import * as v from 'valibot';
import {
	bool,
	id,
	list,
	loose,
	oneOf,
	optionalText,
	plain,
	region,
	show,
	strict,
	string,
	tags,
	text,
	wholeNumber,
	wrapped,
} from './state-fields.js';
import {groupSchema, instanceSchema} from './state-schema-groups.js';
import type {Account, PrefixListRecord, TokenRecord, VpcRecord} from './types.js';
import {idPatterns, isIpv4Cidr, isIpv6Cidr} from './validate.js';

const credentialsSchema = strict({
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
});

const accountSchema = (defaults: Account) =>
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

const vpcSchema = (now: string) =>
	v.pipe(
		plain({
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
				...vpc,
				VRouterId: vpc.VRouterId ?? vpc.VpcId.replace(/^vpc-/, 'vrt-'),
				VSwitchIds: {VSwitchId: vpc.VSwitchIds},
				Tags: {Tag: vpc.Tags as {Key: string; Value: string}[]},
			}),
		),
	);

const prefixListSchema = (now: string) =>
	v.pipe(
		plain({
			PrefixListId: id(/^pl-[a-z0-9]{1,64}$/, 'pl-bp1ix34fralt4ykf3pn4'),
			PrefixListName: text(),
			RegionId: region(),
			AddressFamily: oneOf(['IPv4', 'IPv6'], 'IPv4'),
			MaxEntries: v.nullish(wholeNumber(1, 200), 20),
			Description: text(),
			CreationTime: text(now),
			ResourceGroupId: text(),
			Entries: wrapped('Entry', plain({Cidr: string(), Description: text()})),
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
				...list,
				Entries: {Entry: list.Entries as {Cidr: string; Description: string}[]},
			}),
		),
	);

const tokenSchema = v.pipe(
	plain({
		Action: string(),
		ClientToken: string(),
		Fingerprint: string(),
		Result: v.record(v.string(), v.unknown(), 'must be an object'),
	}),
	v.transform((token): TokenRecord => token),
);

const secondsMessage = 'must be a whole number of seconds, at least 1';
const seconds = v.pipe(v.number(secondsMessage), v.integer(secondsMessage), v.minValue(1, secondsMessage));
const roleArn = 'must look like acs:ram::ACCOUNT:role/NAME';

/** The RAM roles the STS stand-in knows (sts.ts); their other fields are kept as written. */
const stsSchema = strict({
	roles: v.optional(
		v.array(
			loose({
				RoleArn: v.pipe(v.string(roleArn), v.regex(/^acs:ram::\d+:role\/[\w.@-]+$/, roleArn)),
				TtlSeconds: v.optional(seconds),
			}),
			'must be an array',
		),
	),
	ttlSeconds: v.optional(seconds),
});

export const fileSchema = (
	now: string,
	options: {
		account: Account;
		maxRules: number;
	},
) =>
	v.strictObject(
		{
			credentials: v.optional(credentialsSchema),
			vpcs: list(vpcSchema(now)),
			instances: list(instanceSchema(now)),
			securityGroups: list(groupSchema(now, options.maxRules)),
			prefixLists: v.optional(
				v.array(prefixListSchema(now), (issue) => `must be a list, not ${show(issue.input)}`),
			),
			account: v.optional(accountSchema(options.account), options.account),
			clientTokens: list(tokenSchema),
			sts: v.optional(stsSchema),
		},
		(issue) =>
			issue.expected === 'never'
				? 'unknown key (use credentials, vpcs, instances, securityGroups, prefixLists, account)'
				: `the top level must be a JSON object, not ${show(issue.input)}`,
	);
