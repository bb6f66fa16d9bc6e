import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Ink reads CI at import time and then renders only the last frame; tests need every frame.
		env: {CI: 'false'},
		globalSetup: ['test/setup/build.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
	},
});
