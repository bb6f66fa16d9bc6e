// NO_COLOR (any value, https://no-color.org) turns colour off for every command, in one place: it becomes
// FORCE_COLOR=0, which every colour library here reads when it loads (chalk for Ink's frames, node:util's
// styleText for the prompts). cli.tsx imports this module first, so this runs before any of them is loaded.
// TERM=dumb needs nothing here: the same libraries already draw no colour for it.
if (process.env.NO_COLOR !== undefined) process.env.FORCE_COLOR = '0';

export {};
