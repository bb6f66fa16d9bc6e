// `ecs-sg resume [--delete] [--yes]`: finds the creates the journal says were cut short, shows exactly what
// exists of each, and finishes it (the same ClientTokens, so nothing is made twice) or deletes it. Each entry is
// resumed against the place its create went to (endpoint, sandbox, profile), whatever the flags say now.
import {
	deleteUnfinished,
	inspectUnfinished,
	readProgress,
	type UnreadableEntry,
	unfinishedEntries,
	unreadableEntries,
} from '../cloud/engine.js';
import type {ConfigStore, JournalEntry} from '../config/types.js';
import type {Inspection} from '../domain/plan-types.js';
import {inspectionLines} from '../domain/summary.js';
import {cleanDeep, t} from '../text/index.js';
import type {GlobalOptions, ParsedArgs} from './args.js';
import {type ExitCode, exitCodes, type Io, line, lines} from './io.js';
import {isPromptExit} from './prompt-exit.js';
import {finishOne} from './resume-finish.js';
import type {Services} from './services.js';

type ResumeChoice = 'finish' | 'delete' | 'leave';

export type ResumeDeps = {
	/** The settings store whose journal lists the unfinished creates. */
	openStore: (io: Io) => Promise<ConfigStore>;
	openServices: (global: GlobalOptions, io: Io) => Promise<Services>;
	/** Asks what to do with one unfinished create (only in a terminal). */
	ask: (io: Io) => Promise<ResumeChoice>;
	/** Asks to confirm a delete given without --yes (only in a terminal). */
	confirmDelete: (io: Io) => Promise<boolean>;
	/** Asks to confirm forgetting an unreadable entry with --delete without --yes (only in a terminal). */
	confirmForget: (io: Io, id: string) => Promise<boolean>;
};

/** A question on stderr (stdout keeps only results), answered No unless the person says yes. */
async function confirmOn(io: Io, message: string): Promise<boolean> {
	const {confirm} = await import('./prompts.js');
	return confirm({message, default: false}, {input: io.stdin, output: io.stderr});
}

const defaultDeps: ResumeDeps = {
	// Loaded lazily like every command's heavy parts: config/store pulls in conf.
	openStore: async (io) => (await import('../config/store.js')).openConfig({env: io.env}),
	openServices: async (global, io) => (await import('./services.js')).openServices(global, io),
	ask: async (io) => {
		const {select} = await import('./prompts.js');
		return select<ResumeChoice>(
			{
				message: t('submit.resume.ask'),
				choices: [
					{name: t('submit.resume.finish'), value: 'finish'},
					{name: t('submit.resume.delete'), value: 'delete'},
					{name: t('submit.resume.leave'), value: 'leave'},
				],
			},
			{input: io.stdin, output: io.stderr},
		);
	},
	confirmDelete: (io) => confirmOn(io, t('submit.resume.confirmDelete')),
	confirmForget: (io, id) => confirmOn(io, t('submit.resume.forgetAsk', {id})),
};

/** What to tell about an entry that cannot be read: which one, what is wrong, what may exist, how to fix it. */
export function unreadableLines(entry: UnreadableEntry, file: string): string[] {
	return [
		t('submit.journal.unreadable', {id: entry.id, problem: entry.problem}),
		...(entry.groupId
			? [`  ${t('submit.journal.unreadableGroup', {id: entry.groupId, region: entry.regionId ?? '?'})}`]
			: []),
		`  ${t('submit.journal.unreadableFix', {file})}`,
	];
}

/** The global options that reach the place an entry's create went to. */
function globalFor(entry: JournalEntry, global: GlobalOptions): GlobalOptions {
	const {endpoint, sandbox, profile} = entry.target;
	return {
		...global,
		endpoint,
		sandbox: sandbox === true,
		profile: profile ?? global.profile,
	};
}

