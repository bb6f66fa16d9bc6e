// The module map of design.md, enforced: each room may import only the rooms below it, the leaf rooms
// (text/, sandbox/) import nothing of ours above them, and the two quirky packages stay in their rooms.
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = new URL('../source/', import.meta.url).pathname;
// Top to bottom; an arrow may only point down this list. The model (domain/) is pure: it sits under the rooms
// that do I/O and imports only text/. `text` sits below everything but `sandbox`.
const order = ['cli.tsx', 'commands', 'wizard', 'cloud', 'config', 'domain', 'text'];

function files(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return files(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

const roomOf = (path: string): string => relative(root, path).split('/')[0] ?? '';

function imports(path: string): string[] {
	const text = readFileSync(path, 'utf8');
	return [...text.matchAll(/(?:from\s+|import\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

const sources = files(root);

describe('module map', () => {
	it('finds the rooms', () => {
		expect(new Set(sources.map(roomOf))).toEqual(
			new Set([
				'cli.tsx',
				'commands',
				'wizard',
				'domain',
				'cloud',
				'config',
				'text',
				'sandbox',
				'devtools-stub.ts',
			]),
		);
	});

	// Each import that breaks the map, as "file -> specifier (why)".
	function violations(room: string): string[] {
		const found: string[] = [];
		for (const path of sources.filter((p) => roomOf(p) === room)) {
			for (const specifier of imports(path)) {
				if (!specifier.startsWith('.')) continue;
				const target = roomOf(join(path, '..', specifier));
				const where = `${relative(root, path)} -> ${specifier}`;
				if (target === room || target === 'devtools-stub.ts') continue;
				if (room === 'sandbox') found.push(`${where} (sandbox/ imports nothing of ours)`);
				else if (target === 'sandbox') {
					if (room !== 'commands') found.push(`${where} (only commands/ may load the sandbox)`);
				} else if (order.indexOf(target) <= order.indexOf(room)) found.push(`${where} (points up)`);
			}
		}
		return found;
	}

	it.each([...order, 'sandbox'])('%s imports only downwards', (room) => {
		expect(violations(room)).toEqual([]);
	});

	it('keeps pop-core in cloud/ and conf in config/', () => {
		for (const path of sources) {
			const packages = imports(path);
			if (packages.includes('@alicloud/pop-core')) expect(roomOf(path)).toBe('cloud');
			if (packages.includes('conf')) expect(roomOf(path)).toBe('config');
		}
	});
});
