// The aliyun CLI commands that recreate a group, exactly as a person would paste them into a POSIX shell.
// The ClientToken is left out on purpose: ecs-sg's own token would make Alibaba Cloud answer with the group
// ecs-sg already made instead of creating a new one, and a pasted script is run once by hand.

import {t} from '../text/index.js';
import {authorizeAction, authorizeParams, chunk, createParams, specOf} from './plan.js';
import type {SubmitPlan, SubmitResult} from './plan-types.js';
import {maxRulesPerCall} from './validators.js';

/** The shell variable that carries the new group's id from the first command to the next ones. */
const groupIdVariable = 'SG_ID';

const safe = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** A word for a POSIX shell: as it is when that is safe, else in single quotes. */
export function shellQuote(value: string): string {
	if (safe.test(value)) return value;
	return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * One `--Name value` flag. A value starting with `-` (the `-1/-1` of portless protocols) is glued with `=`,
 * because the aliyun CLI reads `--PortRange -1/-1` as two flags and fails ("not support flag form -1/-1").
 */
export function cliFlag(name: string, value: string): string {
	if (value === `"$${groupIdVariable}"`) return `--${name} ${value}`;
	return value.startsWith('-') ? `--${name}=${shellQuote(value)}` : `--${name} ${shellQuote(value)}`;
}

const command = (action: string, regionId: string, params: [string, string][]): string[] => [
	`aliyun ecs ${action} --region ${shellQuote(regionId)}`,
	...params.map(([name, value]) => `  ${cliFlag(name, value)}`),
];

/** Joins the lines of one command with ` \` continuations. */
const continued = (lines: string[]): string[] => lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l));

/** The script for a plan (before anything is created) or a result (what was created). */
export function exportAliyun(source: SubmitPlan | SubmitResult): string {
	const spec = specOf(source);
	const out: string[] = [
		'#!/bin/sh',
		`# ${t('submit.export.aliyun.header', {name: spec.name, region: spec.regionId})}`,
		`# ${t('submit.export.aliyun.needs')}`,
		'set -e',
		'',
	];
	const create = command('CreateSecurityGroup', spec.regionId, createParams(spec));
	create[0] = `${groupIdVariable}="$(${create[0]}`;
	create.push(`  | jq -er .SecurityGroupId)"`);
	out.push(...continued(create));
	for (const direction of ['ingress', 'egress'] as const) {
		const mine = spec.rules.filter((r) => r.direction === direction);
		for (const rules of chunk(mine, maxRulesPerCall)) {
			out.push('');
			const params = authorizeParams(spec.regionId, `"$${groupIdVariable}"`, rules, spec.nicType);
			out.push(...continued(command(authorizeAction(direction), spec.regionId, params)));
		}
	}
	out.push('', `echo "$${groupIdVariable}"`);
	return `${out.join('\n')}\n`;
}
