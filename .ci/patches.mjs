// Versioned patches of dependencies (.ci/patches/<name>@<version>.patch, a scope's slash written as +), applied
// to the files as esbuild bundles them, so node_modules is never written to. Each patch is a unified diff of the
// package's files with a preamble that says why, and pins every file it changes by the sha256 of the upstream
// text: a package at another version, a file with other text or a hunk that does not match exactly fails the
// build with a message saying which patch to redo, instead of shipping an unpatched (or half-patched) file.
// No fuzz, no offsets: a hunk applies where it says or not at all. (A small strict applier rather than a diff
// library: libraries apply with fuzz or offsets by design, which is what this must not do.)
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const folder = new URL('./patches/', import.meta.url);

/**
 * @typedef {{oldStart: number, oldCount: number, old: string[], new: string[]}} Hunk
 * @typedef {{rel: string, sha256: string, hunks: Hunk[]}} FilePatch
 * @typedef {{file: string, name: string, version: string, files: FilePatch[]}} Patch
 */

/** Every patch in .ci/patches, parsed. */
export function readPatches() {
	return readdirSync(folder)
		.filter((file) => file.endsWith('.patch'))
		.sort()
		.map((file) => parsePatch(file, readFileSync(new URL(file, folder), 'utf8')));
}

/** @returns {Patch} */
export function parsePatch(file, text) {
	const named = /^(.+)@([^@]+)\.patch$/.exec(file);
	if (!named) throw new Error(`.ci/patches/${file}: name it <package>@<version>.patch`);
	const fail = (why) => {
		throw new Error(`.ci/patches/${file}: ${why}`);
	};
	const pins = new Map();
	for (const m of text.matchAll(/^Upstream: (\S+) sha256 ([0-9a-f]{64})$/gm)) pins.set(m[1], m[2]);
	const name = named[1].replace('+', '/');
	/** @type {FilePatch[]} */
	const files = [];
	const lines = text.split('\n');
	let current;
	let hunk;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line.startsWith('--- a/') && lines[i + 1]?.startsWith('+++ b/')) {
			const rel = line.slice('--- a/'.length);
			const sha256 = pins.get(`${name}/${rel}`) ?? fail(`no "Upstream: ${name}/${rel} sha256 …" line`);
			current = {rel, sha256, hunks: []};
			files.push(current);
			hunk = undefined;
			i++;
			continue;
		}
		const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(line);
		if (header) {
			if (!current) fail(`a hunk before any --- a/ +++ b/ header (line ${i + 1})`);
			hunk = {oldStart: Number(header[1]), oldCount: Number(header[2] ?? 1), old: [], new: []};
			current.hunks.push(hunk);
			continue;
		}
		if (!hunk) continue; // the preamble
		if (line.startsWith(' ')) {
			hunk.old.push(line.slice(1));
			hunk.new.push(line.slice(1));
		} else if (line.startsWith('-')) hunk.old.push(line.slice(1));
		else if (line.startsWith('+')) hunk.new.push(line.slice(1));
		else if (line.startsWith('\\') || line === '') continue;
		else fail(`line ${i + 1} is not part of a hunk: ${line.slice(0, 60)}`);
	}
	for (const f of files)
		for (const h of f.hunks)
			if (h.old.length !== h.oldCount) fail(`a hunk of ${f.rel} at line ${h.oldStart} is cut short`);
	if (files.length === 0) fail('no file in it');
	return {file, name, version: named[2], files};
}

/** `text` with the file's hunks applied; throws (naming the patch) unless the text is exactly the pinned one. */
export function applyFilePatch(patch, filePatch, text) {
	const redo = `redo .ci/patches/${patch.file} for the installed ${patch.name} (see the readme's Development section)`;
	const sha = createHash('sha256').update(text).digest('hex');
	if (sha !== filePatch.sha256)
		throw new Error(`${patch.name}/${filePatch.rel} is not the text the patch was made for: ${redo}`);
	const lines = text.split('\n');
	let delta = 0;
	for (const h of filePatch.hunks) {
		// A hunk that removes nothing (-N,0) inserts after line N; any other starts at line N.
		const at = (h.oldCount === 0 ? h.oldStart : h.oldStart - 1) + delta;
		const found = lines.slice(at, at + h.old.length);
		if (found.length !== h.old.length || found.some((l, k) => l !== h.old[k]))
			throw new Error(
				`${patch.name}/${filePatch.rel}: the hunk at line ${h.oldStart} does not match: ${redo}`,
			);
		lines.splice(at, h.old.length, ...h.new);
		delta += h.new.length - h.old.length;
	}
	return lines.join('\n');
}

const pathPattern = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '[\\\\/]');

/**
 * The esbuild plugin: each patched file is loaded with its patch applied, after checking that the package it
 * comes from is at the patch's version. `applied` collects `<patch>:<file>` for every file patched, so the
 * build can also fail when a patch was never used (the file left the bundle, or moved).
 */
export function versionedPatches(patches = readPatches(), applied = new Set()) {
	const plugin = {
		name: 'versioned-patches',
		setup(b) {
			for (const patch of patches)
				for (const filePatch of patch.files) {
					const filter = new RegExp(
						`[\\\\/]node_modules[\\\\/]${pathPattern(patch.name)}[\\\\/]${pathPattern(filePatch.rel)}$`,
					);
					b.onLoad({filter}, (args) => {
						const dir = args.path.slice(0, args.path.length - filePatch.rel.length - 1);
						const {version} = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
						if (version !== patch.version)
							throw new Error(
								`${patch.name} is ${version} but .ci/patches/${patch.file} was made for ${patch.version}: redo the patch for ${version} (or drop it), see the readme's Development section`,
							);
						const contents = applyFilePatch(patch, filePatch, readFileSync(args.path, 'utf8'));
						applied.add(`${patch.file}:${filePatch.rel}`);
						return {contents, loader: 'js'};
					});
				}
		},
	};
	state.set(plugin, {patches, applied});
	return plugin;
}

/** What a versionedPatches plugin holds (esbuild refuses unknown fields on a plugin). */
const state = new WeakMap();
export const patchesOf = (plugin) => state.get(plugin).patches;

/** Throws unless every file of every patch was patched by the builds `plugin` took part in. */
export function assertAllApplied(plugin) {
	const {patches, applied} = state.get(plugin);
	const missing = patches.flatMap((p) =>
		p.files.map((f) => `${p.file}:${f.rel}`).filter((id) => !applied.has(id)),
	);
	if (missing.length > 0)
		throw new Error(`patches never applied (the file is no longer bundled, or moved): ${missing.join(', ')}`);
}
