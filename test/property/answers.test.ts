// Whatever JSON a broken or hostile server answers with (fields missing, of the wrong type, lists that are not
// lists), reading it never throws and yields the port's shapes: strings where strings are promised.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	accountAttributes,
	groupDetail,
	groupSummary,
	instance,
	list,
	region,
	toPlain,
	vpc,
} from '../../source/cloud/mappers.js';
import {runs} from './runs.js';

type Json = Record<string, unknown>;
const field = fc.oneof(
	fc.jsonValue({maxDepth: 2}),
	fc.constant(undefined),
	fc.constant(null),
	fc.constantFrom('TCP', 'Accept', 'ingress', '22/22', 'cn-hangzhou', 'true', ''),
);
/** An API-looking object: the real field names, each holding anything. */
const record = (names: string[]) =>
	fc.record(Object.fromEntries(names.map((n) => [n, field])), {requiredKeys: []}) as fc.Arbitrary<Json>;
const wrapper = (outer: string, inner: string, item: fc.Arbitrary<Json>) =>
	fc.oneof(
		fc.array(item, {maxLength: 3}).map((items) => ({[outer]: {[inner]: items}})),
		field.map((v) => ({[outer]: v})),
		field.map((v) => ({[outer]: {[inner]: v}})),
	);

const strings = (value: Record<string, unknown>, keys: string[]) => {
	for (const key of keys) expect(typeof value[key], key).toBe('string');
};

describe('reading answers of any shape', () => {
	it('regions, VPCs, groups, rules, instances and account attributes', () => {
		const vpcFields = ['VpcId', 'VpcName', 'CidrBlock', 'IsDefault', 'Status', 'RegionId', 'Description'];
		const groupFields = ['SecurityGroupId', 'SecurityGroupName', 'Description', 'VpcId', 'SecurityGroupType'];
		const permissionFields = ['Direction', 'IpProtocol', 'PortRange', 'SourceCidrIp', 'DestCidrIp', 'Policy'];
		fc.assert(
			fc.property(
				wrapper('Regions', 'Region', record(['RegionId', 'LocalName', 'RegionEndpoint', 'Status'])),
				wrapper('Vpcs', 'Vpc', record(vpcFields)),
				wrapper('SecurityGroups', 'SecurityGroup', record([...groupFields, 'Tags', 'CreationTime'])),
				record([...groupFields, 'InnerAccessPolicy', 'Permissions']).chain((attribute) =>
					wrapper('Permissions', 'Permission', record([...permissionFields, 'Priority', 'NicType'])).map(
						(permissions) => ({...attribute, ...permissions}),
					),
				),
				wrapper('Instances', 'Instance', record(['InstanceId', 'InstanceName', 'Status', 'VpcAttributes'])),
				wrapper(
					'AccountAttributeItems',
					'AccountAttributeItem',
					record(['AttributeName', 'AttributeValues']),
				),
				(regions, vpcs, groups, attribute, instances, account) => {
					for (const item of list(toPlain(regions), 'Regions', 'Region'))
						strings(region(item), ['id', 'localName', 'endpoint']);
					for (const item of list(toPlain(vpcs), 'Vpcs', 'Vpc'))
						strings(vpc(item, 'cn-hangzhou'), ['id', 'name', 'cidr', 'description', 'regionId']);
					const summaries = list(toPlain(groups), 'SecurityGroups', 'SecurityGroup').map(groupSummary);
					for (const summary of summaries) strings(summary, ['id', 'name', 'description', 'vpcId']);
					const detail = groupDetail(toPlain(attribute) as Json, summaries[0]);
					for (const rule of detail.rules)
						strings({...rule, ...rule.peer}, ['protocol', 'portRange', 'kind']);
					for (const item of list(toPlain(instances), 'Instances', 'Instance'))
						strings(instance(item, 'cn-hangzhou'), ['id', 'name', 'status', 'vpcId']);
					expect(Array.isArray(accountAttributes(toPlain(account) as Json).networkTypes)).toBe(true);
				},
			),
			runs(1_000, 30_000),
		);
	});
});
