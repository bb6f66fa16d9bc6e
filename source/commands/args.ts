// Turns argv into a command and its flags, and never throws: every problem becomes one line of a usage error
// (exit 2). Built on node:util parseArgs (no dependency, already on every Node 20) in its token mode, so that
// unknown flags, flags of another command and missing values are all reported together.
import {parseArgs as nodeParseArgs} from 'node:util';
import {closest, distance} from 'fastest-levenshtein';
import {cleanLine, t} from '../text/index.js';

export const commands = ['create', 'configure', 'sandbox', 'resume', 'rules', 'instances', 'groups'] as const;
export type Command = (typeof commands)[number];

type Spec = {type: 'string' | 'boolean'; multiple?: boolean; short?: string; example?: string};

const globalFlags = {
	profile: {type: 'string', example: '--profile default'},
	endpoint: {type: 'string', example: '--endpoint http://127.0.0.1:8080'},
	sandbox: {type: 'boolean'},
	lang: {type: 'string', example: '--lang zh'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const satisfies Record<string, Spec>;

// The flags several commands take, spelt once.
const region = {type: 'string', example: '--region cn-hangzhou'} as const;
const group = {type: 'string', example: '--group sg-bp1fg655nh68xyz90000'} as const;
const vpc = {type: 'string', example: '--vpc vpc-bp1qpo0kug3a20qqe0000'} as const;
const yes = {type: 'boolean'} as const;
const json = {type: 'boolean'} as const;

const commandFlags = {
	create: {
		region,
		template: {type: 'string', example: '--template web-linux'},
		name: {type: 'string', example: '--name web-sg'},
		description: {type: 'string', example: '--description "web servers"'},
		vpc,
		classic: {type: 'boolean'},
		type: {type: 'string', example: '--type normal'},
		source: {type: 'string', example: '--source 203.0.113.0/24'},
		rule: {type: 'string', multiple: true, example: '--rule tcp:8080:10.0.0.0/8'},
		'resource-group': {type: 'string', example: '--resource-group rg-acfmxazb4ph6aiy'},
		tag: {type: 'string', multiple: true, example: '--tag env=dev'},
		yes,
		json,
		'dry-run': {type: 'boolean'},
		export: {type: 'string', example: '--export terraform'},
		'allow-duplicate-name': {type: 'boolean'},
	},
	configure: {
		mode: {type: 'string', example: '--mode RamRoleArn'},
	},
	sandbox: {
		port: {type: 'string', example: '--port 8080'},
		state: {type: 'string', example: '--state sandbox.json'},
		latency: {type: 'string', example: '--latency 100'},
		fault: {type: 'string', multiple: true, example: '--fault CreateSecurityGroup:lose'},
		'sts-ttl': {type: 'string', example: '--sts-ttl 5'},
		'metadata-port': {type: 'string', example: '--metadata-port 0'},
	},
	resume: {delete: {type: 'boolean'}, yes, json},
	rules: {
		region,
		group,
		rule: {type: 'string', multiple: true, example: '--rule tcp:22:203.0.113.4/32'},
		egress: {type: 'boolean'},
		yes,
		json,
	},
	instances: {
		region,
		group,
		instance: {type: 'string', multiple: true, example: '--instance i-bp67acfmxazb4ph30000'},
		yes,
		json,
	},
	groups: {region, vpc, group, yes, json},
} as const satisfies Record<Command, Record<string, Spec>>;

export type GlobalOptions = {
	profile?: string;
	endpoint?: string;
	sandbox: boolean;
	lang?: string;
};

/** Flag values by name: strings, booleans, or lists for repeatable flags. Commands read what they own. */
export type Flags = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** A flag's value when it is a string (a value flag given once). */
export const flagText = (v: Flags[string]): string | undefined => (typeof v === 'string' ? v : undefined);

/** A repeatable flag's values (one value given as a string counts as a list of one). */
export const flagList = (v: Flags[string]): readonly string[] | undefined =>
	Array.isArray(v) ? v : typeof v === 'string' ? [v] : undefined;

export type ParsedArgs = {
	command: Command;
	/** Words after the command (`configure use NAME`, `rules add`, ...). */
	positionals: readonly string[];
	/** True when the user typed the command word (so `ecs-sg` alone can mean "the wizard"). */
	explicitCommand: boolean;
	help: boolean;
	version: boolean;
	global: GlobalOptions;
	flags: Flags;
};

type ParseResult = {ok: true; args: ParsedArgs} | {ok: false; errors: string[]};

const allSpecs: Record<string, Spec> = Object.assign({}, globalFlags, ...Object.values(commandFlags));

const ownersOf = (flag: string): string =>
	commands
		.filter((c) => Object.hasOwn(commandFlags[c], flag))
		.map((c) => `ecs-sg ${c}`)
		.join(', ');

type CommandWord = {command: Command; explicit: boolean; index: number; helpWord?: true};

function commandOf(argv: readonly string[]): CommandWord {
	// The command is the first word that is not a flag or a flag's value.
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		if (arg === '--') break;
		if (arg.startsWith('-')) {
			const name = arg.replace(/^--?/, '').split('=')[0] ?? '';
			const spec = allSpecs[name] ?? Object.values(allSpecs).find((s) => s.short === name);
			if (spec?.type === 'string' && !arg.includes('=')) i++;
			continue;
		}
		if ((commands as readonly string[]).includes(arg))
			return {command: arg as Command, explicit: true, index: i};
		if (arg === 'help') return {command: 'create', explicit: false, index: i, helpWord: true};
		return {command: 'create', explicit: false, index: -1};
	}
	return {command: 'create', explicit: false, index: -1};
}

/** The candidate a typo most likely meant: at most two edits away, and fewer than half of what was typed. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
	if (typed === '' || candidates.length === 0) return undefined;
	const best = closest(typed, [...candidates]);
	const edits = distance(typed, best);
	return edits <= 2 && edits * 2 < typed.length ? best : undefined;
}

function unknownFlag(shown: string, name: string, known: readonly string[]): string {
	const near = nearest(name, known);
	return near
		? t('cli.error.unknownFlagNear', {flag: shown, near: `--${near}`})
		: t('cli.error.unknownFlag', {flag: shown});
}

/**
 * `ecs-sg help [COMMAND] [flags]`: the same as `ecs-sg [COMMAND] --help`; a topic that is not a command is a usage
 * error that names the nearest one.
 */
function parseHelp(argv: readonly string[], index: number): ParseResult {
	const rest = argv.filter((_, i) => i !== index);
	const topic = commandOf(rest);
	const word = rest[topic.index] ?? rest.find((arg) => !arg.startsWith('-'));
	if (!topic.explicit && word !== undefined && !topic.helpWord) {
		const near = nearest(word, commands);
		const shown = cleanLine(word);
		return {
			ok: false,
			errors: [
				near ? t('cli.error.helpTopicNear', {topic: shown, near}) : t('cli.error.helpTopic', {topic: shown}),
			],
		};
	}
	const parsed = parseArgs(rest);
	return parsed.ok ? {ok: true, args: {...parsed.args, help: true}} : parsed;
}

/** The flags and words of `rest` for `command`, and every problem with them. */
function readArgv(rest: readonly string[], command: Command) {
	const own: Record<string, Spec> = {...globalFlags, ...commandFlags[command]};
	const options = Object.fromEntries(
		Object.entries(own).map(([name, spec]) => [
			name,
			{type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? {short: spec.short} : {})},
		]),
	);
	const {tokens} = nodeParseArgs({
		args: [...rest],
		options,
		strict: false,
		allowPositionals: true,
		tokens: true,
	});
	const errors: string[] = [];
	const flags: Record<string, string | boolean | string[]> = {};
	const positionals: string[] = [];
	// The word after an unknown flag is most likely its value (`--nme web`), not a command: one error, not two.
	const valueOfUnknown = new Set<number>();
	for (const token of tokens) {
		if (token.kind === 'positional') {
			if (!valueOfUnknown.has(token.index)) positionals.push(token.value);
			continue;
		}
		if (token.kind !== 'option') continue;
		const shown = cleanLine(token.rawName);
		const spec = own[token.name];
		if (!spec) {
			if (token.inlineValue !== true) valueOfUnknown.add(token.index + 1);
			errors.push(
				allSpecs[token.name]
					? t('cli.error.flagNotForCommand', {flag: shown, command, owners: ownersOf(token.name)})
					: unknownFlag(shown, token.name, Object.keys(own)),
			);
			continue;
		}
		if (spec.type === 'boolean') {
			if (token.value !== undefined) errors.push(t('cli.error.unexpectedValue', {flag: shown}));
			else flags[token.name] = true;
			continue;
		}
		const value = token.value;
		// `--name --yes` would otherwise make "--yes" the name: treat a flag-looking value as a forgotten one.
		const looksLikeFlag =
			value !== undefined &&
			!token.inlineValue &&
			/^--?[a-z]/i.test(value) &&
			own[value.replace(/^--?/, '').split('=')[0] ?? ''];
		if (value === undefined || looksLikeFlag) {
			errors.push(t('cli.error.missingValue', {flag: shown, example: spec.example ?? `${shown} VALUE`}));
			continue;
		}
		if (spec.multiple) {
			const list = (flags[token.name] as string[] | undefined) ?? [];
			list.push(value);
			flags[token.name] = list;
		} else if (flags[token.name] !== undefined && flags[token.name] !== value) {
			errors.push(t('cli.error.repeated', {flag: shown}));
		} else {
			flags[token.name] = value;
		}
	}
	return {flags, positionals, errors};
}