/** What the journal alone knows of an entry (no call made): for the non-terminal refusal. */
export function journalInspection(entry: JournalEntry): Inspection | undefined {
	const progress = readProgress(entry);
	if (!progress) return undefined;
	const {plan} = progress;
	const applied = plan.authorize.slice(0, progress.authorized).flatMap((b) => b.rules);
	const rest = plan.authorize.slice(progress.authorized).flatMap((b) => b.rules);
	return {
		journalId: entry.id,
		plan,
		createdAt: entry.createdAt,
		...(progress.groupId ? {group: 'exists', groupId: progress.groupId} : {group: 'unknown'}),
		applied,
		missing: rest,
	};
}

/** Where an entry's lines go: results on stdout (none with --json), everything else on stderr. */
export type Say = {out: (lines: readonly string[]) => void; err: (lines: readonly string[]) => void};

/** How one entry ended: the exit code it asks for and its part of the --json report. */
export type Settled = {code: ExitCode; report: Record<string, unknown>};

const sayFor = (io: Io, json: boolean): Say => ({
	out: (texts) => {
		if (!json) lines(io.stdout, texts);
	},
	err: (texts) => lines(io.stderr, texts),
});

type Options = {wantsDelete: boolean; yes: boolean};

const stops: readonly ExitCode[] = [exitCodes.cancelled, exitCodes.terminated, exitCodes.hangup];

/** Leaving a question is the person's cancel: the entry is left as it is, and the run ends with 130. */
async function settle(say: Say, base: Settled['report'], work: () => Promise<Settled>): Promise<Settled> {
	try {
		return await work();
	} catch (error) {
		if (!isPromptExit(error)) throw error;
		say.err([t('submit.resume.cancelled')]);
		return {code: exitCodes.cancelled, report: {...base, action: 'left'}};
	}
}

const failed = async (io: Io, error: unknown): Promise<ExitCode> =>
	(await import('./services.js')).reportFailure(io, error);

export async function run(args: ParsedArgs, io: Io, deps: Partial<ResumeDeps> = {}): Promise<number> {
	const d: ResumeDeps = {...defaultDeps, ...deps};
	const json = args.flags.json === true;
	const options: Options = {wantsDelete: args.flags.delete === true, yes: args.flags.yes === true};
	const say = sayFor(io, json);

	let entries: JournalEntry[];
	let unreadable: UnreadableEntry[];
	let store: ConfigStore;
	try {
		store = await d.openStore(io);
		entries = unfinishedEntries(store.journal);
		unreadable = unreadableEntries(store.journal);
	} catch (error) {
		return failed(io, error);
	}
	if (entries.length === 0 && unreadable.length === 0) {
		if (json) line(io.stdout, JSON.stringify({resumed: []}));
		else say.out([t('submit.resume.none')]);
		return exitCodes.ok;
	}

	if (!options.yes && !io.interactive) {
		for (const entry of unreadable) say.err(unreadableLines(entry, store.path));
		for (const entry of entries) {
			const known = journalInspection(entry);
			if (known) say.err(inspectionLines(known));
		}
		say.err([t('submit.resume.needFlags')]);
		return exitCodes.usage;
	}

	// Unreadable entries first: they need no call, and what they say may explain what follows.
	const work = [
		...unreadable.map(
			(entry) => () =>
				settle(say, {journalId: entry.id, problem: entry.problem}, () =>
					settleUnreadable(entry, store, io, d, options, say),
				),
		),
		...entries.map(
			(entry) => () =>
				settle(say, {journalId: entry.id}, () => resumeEntry(entry, args.global, io, d, options, say)),
		),
	];
	const reports: Settled['report'][] = [];
	let code: ExitCode = exitCodes.ok;
	for (const next of work) {
		const settled = await next();
		reports.push(settled.report);
		if (code === exitCodes.ok || stops.includes(settled.code)) code = settled.code;
		if (stops.includes(settled.code)) break;
	}
	if (json) line(io.stdout, JSON.stringify(cleanDeep({resumed: reports})));
	return code;
}

/**
 * An entry a hand edit broke: said, never crashed on. --delete forgets it (after asking, unless --yes); otherwise
 * it is kept, and the run ends with exit 2 (the settings file needs fixing) unless something worse happened.
 */
