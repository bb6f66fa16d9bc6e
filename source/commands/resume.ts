import type {ParsedArgs} from './args.js';
import {exitCodes, type Io, line} from './io.js';

// Placeholder until its issue lands.
export async function run(_args: ParsedArgs, io: Io): Promise<number> {
	line(io.stderr, 'ecs-sg resume: not built yet');
	return exitCodes.usage;
}
