// The few symbols the wizard draws, in one place.
export const glyphs = {
	pointer: '❯',
	tick: '✔',
	cross: '✖',
	warning: '⚠',
	retry: '↻',
	pending: '·',
	up: '↑',
	down: '↓',
	cursor: '▏',
	bullet: '•',
} as const;
