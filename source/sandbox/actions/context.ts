// What an action gets: the world, the clock, and a way to say the world changed (so it is written out).
import type {Params} from '../params.js';
import type {World} from '../types.js';

export type ActionContext = {
	world: World;
	now: () => number;
	changed: () => void;
};

export type ActionHandler = (ctx: ActionContext, params: Params) => Record<string, unknown>;