export function parseArgs(argv: readonly string[]): ParseResult {
	const {command, explicit, index, helpWord} = commandOf(argv);
	if (helpWord) return parseHelp(argv, index);
	const rest = argv.filter((_, i) => i !== index);
	const {flags, positionals, errors} = readArgv(rest, command);
	const lang = typeof flags.lang === 'string' ? flags.lang : undefined;
	if (lang !== undefined && lang !== 'en' && lang !== 'zh')
		errors.push(t('cli.error.badLang', {value: cleanLine(lang)}));
	if (!explicit && positionals.length > 0) {
		const typed = positionals[0] ?? '';
		const near = nearest(typed, commands);
		errors.unshift(
			near
				? t('cli.error.unknownCommandNear', {command: cleanLine(typed), near})
				: t('cli.error.unknownCommand', {command: cleanLine(typed)}),
		);
	}
	if (errors.length > 0) return {ok: false, errors};

	const {profile, endpoint, sandbox, help, version, lang: _lang, ...commandOwn} = flags;
	return {
		ok: true,
		args: {
			command,
			positionals,
			explicitCommand: explicit,
			help: help === true,
			version: version === true,
			global: {
				profile: typeof profile === 'string' ? profile : undefined,
				endpoint: typeof endpoint === 'string' ? endpoint : undefined,
				sandbox: sandbox === true,
				lang,
			},
			flags: commandOwn,
		},
	};
}

/**
 * What a wrong --region most likely meant, as flags suggest: the region id a typo away (`cn-hangzou`), else the
 * only id that contains what was typed (`qingdao`). Undefined when neither: then the regions are listed.
 */
export function nearestRegion(typed: string, ids: readonly string[]): string | undefined {
	const lower = typed.trim().toLowerCase();
	const near = nearest(lower, ids);
	// Two ids as near (`ap-southeast` is two edits from -1 and from -3) is no answer: the list says more.
	const ties =
		near === undefined ? 0 : ids.filter((id) => distance(lower, id) === distance(lower, near)).length;
	if (near && ties === 1) return near;
	const containing = lower.length >= 3 ? ids.filter((id) => id.includes(lower)) : [];
	return containing.length === 1 ? containing[0] : undefined;
}

/** The message for a region ECS does not know: the region meant when one is near, else the list. */
export function unknownRegionMessage(typed: string, ids: readonly string[]): string {
	const region = cleanLine(typed);
	const near = nearestRegion(typed, ids);
	return near
		? t('cli.error.regionNear', {region, near})
		: t('cli.error.regionList', {region, list: ids.join(', ')});
}
