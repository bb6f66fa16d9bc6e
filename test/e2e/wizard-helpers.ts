// Shared by the wizard e2e files: a sandbox in this process, the built CLI in a real pseudo-terminal pointed at
// it, and an independent client (pop-core used directly, not our adapter) to check what really exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import RPCClient from '@alicloud/pop-core';
import {type Sandbox, type SandboxStateFile, startSandbox} from '../../source/sandbox/index.js';
import {keys, type PtySession, sandboxEnv, startPty} from '../helpers/pty.js';

export {keys};

export type World = {
	sandbox: Sandbox;
	home: string;
	/** The wizard in an 80x24 terminal: `ecs-sg --lang en create --endpoint <sandbox> ...args`. */
	wizard(
		args?: string[],
		options?: {lang?: 'en' | 'zh'; cols?: number; rows?: number; env?: Record<string, string | undefined>},
	): PtySession;
	ecs: RPCClient;
	close(): Promise<void>;
};

export async function openWorld(initialState?: SandboxStateFile): Promise<World> {
	const sandbox = await startSandbox({port: 0, ...(initialState ? {initialState} : {})});
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-wizard-'));
	const sessions: PtySession[] = [];
	const ecs = new RPCClient({
		accessKeyId: sandbox.accessKeyId,
		accessKeySecret: sandbox.accessKeySecret,
		endpoint: sandbox.endpoint,
		apiVersion: '2014-05-26',
	});
	return {
		sandbox,
		home,
		ecs,
		wizard(args = [], options = {}) {
			const session = startPty(
				['--lang', options.lang ?? 'en', 'create', '--endpoint', sandbox.endpoint, ...args],
				{
					env: {
						...sandboxEnv(home, sandbox),
						...options.env,
					},
					cols: options.cols ?? 80,
					rows: options.rows ?? 24,
				},
			);
			sessions.push(session);
			return session;
		},
		async close() {
			for (const session of sessions) session.kill('SIGKILL');
			await sandbox.close();
			fs.rmSync(home, {recursive: true, force: true});
		},
	};
}

/** From step 4, takes each default (no description, a VPC network, the default VPC) on the way to Review. */
export async function defaultsToReview(p: PtySession): Promise<void> {
	await p.waitForText('Step 4 of 7');
	await p.press(keys.enter);
	await p.waitForText('Step 5 of 7');
	await p.press(keys.enter);
	await p.waitForText('default-vpc');
	await p.press(keys.enter);
}

type Group = {SecurityGroupId: string; SecurityGroupName: string; VpcId: string; SecurityGroupType: string};
type Permission = {
	IpProtocol: string;
	PortRange: string;
	SourceCidrIp: string;
	Policy: string;
	NicType: string;
};

/** Every group of a region named `name`, asked with pop-core directly. */
export async function groupsNamed(ecs: RPCClient, regionId: string, name: string): Promise<Group[]> {
	const answer = (await ecs.request(
		'DescribeSecurityGroups',
		{RegionId: regionId, PageSize: 50},
		{method: 'POST'},
	)) as {SecurityGroups: {SecurityGroup: Group[]}};
	return answer.SecurityGroups.SecurityGroup.filter((g) => g.SecurityGroupName === name);
}

export async function allGroups(ecs: RPCClient, regionId: string): Promise<Group[]> {
	const answer = (await ecs.request(
		'DescribeSecurityGroups',
		{RegionId: regionId, PageSize: 50},
		{method: 'POST'},
	)) as {SecurityGroups: {SecurityGroup: Group[]}};
	return answer.SecurityGroups.SecurityGroup;
}

/** The rules of a group as `PROTO PORTS SOURCE POLICY`, sorted. */
export async function rulesOf(ecs: RPCClient, regionId: string, groupId: string): Promise<string[]> {
	const answer = (await ecs.request(
		'DescribeSecurityGroupAttribute',
		{RegionId: regionId, SecurityGroupId: groupId},
		{method: 'POST'},
	)) as {Permissions: {Permission: Permission[]}};
	return answer.Permissions.Permission.map(
		(p) => `${p.IpProtocol.toLowerCase()} ${p.PortRange} ${p.SourceCidrIp} ${p.Policy.toLowerCase()}`,
	).sort();
}

/** The id of the VPC named `name` in a region (pop-core on the VPC API). */
export async function vpcNamed(sandbox: Sandbox, regionId: string, name: string): Promise<string> {
	const vpc = new RPCClient({
		accessKeyId: sandbox.accessKeyId,
		accessKeySecret: sandbox.accessKeySecret,
		endpoint: sandbox.endpoint,
		apiVersion: '2016-04-28',
	});
	const answer = (await vpc.request(
		'DescribeVpcs',
		{RegionId: regionId, PageSize: 50},
		{method: 'POST'},
	)) as {
		Vpcs: {Vpc: {VpcId: string; VpcName: string}[]};
	};
	const found = answer.Vpcs.Vpc.find((v) => v.VpcName === name);
	if (!found) throw new Error(`no VPC named ${name} in ${regionId}`);
	return found.VpcId;
}

/** The sg-… id the Done screen shows. */
export const shownGroupId = (screen: string): string => {
	const match = /Created security group (sg-[a-z0-9]+)/.exec(screen);
	if (!match?.[1]) throw new Error(`no group id on the screen:\n${screen}`);
	return match[1];
};
