// DEBUG=* must not print a secret or a token, even when `debug` was loaded (and so read DEBUG) before the
// credentials library: a role assumed over the sandbox's STS from StsToken keys, then a call signed with the
// role's keys, and nothing of either on stderr; a namespace of the person's own still prints.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {createEcsApi} from '../../source/cloud/pop-adapter.js';
import {providerFor} from '../../source/config/providers.js';
import {type Sandbox, type SandboxStateFile, startSandbox} from '../../source/sandbox/index.js';

const ID = 'LTAI5tDebugLogsTest01';
const SECRET = 'debugLogsSecretValue0123456789';
const TOKEN = 'CAISdebugLogsStsTokenValue0123456789';
const OWNER = '1234567890123456';
const ROLE = `acs:ram::${OWNER}:role/debug`;
const OWN_NAMESPACE = 'person:own';

let sandbox: Sandbox;
const written: string[] = [];

beforeAll(async () => {
	process.env.DEBUG = '*';
	// `debug` loaded before the library, reading DEBUG=*: the case where hiding DEBUG during the load fails.
	const debug = (await import('debug')).default;
	debug.enable('*');
	sandbox = await startSandbox({
		port: 0,
		initialState: {
			account: {ownerId: OWNER},
			credentials: {accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN},
			sts: {roles: [{RoleArn: ROLE}]},
		} as SandboxStateFile,
	});
	vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
		written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
		return true;
	});
});
afterAll(async () => {
	vi.restoreAllMocks();
	delete process.env.DEBUG;
	await sandbox?.close();
});

describe('DEBUG=* while a role is assumed and a call is signed', () => {
	it('prints no key, token or string to sign, and still prints other namespaces', async () => {
		const provider = providerFor(
			{
				mode: 'RamRoleArn',
				source: {mode: 'StsToken', accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN},
				roleArn: ROLE,
			},
			'ops',
			{sts: sandbox.endpoint},
		);
		const assumed = await provider.getCredentials();
		const api = createEcsApi({credentials: provider, endpoint: sandbox.endpoint, retry: {tries: 1}});
		try {
			expect((await api.describeRegions()).length).toBeGreaterThan(0);
		} finally {
			api.close();
		}
		(await import('debug')).default(OWN_NAMESPACE)('still on');

		const stderr = written.join('');
		expect(stderr).toContain(OWN_NAMESPACE);
		for (const secret of [SECRET, TOKEN, assumed.accessKeySecret, assumed.securityToken ?? TOKEN]) {
			expect(stderr).not.toContain(secret);
		}
		expect(stderr).not.toMatch(/stringToSign|Signature=/);
	});
});
