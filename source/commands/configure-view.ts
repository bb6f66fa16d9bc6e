// How `ecs-sg configure` looks, so it looks like the wizard: its lines wrapped with the wizard's wrap, and the
// default-region picker with the wizard's region list and filter ranking, as an @inquirer search prompt.
import type {Region} from '../domain/model.js';
import {cut, fitWidth, t, width} from '../text/index.js';
import {filterIndexes, prepare} from '../wizard/components/filter.js';
import {wrapToWidth} from '../wizard/components/fit-text.js';
import {regionItems} from '../wizard/steps/region.js';
import {line} from './io.js';

type Prompts = typeof import('./prompts.js');
type Context = {input: NodeJS.ReadableStream; output: NodeJS.WritableStream};
/** The prompts and the streams they draw on: what every question of configure needs. */
export type Ui = {prompts: Prompts; context: Context};

/**
 * The default-region picker: the wizard's region list (the same order, names and marks, the name column aligned
 * by display width) in an @inquirer search prompt, filtered as the person types with the wizard's own ranking
 * (wizard/components/filter.ts), since configure runs before any Ink screen and stays an inquirer prompt.
 */
export async function pickRegion(
	{prompts, context}: Ui,
	regions: readonly Region[],
	marks: {lastUsed: string | undefined; profile: string | undefined},
	preferred: string | undefined,
): Promise<string> {
	const items = regionItems(regions, marks.lastUsed, marks.profile);
	const output = context.output as Partial<NodeJS.WriteStream>;
	// Two columns for the prompt's pointer, one spare so the terminal never wraps a row.
	const room = (output.isTTY && output.columns && output.columns > 0 ? output.columns : 80) - 3;
	const idWidth = Math.max(...items.map((i) => width(i.cells[1] ?? '')));
	const nameWidth = Math.max(
		1,
		Math.min(Math.max(...items.map((i) => width(i.cells[0] ?? ''))), room - idWidth - 2),
	);
	const choices = items.map((item) => ({
		value: item.key,
		name: cut(
			`${fitWidth(item.cells[0] ?? '', nameWidth)}  ${fitWidth(item.cells[1] ?? '', idWidth)}${item.mark ? `  ${item.mark}` : ''}`,
			room,
		),
		short: item.key,
	}));
	const haystacks = prepare(items.map((i) => i.search));
	return prompts.search(
		{
			message: `${t('config.configure.region')} (${t('truth.configure.regionFilter')})`,
			source: (term) => {
				const query = (term ?? '').trim();
				if (query === '') return choices;
				return filterIndexes(haystacks, query.toLowerCase()).flatMap((i) => choices[i] ?? []);
			},
			pageSize: 12,
			...(preferred ? {default: preferred} : {}),
		},
		context,
	);
}

/**
 * A line of configure's own output, wrapped between words at the terminal's width with the wizard's wrap
 * (a terminal left to wrap it would break `InvalidAccessKeyId.NotFound` mid-word). Pipes get it unwrapped.
 */
export function say(stream: NodeJS.WriteStream, text: string): void {
	const columns = stream.isTTY && stream.columns > 0 ? stream.columns : 0;
	if (columns === 0) {
		line(stream, text);
		return;
	}
	for (const part of text.split('\n')) for (const l of wrapToWidth(part, columns - 1)) line(stream, l);
}

/**
 * A prompt's message wrapped between words to the terminal's width, less the prompt's mark and a space for the
 * answer: left to the terminal, `(... Enter to skip)` is broken as `Ent` / `er`.
 */
export function fitPrompt(text: string, context: Context): string {
	const output = context.output as Partial<NodeJS.WriteStream>;
	if (!output.isTTY || !output.columns || output.columns <= 0) return text;
	return wrapToWidth(text, output.columns - 4).join('\n');
}

/** One typed answer of configure, its question fitted to the terminal; a secret is masked as it is typed. */
export async function ask(
	{prompts, context}: Ui,
	question: {message: string; default?: string; secret?: boolean; validate: (value: string) => true | string},
): Promise<string> {
	const {secret, default: shown, ...rest} = question;
	const config = {...rest, message: fitPrompt(question.message, context)};
	const answer = secret
		? await prompts.password({...config, mask: '*'}, context)
		: await prompts.input({...config, ...(shown === undefined ? {} : {default: shown})}, context);
	return answer.trim();
}
