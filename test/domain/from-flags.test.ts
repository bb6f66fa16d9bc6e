import {describe, expect, it} from 'vitest';
import {fromFlags, missingFlags} from '../../source/domain/from-flags.js';
import {peerText} from '../../source/domain/peers.js';

describe('fromFlags', () => {
	it('turns complete flags into answers', () => {
		const {answers, problems} = fromFlags({
			region: 'cn-hangzhou',
			template: 'web-linux',
			name: 'web',
			description: 'web servers',
			vpc: 'vpc-abc123',
			type: 'enterprise',
			source: '203.0.113.0/24',
			rule: ['tcp:8080:10.0.0.0/8'],
			'resource-group': 'rg-abc',
			tag: ['env=dev', 'team=a=b'],
		});
		expect(problems).toEqual([]);
		expect(answers).toMatchObject({
			regionId: 'cn-hangzhou',
			template: 'web-linux',
			name: 'web',
			network: 'vpc',
			vpcId: 'vpc-abc123',
			type: 'enterprise',
			resourceGroupId: 'rg-abc',
			tags: [
				{key: 'env', value: 'dev'},
				{key: 'team', value: 'a=b'},
			],
		});
		expect(answers.rules?.map((r) => `${r.portRange} ${peerText(r.peer)}`)).toEqual([
			// --source narrows SSH only (issue 15 item 5): web ports and ICMP stay open to the world.
			'80/80 0.0.0.0/0',
			'443/443 0.0.0.0/0',
			'22/22 203.0.113.0/24',
			'-1/-1 0.0.0.0/0',
			'8080/8080 10.0.0.0/8',
		]);
		expect(missingFlags(answers)).toEqual([]);
	});

	it('names every bad flag at once', () => {
		const {problems, answers} = fromFlags({
			region: 'Hangzhou',
			template: 'nginx',
			name: '1st',
			vpc: 'vpc-1',
			classic: true,
			type: 'big',
			source: '10.0.0.0/99',
			rule: ['tcp:99999:0.0.0.0/0'],
			tag: ['novalue'],
			'resource-group': 'x',
		});
		expect(problems.map((p) => p.flag)).toEqual([
			'--region',
			'--template',
			'--source',
			'--rule',
			'--name',
			'--vpc',
			'--type',
			'--resource-group',
			'--tag',
		]);
		expect(missingFlags(answers)).toEqual(['--region', '--template', '--name', '--vpc']);
	});

	it('refuses enterprise groups on the classic network', () => {
		const {problems} = fromFlags({classic: true, type: 'enterprise'});
		expect(problems).toEqual([{flag: '--type', message: expect.stringMatching(/only in a VPC/)}]);
	});
});
