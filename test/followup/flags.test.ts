// Reading the follow-ups' flags: every problem at once, before anything is called.
import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/commands/args.js';
import {readInstancesFlags} from '../../source/commands/instances.js';
import {readRulesFlags} from '../../source/commands/rules.js';

const parsed = (argv: string[]) => {
	const result = parseArgs(argv);
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.args;
};

describe('rules flags', () => {
	it('reads add with its rules, inbound unless --egress', () => {
		const read = readRulesFlags(
			parsed(['rules', 'add', '--group', 'sg-1', '--rule', 'tcp:22:10.0.0.0/8', '--yes']),
		);
		expect(read).toMatchObject({mode: 'add', groupId: 'sg-1', yes: true, problems: []});
		expect(read.rules[0]?.rule).toMatchObject({
			direction: 'ingress',
			portRange: '22/22',
			peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
		});
		const out = readRulesFlags(
			parsed(['rules', 'remove', '--egress', '--group', 'sg-1', '--rule', 'all:-1:0.0.0.0/0']),
		);
		expect(out.rules[0]?.rule.direction).toBe('egress');
	});

	it('names every problem at once', () => {
		const read = readRulesFlags(
			parsed(['rules', 'change', 'extra', '--region', 'Hangzhou', '--group', 'web', '--rule', 'tcp:99999:x']),
		);
		// The action is not one, so the --rule also lacks an action: six problems, said together.
		expect(read.problems).toHaveLength(6);
		expect(read.problems.join('\n')).toMatch(/--rule needs an action/);
		expect(read.problems.join('\n')).toMatch(/"change" is not an action of ecs-sg rules/);
		expect(read.problems.join('\n')).toMatch(/Unexpected words: extra/);
		expect(read.problems.join('\n')).toMatch(/--region: .*not a region ID/);
		expect(read.problems.join('\n')).toMatch(/--group: .*not a security group ID/);
		expect(read.problems.join('\n')).toMatch(/--rule: .*99999/);
	});

	it('wants rules for add/remove, and no rules without one', () => {
		expect(readRulesFlags(parsed(['rules', 'add', '--group', 'sg-1'])).problems.join()).toMatch(
			/at least one --rule/,
		);
		expect(readRulesFlags(parsed(['rules', '--rule', 'tcp:22:0.0.0.0/0'])).problems.join()).toMatch(
			/needs an action/,
		);
		expect(readRulesFlags(parsed(['rules'])).problems).toEqual([]);
	});
});

describe('instances flags', () => {
	it('reads the instances, once each, and checks their ids', () => {
		const read = readInstancesFlags(
			parsed([
				'instances',
				'add',
				'--group',
				'sg-1',
				'--instance',
				'i-a',
				'--instance',
				'i-a',
				'--instance',
				'b',
			]),
		);
		expect(read.instanceIds).toEqual(['i-a']);
		expect(read.problems.join()).toMatch(/--instance: .*"b" is not an instance ID/);
		expect(readInstancesFlags(parsed(['instances', 'remove', '--group', 'sg-1'])).problems.join()).toMatch(
			/at least one --instance/,
		);
	});
});
