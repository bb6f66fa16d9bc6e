// Reading back what a run left: an in-process sandbox's state, and the journal in a settings folder.
import fs from 'node:fs';
import path from 'node:path';
import type {Sandbox} from '../../source/sandbox/index.js';

export type SnapshotGroup = {
	SecurityGroupId: string;
	SecurityGroupName: string;
	RegionId: string;
	Permissions: unknown[];
};

/** The default VPC of `regionId` in the sandbox ('' where there is none). */
export const defaultVpcOf = (sandbox: Sandbox, regionId = 'cn-hangzhou'): string =>
	((sandbox.snapshot().vpcs ?? []) as {VpcId: string; RegionId: string; IsDefault: boolean}[]).find(
		(v) => v.RegionId === regionId && v.IsDefault,
	)?.VpcId ?? '';

/** Every security group in the sandbox, with its rules. */
export const groupsOf = (sandbox: Sandbox): SnapshotGroup[] =>
	(sandbox.snapshot().securityGroups ?? []) as SnapshotGroup[];

/** The sandbox's security groups named `name`. */
export const groupsNamedIn = (sandbox: Sandbox, name: string): SnapshotGroup[] =>
	groupsOf(sandbox).filter((g) => g.SecurityGroupName === name);

/** The journal entries of the settings file in `configDir` (none when there is no file yet). */
export function journalIn(configDir: string): {payload: {groupId?: string}}[] {
	const file = path.join(configDir, 'config.json');
	if (!fs.existsSync(file)) return [];
	const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		journal?: Record<string, {payload: {groupId?: string}}>;
	};
	return Object.values(doc.journal ?? {});
}
