// The help pages: the global one (`ecs-sg --help`) and each command's own (`ecs-sg rules --help`, `ecs-sg help
// rules`). The rule syntax is one block that the create and rules pages share.
import {commandName, type MessageKey, t} from '../text/index.js';
import type {Command} from './args.js';

const pages: Record<Command, MessageKey> = {
	create: 'cli.help.create',
	configure: 'cli.help.configure',
	sandbox: 'cli.help.sandbox',
	resume: 'cli.help.resume',
	rules: 'cli.help.rules',
	instances: 'cli.help.instances',
	groups: 'cli.help.groups',
};

/** The page for `command`, or the global page when no command word was typed (`ecs-sg --help`). */
export function helpPage(command: Command | undefined): string {
	// Not a t() parameter: parameters are cleaned to one line, and the block has several.
	const page =
		command === undefined
			? t('cli.help')
			: t(pages[command]).replace('{ruleSyntax}', t('cli.help.ruleSyntax'));
	// The pages say `ecs-sg` (their columns are aligned to it); where that is not on PATH, say what runs instead.
	return commandName() === 'ecs-sg' ? page : `${t('cli.help.runAs', {command: commandName()})}\n\n${page}`;
}
