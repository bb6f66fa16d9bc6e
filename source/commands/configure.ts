// `ecs-sg configure [--profile NAME]`, `configure list`, `configure use NAME`. The interactive part runs with
// @inquirer/prompts (loaded only here, and never while Ink is rendering): AccessKey ID, secret (masked), an
// optional STS token, then the keys are checked with a real DescribeRegions call, whose answer is the list the
// default region is picked from. Nothing is written until the very end, so wrong keys, Quit or Ctrl+C leave the
// stored configuration exactly as it was. `--mode RamRoleArn` stores source keys and a role to assume (ARN,
// session name, external id, duration); it is checked by assuming the role, then calling with the role's keys.
import {CloudError, credentialsError} from '../cloud/errors.js';
import {ConfigError} from '../config/errors.js';
import {mask} from '../config/mask.js';
import {isProfileName} from '../config/profile-name.js';
import {openConfig} from '../config/store.js';
import type {ConfigStore} from '../config/types.js';
import type {Region} from '../domain/model.js';
import {cleanLine, lang, t, table} from '../text/index.js';
import type {GlobalOptions, ParsedArgs} from './args.js';
import {askKeys, type Draft, offerImport} from './configure-keys.js';
import {draftProvider} from './configure-role.js';
import {fitPrompt, pickRegion, say, type Ui} from './configure-view.js';
import {exitCodes, type Io, line} from './io.js';
import {isPromptExit} from './prompt-exit.js';
import {apiFor, openTarget, reportFailure, type Target, UsageError} from './services.js';
import {exitCodeOf, onStopSignals, type StopSignal} from './signals.js';

type ConfigureOptions = {
	global: GlobalOptions;
	/** The profile to write; defaults to --profile, else ALIBABA_CLOUD_PROFILE, else the current one, else `default`. */
	profile?: string;
	/** `RamRoleArn`: source keys and a role to assume. Default: AK (with an optional STS token). */
	mode?: 'AK' | 'RamRoleArn';
};

type Verdict =
	| {ok: true; regions: Region[]}
	| {ok: false; error: CloudError}
	| {ok: false; cancelled: true; signal?: StopSignal};

/** One real call with the typed keys. Ctrl+C (SIGINT, the prompt being closed), SIGTERM or SIGHUP abandons it. */
async function verify(io: Io, draft: Draft, target: Target, store: ConfigStore): Promise<Verdict> {
	say(io.stderr, t(draft.role ? 'config.configure.verifyingRole' : 'config.configure.verifying'));
	const api = apiFor(draftProvider(draft, target), target, store, {retry: {tries: 2}});
	const controller = new AbortController();
	let stoppedBy: StopSignal | undefined;
	const stopListening = onStopSignals((signal) => {
		stoppedBy ??= signal;
		controller.abort();
	});
	try {
		const regions = await api.describeRegions({
			language: lang() === 'zh' ? 'zh-CN' : 'en-US',
			signal: controller.signal,
		});
		return {ok: true, regions};
	} catch (error) {
		if (controller.signal.aborted)
			return {ok: false, cancelled: true, ...(stoppedBy ? {signal: stoppedBy} : {})};
		if (error instanceof CloudError) return {ok: false, error};
		// A provider that failed before any call (the transport turns later ones into CloudErrors itself).
		if (error instanceof ConfigError) return {ok: false, error: credentialsError(error, 'AssumeRole')};
		throw error;
	} finally {
		stopListening();
		api.close();
	}
}

/** Failures that say nothing about the keys: the person may save them anyway (no region list to pick from). */
const uncheckedKinds: ReadonlySet<string> = new Set([
	'network',
	'timeout',
	'unavailable',
	'throttled',
	'bad-response',
]);

/** Saved; cancelled by a key (Ctrl+C, or quitting after a refusal); or stopped by a signal during the key check. */
type ConfigureOutcome = 'saved' | 'cancelled' | StopSignal;

/** Keys that passed the check, or that the person saves unchecked (no region list then). */
type Checked = {draft: Draft; regions: Region[]; checked: boolean};

/** Asks for keys (unless imported) and checks them until they pass, are saved unchecked, or the person leaves. */
async function keysUntilChecked(
	io: Io,
	ui: Ui,
	start: {draft: Draft; imported: Draft | undefined; withRole: boolean},
	target: Target,
	store: ConfigStore,
): Promise<Checked | ConfigureOutcome> {
	let {draft, imported} = start;
	for (;;) {
		draft = imported ?? (await askKeys(ui, draft, start.withRole));
		imported = undefined;
		const verdict = await verify(io, draft, target, store);
		if (verdict.ok) {
			say(io.stderr, t('config.configure.verified'));
			return {draft, regions: verdict.regions, checked: true};
		}
		if ('cancelled' in verdict) {
			say(io.stderr, t('config.configure.cancelled'));
			return verdict.signal ?? 'cancelled';
		}
		// Only an answer about the keys says they are wrong; a network that failed said nothing about them.
		const unchecked = uncheckedKinds.has(verdict.error.kind);
		say(
			io.stderr,
			t(unchecked ? 'config.configure.unchecked' : 'config.configure.refused', {
				sentence: verdict.error.sentence,
			}),
		);
		say(io.stderr, verdict.error.next);
		const choice = await ui.prompts.select(
			{
				message: fitPrompt(t('config.configure.retryAsk'), ui.context),
				choices: [
					{value: 'retry', name: t('config.configure.retry')},
					...(unchecked ? [{value: 'save', name: t('config.configure.saveUnchecked')}] : []),
					{value: 'quit', name: t('config.configure.quit')},
				],
			},
			ui.context,
		);
		if (choice === 'quit') {
			say(io.stderr, t('config.configure.nothingSaved'));
			return 'cancelled';
		}
		if (choice === 'save') return {draft, regions: [], checked: false};
	}
}

