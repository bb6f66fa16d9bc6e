// DescribeSecurityGroupReferences through the adapter against the sandbox: which groups' rules point at a group
// (inbound and outbound), asked for more than the 10 ids one call takes, and a group nobody references.
import {afterEach, describe, expect, it} from 'vitest';
import {createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';

const REGION = 'cn-hangzhou';
const VPC = 'vpc-bp1refs000000000001';
/** More groups than one DescribeSecurityGroupReferences call takes (10), so the adapter must ask in turns. */
const SPARE_GROUPS = 11;

let sandbox: Sandbox | undefined;
let api: PopEcsApi | undefined;
afterEach(async () => {
	api?.close();
	await sandbox?.close();
});

const group = (id: string, permissions: object[] = []) => ({
	SecurityGroupId: id,
	RegionId: REGION,
	VpcId: VPC,
	SecurityGroupName: id,
	SecurityGroupType: 'normal',
	Permissions: permissions,
});

describe('describeSecurityGroupReferences', () => {
	it('names the groups whose inbound or outbound rules point at each asked group, across calls', async () => {
		const spare = Array.from({length: SPARE_GROUPS}, (_, i) => `sg-bp1spare${String(i).padStart(12, '0')}`);
		sandbox = await startSandbox({
			port: 0,
			initialState: {
				vpcs: [{VpcId: VPC, VpcName: 'v', CidrBlock: '10.0.0.0/16', RegionId: REGION, Status: 'Available'}],
				securityGroups: [
					group('sg-bp1target0000000001'),
					group('sg-bp1app000000000000001', [
						{
							Direction: 'ingress',
							IpProtocol: 'TCP',
							PortRange: '3306/3306',
							SourceGroupId: 'sg-bp1target0000000001',
							Policy: 'Accept',
							Priority: 1,
						},
					]),
					group('sg-bp1out000000000000001', [
						{
							Direction: 'egress',
							IpProtocol: 'TCP',
							PortRange: '443/443',
							DestGroupId: 'sg-bp1target0000000001',
							Policy: 'Accept',
							Priority: 1,
						},
					]),
					...spare.map((id) => group(id)),
				],
			},
		});
		api = createEcsApi({
			credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
			endpoint: sandbox.endpoint,
			retry: {tries: 1, baseDelayMs: 1, maxDelayMs: 1},
			timeoutMs: 2000,
		});
		const answer = await api.describeSecurityGroupReferences(REGION, [...spare, 'sg-bp1target0000000001']);
		expect(answer).toHaveLength(SPARE_GROUPS + 1);
		const target = answer.find((r) => r.groupId === 'sg-bp1target0000000001');
		expect(target?.referencedBy.map((r) => r.groupId).sort()).toEqual([
			'sg-bp1app000000000000001',
			'sg-bp1out000000000000001',
		]);
		expect(target?.referencedBy[0]?.accountId).toMatch(/^\d+$/);
		expect(answer.filter((r) => r.referencedBy.length > 0)).toHaveLength(1);
	});
});
