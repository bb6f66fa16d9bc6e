// Kept apart from prompts.ts so that a command can recognise a left prompt without loading @inquirer/prompts.

/** The prompt ended because the person left it (Ctrl+C), or a stop signal aborted it: not a failure. */
export const isPromptExit = (error: unknown): boolean =>
	error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