/** Picks the default region from the checked list (the stored, then the last used, then cn-hangzhou first) and saves. */
async function save(
	io: Io,
	ui: Ui,
	store: ConfigStore,
	name: string,
	{draft, regions, checked}: Checked,
): Promise<void> {
	const ids = new Set(regions.map((r) => r.id));
	const known = (id: string | undefined) => (id !== undefined && ids.has(id) ? id : undefined);
	const marks = {lastUsed: known(store.settings.lastRegion()), profile: known(draft.regionId)};
	const regionId =
		regions.length > 0
			? await pickRegion(ui, regions, marks, marks.profile ?? marks.lastUsed ?? known('cn-hangzhou'))
			: draft.regionId;
	store.profiles.put(
		{
			name,
			accessKeyId: draft.accessKeyId,
			accessKeySecret: draft.accessKeySecret,
			...(draft.securityToken ? {securityToken: draft.securityToken} : {}),
			...(regionId ? {regionId} : {}),
			...(draft.role ? {role: draft.role} : {}),
		},
		{makeCurrent: true},
	);
	try {
		if (checked) store.settings.cacheRegions(lang() === 'zh' ? 'zh-CN' : 'en-US', regions);
	} catch {
		// The profile is what matters; the cache is refilled on the next run.
	}
	say(
		io.stdout,
		t('config.configure.saved', {
			name,
			id: mask(draft.accessKeyId),
			region: regionId ?? '-',
			file: store.path,
		}),
	);
}

/**
 * Asks for keys, verifies them and saves the profile (it becomes the current one). Also what the wizard calls,
 * before it renders, when no credentials resolve. Throws ConfigError/UsageError for a broken setup.
 */
export async function configureInteractive(io: Io, options: ConfigureOptions): Promise<ConfigureOutcome> {
	const store = openConfig({env: io.env});
	const name =
		options.profile ??
		options.global.profile ??
		(io.env.ALIBABA_CLOUD_PROFILE?.trim() || undefined) ??
		store.profiles.current() ??
		'default';
	if (!isProfileName(name)) throw new UsageError(t('config.configure.badName', {name}));
	const target = await openTarget(options.global, store);
	const ui = {prompts: await import('./prompts.js'), context: {input: io.stdin, output: io.stdout}};
	try {
		const stored = store.profiles.get(name);
		say(
			io.stderr,
			t(stored ? 'config.configure.introExisting' : 'config.configure.intro', {name, file: store.path}),
		);
		const withRole = options.mode === 'RamRoleArn';
		const imported = withRole ? undefined : await offerImport(io, ui, stored);
		const draft = stored ?? {accessKeyId: '', accessKeySecret: ''};
		const found = await keysUntilChecked(io, ui, {draft, imported, withRole}, target, store);
		if (typeof found === 'string') return found;
		await save(io, ui, store, name, found);
		return 'saved';
	} catch (error) {
		if (isPromptExit(error)) {
			say(io.stderr, t('config.configure.cancelled'));
			return 'cancelled';
		}
		throw error;
	} finally {
		await target.close();
	}
}

function list(io: Io): number {
	const store = openConfig({env: io.env});
	const profiles = store.profiles.list();
	if (profiles.length === 0) {
		say(io.stderr, t('config.configure.listEmpty'));
		return exitCodes.ok;
	}
	const current = store.profiles.current();
	const rows = [
		[
			'',
			t('config.configure.listProfile'),
			t('config.configure.listId'),
			t('config.configure.listMode'),
			t('config.configure.listRegion'),
			t('config.configure.listRole'),
		],
		...profiles.map((p) => [
			p.name === current ? '*' : '',
			cleanLine(p.name),
			mask(p.accessKeyId),
			p.role ? 'RamRoleArn' : p.securityToken ? 'StsToken' : 'AK',
			cleanLine(p.regionId ?? '-'),
			cleanLine(p.role?.roleArn ?? '-'),
		]),
	];
	for (const row of table(rows)) line(io.stdout, row);
	return exitCodes.ok;
}

function use(io: Io, name: string): number {
	const store = openConfig({env: io.env});
	store.profiles.use(name);
	say(io.stdout, t('config.configure.using', {name}));
	return exitCodes.ok;
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const [sub, ...rest] = args.positionals;
	try {
		if (sub === 'list' && rest.length === 0) return list(io);
		if (sub === 'use' && rest.length === 1 && rest[0]) return use(io, rest[0]);
		if (sub !== undefined) throw new UsageError(t('config.configure.usage'));
		if (!io.interactive) {
			say(io.stderr, t('cli.error.prefix', {message: t('config.configure.notTty')}));
			say(io.stderr, t('config.configure.notTtyNext'));
			return exitCodes.usage;
		}
		const mode = typeof args.flags.mode === 'string' ? args.flags.mode : undefined;
		if (mode !== undefined && mode !== 'AK' && mode !== 'RamRoleArn') {
			throw new UsageError(t('config.configure.badMode', {mode}));
		}
		const outcome = await configureInteractive(io, {global: args.global, ...(mode ? {mode} : {})});
		if (outcome === 'saved') return exitCodes.ok;
		return exitCodeOf(outcome === 'cancelled' ? undefined : outcome);
	} catch (error) {
		return reportFailure(io, error);
	}
}
