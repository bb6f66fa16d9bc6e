import type {ParsedArgs} from './args.js';
import {exitCodes, type Io, line} from './io.js';

// Placeholder until the submit issue lands: the flags-only path of `ecs-sg create`.
export async function run(_args: ParsedArgs, io: Io): Promise<number> {
	line(io.stderr, 'ecs-sg create (flags only): not built yet');
	return exitCodes.usage;
}
