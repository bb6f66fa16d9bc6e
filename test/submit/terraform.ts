// Reads the Terraform file exportTerraform writes: top-level blocks, their `key = value` attributes and
// one level of `key = { ... }` maps. Enough to hold the export to what it claims, not a general HCL parser.
export type HclBlock = {
	kind: string;
	type?: string;
	name?: string;
	attributes: Record<string, string>;
	maps: Record<string, Record<string, string>>;
};

/** The value of an HCL string literal, or the raw expression (numbers, references) as written. */
export function hclValue(raw: string): string {
	const text = raw.trim();
	if (!text.startsWith('"')) return text;
	if (!text.endsWith('"') || text.length < 2) throw new Error(`bad string ${text}`);
	let out = '';
	const body = text.slice(1, -1);
	for (let i = 0; i < body.length; i++) {
		const c = body[i] as string;
		if (c === '\\') {
			const n = body[++i];
			out += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : (n ?? '');
		} else if ((c === '$' || c === '%') && body[i + 1] === c && body[i + 2] === '{') {
			out += `${c}{`;
			i += 2;
		} else if ((c === '$' || c === '%') && body[i + 1] === '{') {
			throw new Error(`unescaped template sequence in ${text}`);
		} else if (c === '"') {
			throw new Error(`unescaped quote in ${text}`);
		} else {
			out += c;
		}
	}
	return out;
}

/** The index just past the string literal that opens `line`. */
function endOfString(line: string): number {
	for (let i = 1; i < line.length; i++) {
		if (line[i] === '\\') i++;
		else if (line[i] === '"') return i + 1;
	}
	return -1;
}

export function parseTerraform(text: string): HclBlock[] {
	const blocks: HclBlock[] = [];
	let block: HclBlock | undefined;
	let map: Record<string, string> | undefined;
	let depth = 0;
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		if (depth === 0) {
			const head = /^(\w+)((?:\s+"[^"]*")*)\s*\{$/.exec(line);
			if (!head) throw new Error(`unexpected line ${line}`);
			const labels = [...(head[2] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1] as string);
			block = {kind: head[1] as string, attributes: {}, maps: {}};
			if (head[1] === 'resource') {
				block.type = labels[0];
				block.name = labels[1];
			} else if (labels[0]) {
				block.type = labels[0];
			}
			blocks.push(block);
			depth = 1;
			continue;
		}
		if (line === '}') {
			depth--;
			map = undefined;
			continue;
		}
		if (line.endsWith('{')) {
			depth++;
			const key = /^(\w+)\s*=?\s*\{$/.exec(line)?.[1] ?? '';
			if (depth === 2 && block) {
				map = {};
				block.maps[key] = map;
			}
			continue;
		}
		// A key is a bare word or (in maps) a string literal, which may itself hold " = ".
		const keyEnd = line.startsWith('"') ? endOfString(line) : line.indexOf(' ');
		const eq = line.indexOf(' = ', keyEnd);
		if (keyEnd < 0 || eq < 0 || line.slice(keyEnd, eq).trim() !== '')
			throw new Error(`not an attribute: ${line}`);
		const key = line.slice(0, keyEnd).trim();
		const value = hclValue(line.slice(eq + 3));
		if (depth === 2 && map) map[hclValue(key)] = value;
		else if (depth === 1 && block) block.attributes[key] = value;
	}
	if (depth !== 0) throw new Error('unbalanced braces');
	return blocks;
}
