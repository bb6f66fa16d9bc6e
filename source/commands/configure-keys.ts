// Where configure's keys come from: typed (AccessKey ID, secret masked, an optional STS token, or for RamRoleArn
// the role's questions), or the aliyun CLI's current profile, imported when the person says so.
import {
	type AliyunCliConfig,
	aliyunCliCredentials,
	findAliyunCliProfile,
	loadAliyunCli,
} from '../config/aliyun-cli.js';
import {ConfigError} from '../config/errors.js';
import {mask} from '../config/mask.js';
import {homeOf} from '../config/store.js';
import type {Credentials, StoredRole} from '../config/types.js';
import {t} from '../text/index.js';
import {askRole} from './configure-role.js';
import {ask, say, type Ui} from './configure-view.js';
import type {Io} from './io.js';

/** The profile being written, as typed so far. */
export type Draft = Credentials & {regionId?: string; role?: StoredRole};

/** Printable ASCII without spaces: what every AccessKey ID, secret and STS token is made of. */
const keyShape = /^[\x21-\x7e]+$/;

function validateKey(value: string, current: string | undefined): true | string {
	const trimmed = value.trim();
	if (trimmed === '') return current ? true : t('config.configure.required');
	return keyShape.test(trimmed) ? true : t('config.configure.keyShape');
}

/** Each key's question, and the one that shows the stored key masked (Enter keeps it). */
const keyQuestions = {
	id: ['config.configure.id', 'config.configure.idCurrent'],
	secret: ['config.configure.secret', 'config.configure.secretCurrent'],
	token: ['config.configure.token', 'config.configure.tokenCurrent'],
} as const;

const keyQuestion = (key: keyof typeof keyQuestions, current: string | undefined): string =>
	current ? t(keyQuestions[key][1], {current: mask(current)}) : t(keyQuestions[key][0]);

export async function askKeys(ui: Ui, draft: Draft, withRole: boolean): Promise<Draft> {
	const id = await ask(ui, {
		message: keyQuestion('id', draft.accessKeyId),
		validate: (value) => validateKey(value, draft.accessKeyId),
	});
	const secret = await ask(ui, {
		message: keyQuestion('secret', draft.accessKeySecret),
		secret: true,
		validate: (value) => validateKey(value, draft.accessKeySecret),
	});
	const keys = {
		accessKeyId: id || draft.accessKeyId,
		accessKeySecret: secret || draft.accessKeySecret,
		...(draft.regionId ? {regionId: draft.regionId} : {}),
	};
	if (withRole) return {...keys, role: await askRole(ui, draft.role)};
	const token = await ask(ui, {
		message: keyQuestion('token', draft.securityToken),
		secret: true,
		validate: (value) => (value.trim() === '' || value.trim() === '-' ? true : validateKey(value, undefined)),
	});
	const securityToken = token === '-' ? undefined : token || draft.securityToken;
	return {...keys, ...(securityToken ? {securityToken} : {})};
}

/** The aliyun CLI's current profile as a draft, when it has a usable key pair and the user wants it. */
export async function offerImport(
	io: Io,
	{prompts, context}: Ui,
	existing: Draft | undefined,
): Promise<Draft | undefined> {
	let found: {config: AliyunCliConfig; name: string; credentials: Draft} | undefined;
	try {
		const config = loadAliyunCli(homeOf(io.env));
		const profile = config ? findAliyunCliProfile(config, config.current) : undefined;
		if (config && profile)
			found = {config, name: profile.name, credentials: aliyunCliCredentials(config, profile)};
	} catch (error) {
		// A broken aliyun file must not stop anyone from typing keys: say what is wrong and go on.
		if (!(error instanceof ConfigError)) throw error;
		say(io.stderr, t('config.configure.importSkipped', {reason: error.sentence}));
	}
	if (!found || existing?.accessKeyId === found.credentials.accessKeyId) return undefined;
	const yes = await prompts.confirm(
		{
			message: t('config.configure.importAsk', {
				name: found.name,
				id: mask(found.credentials.accessKeyId),
				file: found.config.file,
			}),
			default: true,
		},
		context,
	);
	return yes ? found.credentials : undefined;
}