async function settleUnreadable(
	entry: UnreadableEntry,
	store: ConfigStore,
	io: Io,
	d: ResumeDeps,
	options: Options,
	{out, err}: Say,
): Promise<Settled> {
	const base = {journalId: entry.id, problem: entry.problem};
	err(unreadableLines(entry, store.path));
	if (!options.wantsDelete) return {code: exitCodes.usage, report: {...base, action: 'unreadable'}};
	if (!options.yes && !(await d.confirmForget(io, entry.id))) {
		out([t('submit.resume.unreadableKept', {id: entry.id})]);
		return {code: exitCodes.ok, report: {...base, action: 'left'}};
	}
	store.journal.remove(entry.id);
	// An entry filed under another key than its id (or without one) can only be fixed in the file.
	if (unreadableEntries(store.journal).some((e) => e.id === entry.id)) {
		err([t('submit.resume.forgetFailed', {id: entry.id, file: store.path})]);
		return {code: exitCodes.usage, report: {...base, action: 'unreadable'}};
	}
	out([t('submit.resume.forgotten', {id: entry.id})]);
	if (entry.groupId)
		err([t('submit.resume.forgottenGroup', {id: entry.groupId, region: entry.regionId ?? '?'})]);
	return {
		code: exitCodes.ok,
		report: {...base, action: 'forgotten', ...(entry.groupId ? {securityGroupId: entry.groupId} : {})},
	};
}

/** One unfinished create, against the place it went to (its services closed after). */
async function resumeEntry(
	entry: JournalEntry,
	global: GlobalOptions,
	io: Io,
	d: ResumeDeps,
	options: Options,
	say: Say,
): Promise<Settled> {
	let services: Services;
	try {
		services = await d.openServices(globalFor(entry, global), io);
	} catch (error) {
		return {code: await failed(io, error), report: {journalId: entry.id, action: 'failed'}};
	}
	try {
		return await resumeOne(entry, services, io, d, options, say);
	} finally {
		await services.close();
	}
}

async function resumeOne(
	entry: JournalEntry,
	services: Services,
	io: Io,
	d: ResumeDeps,
	options: Options,
	say: Say,
): Promise<Settled> {
	const {api} = services;
	const {journal} = services.store;
	const base = {journalId: entry.id};
	let inspection: Inspection;
	try {
		inspection = await inspectUnfinished(entry, api);
	} catch (error) {
		return {code: await failed(io, error), report: {...base, action: 'failed'}};
	}
	say.err(inspectionLines(inspection));

	if (inspection.group === 'gone') {
		journal.remove(entry.id);
		say.out([t('submit.resume.goneCleared')]);
		return {code: exitCodes.ok, report: {...base, action: 'forgotten', securityGroupId: inspection.groupId}};
	}

	let choice: ResumeChoice;
	if (options.wantsDelete) choice = options.yes || (await d.confirmDelete(io)) ? 'delete' : 'leave';
	else choice = options.yes ? 'finish' : await d.ask(io);

	if (choice === 'leave') {
		say.out([t('submit.resume.left')]);
		return {code: exitCodes.ok, report: {...base, action: 'left'}};
	}
	if (choice === 'finish') return finishOne(entry, services, inspection.plan, say);

	const deleted = await deleteUnfinished(entry, {api, journal});
	if (!deleted.ok) {
		say.err([t('submit.resume.deleteFailed', {sentence: deleted.error.sentence}), deleted.error.next]);
		return {code: exitCodes.cloud, report: {...base, action: 'failed', error: deleted.error.code}};
	}
	say.out([
		deleted.groupId && !deleted.alreadyGone
			? t('submit.resume.deleted', {id: deleted.groupId})
			: deleted.groupId
				? t('submit.resume.goneCleared')
				: t('submit.resume.deletedNothing'),
	]);
	return {code: exitCodes.ok, report: {...base, action: 'deleted', securityGroupId: deleted.groupId ?? null}};
}
