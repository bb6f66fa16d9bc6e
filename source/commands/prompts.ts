// The @inquirer/prompts the commands use, named one by one: the bundle then leaves out the rest (the editor
// prompt alone brings iconv-lite and chardet, about 650 KB that every start would parse). Loaded with import().
// Each is wrapped so that in Chinese the words the prompts draw themselves come from the catalogue.
import {
	confirm as inquirerConfirm,
	input as inquirerInput,
	password as inquirerPassword,
	search as inquirerSearch,
	select as inquirerSelect,
} from '@inquirer/prompts';
import {confirmAnswer, type PromptKind, promptTheme} from './prompt-theme.js';

type Prompt = (config: never, context?: never) => unknown;

function themed<F extends Prompt>(prompt: F, kind: PromptKind): F {
	const call = prompt as unknown as (config: unknown, context?: unknown) => unknown;
	const wrapped = (config: {theme?: object; transformer?: unknown}, context?: unknown) => {
		const extra = promptTheme(kind);
		if (!extra) return call(config, context);
		const merged = {
			...config,
			theme: {...extra, ...config.theme},
			...(kind === 'confirm' && config.transformer === undefined ? {transformer: confirmAnswer} : {}),
		};
		return call(merged, context);
	};
	return wrapped as unknown as F;
}

export const confirm = themed(inquirerConfirm, 'confirm');
export const input = themed(inquirerInput, 'input');
export const password = themed(inquirerPassword, 'password');
export const select = themed(inquirerSelect, 'select');
export const search = themed(inquirerSearch, 'select');
