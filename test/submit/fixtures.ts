// Answers and rules the submit tests share.

import type {Answers} from '../../source/domain/answers.js';
import type {Rule} from '../../source/domain/model.js';
import {templateRules} from '../../source/domain/rules.js';

export const answers = (over: Partial<Answers> = {}): Answers => ({
	regionId: 'cn-hangzhou',
	template: 'web-linux',
	rules: templateRules('web-linux'),
	name: 'web-sg',
	description: 'web servers',
	network: 'vpc',
	vpcId: 'vpc-abc123',
	type: 'normal',
	tags: [],
	...over,
});

export const tcp = (port: number, cidr = '10.0.0.0/8'): Rule => ({
	direction: 'ingress',
	protocol: 'tcp',
	portRange: `${port}/${port}`,
	peer: {kind: 'ipv4', cidr},
	policy: 'accept',
	priority: 1,
});
