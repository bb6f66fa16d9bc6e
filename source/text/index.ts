// The one message catalogue: every string drawn for a person comes from here, in English or Simplified Chinese.
// Each room keeps its messages in catalogue/<room>.ts (an `en` object and a `zh` object with the same keys,
// which the type system enforces); this file merges them and picks the language once, at start-up.
import * as cli from './catalogue/cli.js';
import * as cloud from './catalogue/cloud.js';
import * as config from './catalogue/config.js';
import * as domain from './catalogue/domain.js';
import * as followup from './catalogue/followup.js';
import * as sandbox from './catalogue/sandbox.js';
import * as submit from './catalogue/submit.js';
import * as truth from './catalogue/truth.js';
import * as wizard from './catalogue/wizard.js';

import {cleanLine} from './sanitize.js';

export {cleanBlock, cleanDeep, cleanLine} from './sanitize.js';
export {shownTime} from './time.js';
export {cut, fitWidth, table, width} from './width.js';

type En = typeof cli.en &
	typeof cloud.en &
	typeof config.en &
	typeof domain.en &
	typeof submit.en &
	typeof wizard.en &
	typeof followup.en &
	typeof sandbox.en &
	typeof truth.en;
const rooms = [cli, cloud, config, domain, submit, wizard, followup, sandbox, truth];
// Object.assign, not object spread: on Node 20, spreading these eight catalogues into one object took ~8 ms of
// every start (V8 adds each of 600 keys on a slow path); assigning takes under 1 ms. Later rooms win, as before.
const en: En = Object.assign({}, ...rooms.map((room) => room.en));
const zh: Record<MessageKey, string> = Object.assign({}, ...rooms.map((room) => room.zh));

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'zh';
export type Params = Readonly<Record<string, string | number>>;

let current: Lang = 'en';

export const setLang = (lang: Lang): void => {
	current = lang;
};
export const lang = (): Lang => current;

/** `--lang` wins; else a zh locale in LC_ALL, LC_MESSAGES or LANG (in POSIX precedence) picks Chinese. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang | undefined {
	if (flag !== undefined) return flag === 'en' || flag === 'zh' ? flag : undefined;
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return /^zh/i.test(locale) ? 'zh' : 'en';
}

let decideCommandName: () => string = () => 'ecs-sg';
let commandNameShown: string | undefined;

/**
 * How a printed command starts where the user is (`ecs-sg`, `npx ecs-sg`, `node bin/ecs-sg.js`, ...): the
 * function is commands/invocation.ts's, set at start-up and asked once, on the first message that needs it.
 */
export const setCommandName = (decide: () => string): void => {
	decideCommandName = decide;
	commandNameShown = undefined;
};

/** The start of every command printed for the user to run (see setCommandName). */
export const commandName = (): string => {
	commandNameShown ??= decideCommandName();
	return commandNameShown;
};

// `ecs-sg` where a message prints a command to run: before a command word or a flag (not in "another ecs-sg
// process" or a file name). The help pages keep the name: their columns are aligned to it.
const commandAt = /(?<![\w./-])ecs-sg(?= (?:create|configure|sandbox|resume|rules|instances|help)\b| -)/g;

/**
 * The message for `key` in the current language, with `{name}` placeholders filled from `params`. A
 * `{count:one|other}` placeholder picks a word by the number in `params.count` (1 takes the first), so English
 * says "1 rule was" and "2 rules were" where "rule(s)" would hedge; Chinese needs none.
 */
export function t(key: MessageKey, params?: Params): string {
	let template: string = (current === 'zh' ? zh : en)[key];
	if (template.includes('ecs-sg') && !key.startsWith('cli.help') && commandName() !== 'ecs-sg')
		template = template.replace(commandAt, () => commandName()); // a function: no `$&` in a path is special
	if (!params) return template;
	// Parameters are often untrusted (names from the API, what the user typed): clean them on the way in.
	return template
		.replace(/\{(\w+):([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
			Object.hasOwn(params, name) ? (Number(params[name]) === 1 ? one : other) : whole,
		)
		.replace(/\{(\w+)\}/g, (whole, name: string) =>
			Object.hasOwn(params, name) ? cleanLine(params[name]) : whole,
		);
}

/** "1 rule", "4 rules": the count of rules a call or a template carries, in the current language. */
export const rulesCount = (count: number): string =>
	count === 1 ? t('domain.count.rule') : t('domain.count.rules', {count});

/** For tests: every key in both languages. */
export const catalogue = {en, zh} as const;
