// Issue 15 item 11: `ecs-sg configure` looks like the wizard at 50 columns: its own lines wrap between words
// (never `InvalidAccessKeyId.NotFou` / `nd`), and the default-region picker is the wizard's list, aligned, and
// filters as the person types.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {keys, noKeysEnv, type PtySession, startPty} from '../helpers/pty.js';

const columns = 50;
const rows = 20;
let sandbox: Sandbox;
let home: string;
const sessions: PtySession[] = [];

function configure(): PtySession {
	const session = startPty(['configure', '--lang', 'en', '--endpoint', sandbox.endpoint], {
		env: {...noKeysEnv(home), ALIBABA_CLOUD_CREDENTIALS_FILE: undefined},
		cols: columns,
		rows,
	});
	sessions.push(session);
	return session;
}

beforeAll(async () => {
	sandbox = await startSandbox({port: 0});
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => {
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-configure-looks-'));
});
afterEach(() => {
	for (const session of sessions.splice(0)) session.kill();
	fs.rmSync(home, {recursive: true, force: true});
});

async function typeKeys(session: PtySession, id: string, secret: string) {
	await session.waitForText('AccessKey ID');
	await session.press(id, keys.enter);
	await session.waitForText('AccessKey Secret');
	await session.press(secret, keys.enter);
	await session.waitForText('STS security token');
	await session.press(keys.enter);
}

describe('configure at 50 columns', () => {
	it('wraps a refusal between words: the error code stays whole on one line', async () => {
		const session = configure();
		await typeKeys(session, 'LTAIunknownKeyId000000', 'SomeSecretValue000000000');
		await session.waitForText('Enter the keys again');
		const screen = session.screen();
		expect(screen.split('\n').some((l) => l.includes('InvalidAccessKeyId.NotFound'))).toBe(true);
		// No line of configure's own ends inside a word that the next line finishes.
		expect(screen).not.toMatch(/InvalidAccessKeyId\.NotFou\s*\n\s*nd/);
		// The prompts' own messages too (the STS one is longer than 50 columns).
		expect(screen).toContain('Enter to skip)');
		expect(screen).not.toMatch(/Ent\s*\n\s*er to skip/);
	});

	it('picks the region from the wizard list: names aligned, filtered by typing', async () => {
		const session = configure();
		await typeKeys(session, sandbox.accessKeyId, sandbox.accessKeySecret);
		await session.waitForText('Default region');
		const list = await session.waitForText(/Hangzhou\)\s+cn-hangzhou/);
		// The ids start in one column, after the names (as in the wizard).
		const idColumns = list
			.split('\n')
			.filter((l) => /\b(cn|ap|us|eu|me)-[a-z0-9-]+\b/.test(l) && /\(/.test(l))
			.map((l) => l.search(/\b(cn|ap|us|eu|me)-[a-z0-9-]+\b/));
		expect(idColumns.length).toBeGreaterThan(3);
		expect(new Set(idColumns).size).toBe(1);
		await session.press('shangh');
		await session.waitForText(/Shanghai\)\s+cn-shanghai/);
		await session.press(keys.enter);
		await session.waitForText('Saved profile "default"');
		expect(await session.exited).toBe(0);
		const saved = JSON.parse(fs.readFileSync(path.join(home, 'config', 'config.json'), 'utf8'));
		expect(saved.profiles.default.regionId).toBe('cn-shanghai');
	});
});
