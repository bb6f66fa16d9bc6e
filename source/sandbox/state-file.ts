// The state file <-> the world in memory. Reading checks everything a person may have mistyped: the shape
// (types, formats, unknown keys) with the valibot schemas of state-schema.ts, then what records say about
// each other (state-checks.ts). Every problem is reported with its JSON path and what would be right, e.g.
// `vpcs[2].VpcId: missing`; writing produces the same shape, in the API's field names.
import * as v from 'valibot';
import {apiTime} from './ids.js';
import {defaultAccount, newCredentials, seedPrefixLists} from './seed.js';
import {checkInstances, checkPrefixLists, checkVpcs, completeGroups, type Problems} from './state-checks.js';
import {show} from './state-fields.js';
import {fileSchema} from './state-schema.js';
import type {PermissionRecord, SandboxStateFile, World} from './types.js';

export const maxRulesPerGroup = 200;
export const maxGroupsPerInstance = 5;
/** More than this many problems are not listed: the first ones are enough to start fixing. */
const maxProblems = 20;

/** `vpcs[0].VpcId` from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
	let path = '';
	for (const step of issue.path ?? []) {
		const key = step.key as string | number;
		path += typeof key === 'number' ? `[${key}]` : path === '' ? key : `.${key}`;
	}
	return path;
}

/** Reads a parsed state file; every problem found is returned, worded for a person editing the file. */
export function worldFromFile(data: unknown, nowMs: number): {world: World} | {problems: string[]} {
	const problems: string[] = [];
	const collect: Problems = {
		add: (path, text) => {
			if (problems.length < maxProblems) problems.push(path === '' ? text : `${path}: ${text}`);
		},
	};
	// valibot takes an array for an object; the top level says so plainly.
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return {problems: [`the top level must be a JSON object, not ${show(data)}`]};
	}
	const now = apiTime(nowMs);
	const account = defaultAccount();
	const parsed = v.safeParse(fileSchema(now, {account, maxRules: maxRulesPerGroup}), data);
	if (!parsed.success) {
		for (const issue of parsed.issues) collect.add(pathOf(issue), issue.message);
		return {problems};
	}
	const file = parsed.output;
	const prefixLists = file.prefixLists ?? seedPrefixLists();
	checkVpcs(collect, file.vpcs);
	checkPrefixLists(collect, prefixLists);
	const groups = completeGroups(collect, file.securityGroups, file.vpcs, prefixLists);
	checkInstances(collect, file.instances, file.vpcs, groups, maxGroupsPerInstance);
	if (problems.length > 0) return {problems};
	return {
		world: {
			credentials: file.credentials ?? newCredentials(),
			persistCredentials: file.credentials !== undefined,
			vpcs: file.vpcs,
			groups,
			instances: file.instances,
			prefixLists,
			account: file.account,
			tokens: file.clientTokens,
			...(file.sts === undefined ? {} : {sts: file.sts}),
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
	// The seeded lists stay out of the file (a missing prefixLists key means them), so it stays short.
	if (JSON.stringify(world.prefixLists) !== JSON.stringify(seedPrefixLists())) {
		file.prefixLists = structuredClone(world.prefixLists);
	}
	if (world.tokens.length > 0) file.clientTokens = structuredClone(world.tokens);
	if (world.sts !== undefined) file.sts = structuredClone(world.sts);
	return file;
}
