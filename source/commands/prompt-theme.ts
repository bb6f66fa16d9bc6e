// @inquirer/prompts draws a few words of its own (the key help under a list, the masked-input note, yes/no, the
// confirm refusal). In Chinese they come from the catalogue instead; in English the prompts keep their own.
import {styleText} from 'node:util';
import {lang, type MessageKey, t} from '../text/index.js';

const actions: Record<string, MessageKey> = {
	navigate: 'cli.prompt.navigate',
	select: 'cli.prompt.select',
	'toggle visibility': 'cli.prompt.reveal',
};

/** The key help line, with each action in the current language. */
const keysHelpTip = (keys: [string, string][]): string =>
	keys
		.map(([key, action]) => {
			const known = actions[action];
			return `${styleText('bold', key)} ${styleText('dim', known ? t(known) : action)}`;
		})
		.join(styleText('dim', ' • '));

export type PromptKind = 'select' | 'password' | 'confirm' | 'input';

/** Theme additions for one kind of prompt, or undefined when the prompt's own English is right. */
export function promptTheme(kind: PromptKind): Record<string, unknown> | undefined {
	if (lang() !== 'zh') return undefined;
	switch (kind) {
		case 'select':
			return {style: {keysHelpTip}};
		case 'password':
			return {style: {keysHelpTip, maskedText: t('cli.prompt.masked')}};
		case 'confirm':
			// y and n stay the keys to press (the prompt accepts them whatever the words); the words are shown.
			return {keywords: {yes: 'Yes', no: 'No', error: () => t('cli.prompt.yesOrNo')}};
		case 'input':
			return undefined;
	}
}

/** How a confirm answer is shown once given. */
export const confirmAnswer = (value: boolean): string => t(value ? 'cli.prompt.yes' : 'cli.prompt.no');
