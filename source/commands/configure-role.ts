// The RamRoleArn part of `ecs-sg configure --mode RamRoleArn`: the role's questions (ARN, session name, external
// id, duration) and the provider that checks a draft by assuming the role before anything is saved.

import {providerFor} from '../config/providers.js';
import type {CredentialProvider, Credentials, StoredRole} from '../config/types.js';
import {t} from '../text/index.js';
import {ask, type Ui} from './configure-view.js';
import type {Target} from './services.js';

const roleArnShape = /^acs:ram::\d+:role\/[\w.@-]{1,64}$/;
const sessionShape = /^[\w.@-]{2,64}$/;
const externalIdShape = /^[\w.@:=,+/-]{2,1224}$/;

/** The role a RamRoleArn profile assumes: ARN, session name, external id (optional) and duration. */
export async function askRole(ui: Ui, current: StoredRole | undefined): Promise<StoredRole> {
	const roleArn = await ask(ui, {
		message: t('config.configure.roleArn'),
		...(current?.roleArn ? {default: current.roleArn} : {}),
		validate: (value) => (roleArnShape.test(value.trim()) ? true : t('config.configure.roleArnShape')),
	});
	const roleSessionName = await ask(ui, {
		message: t('config.configure.roleSession'),
		default: current?.roleSessionName ?? 'ecs-sg',
		validate: (value) => (sessionShape.test(value.trim()) ? true : t('config.configure.roleSessionShape')),
	});
	const externalId = await ask(ui, {
		message: t('config.configure.roleExternalId'),
		...(current?.externalId ? {default: current.externalId} : {}),
		validate: (value) =>
			value.trim() === '' || externalIdShape.test(value.trim())
				? true
				: t('config.configure.roleExternalIdShape'),
	});
	const duration = await ask(ui, {
		message: t('config.configure.roleDuration'),
		default: String(current?.durationSeconds ?? 3600),
		validate: (value) => {
			const n = Number(value.trim());
			return /^\d+$/.test(value.trim()) && n >= 900 && n <= 43200
				? true
				: t('config.configure.roleDurationShape');
		},
	});
	return {roleArn, roleSessionName, ...(externalId ? {externalId} : {}), durationSeconds: Number(duration)};
}

/** The keys the check signs with: the typed ones, or the role's, assumed through STS (at --endpoint when given). */
export function draftProvider(
	draft: Credentials & {role?: StoredRole},
	target: Target,
): Credentials | CredentialProvider {
	if (!draft.role) return draft;
	return providerFor(
		{
			mode: 'RamRoleArn',
			source: {mode: 'AK', accessKeyId: draft.accessKeyId, accessKeySecret: draft.accessKeySecret},
			roleArn: draft.role.roleArn,
			...(draft.role.roleSessionName ? {sessionName: draft.role.roleSessionName} : {}),
			...(draft.role.externalId ? {externalId: draft.role.externalId} : {}),
			...(draft.role.durationSeconds ? {durationSeconds: draft.role.durationSeconds} : {}),
		},
		t('config.configure.draftLabel'),
		target.endpoint ? {sts: target.endpoint} : {},
	);
}
