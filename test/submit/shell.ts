// Reads the aliyun CLI script that exportAliyun writes back into API calls, the way a POSIX shell and the
// aliyun CLI would: continuation lines joined, quotes removed, `--Name value` and `--Name=value` both read.
export type CliCall = {action: string; params: Record<string, string>};

/**
 * Splits one command into words, honouring single and double quotes and `$VAR` in double quotes; stops at an
 * unquoted pipe.
 */
export function shellWords(line: string, vars: Record<string, string> = {}): string[] {
	const words: string[] = [];
	let word: string | undefined;
	for (let i = 0; i < line.length; i++) {
		const c = line[i] as string;
		if (c === "'") {
			const end = line.indexOf("'", i + 1);
			if (end < 0) throw new Error(`unclosed quote in: ${line}`);
			word = (word ?? '') + line.slice(i + 1, end);
			i = end;
		} else if (c === '"') {
			let j = i + 1;
			let text = '';
			while (j < line.length && line[j] !== '"') {
				if (line[j] === '\\') {
					text += line[j + 1];
					j += 2;
				} else if (line[j] === '$') {
					const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(j + 1))?.[0] ?? '';
					text += vars[name] ?? '';
					j += 1 + name.length;
				} else {
					text += line[j];
					j++;
				}
			}
			word = (word ?? '') + text;
			i = j;
		} else if (c === '|') {
			// An unquoted pipe ends the command (the rest is the next command of the pipeline).
			break;
		} else if (c === ' ') {
			if (word !== undefined) words.push(word);
			word = undefined;
		} else if (c === '\\') {
			word = (word ?? '') + (line[i + 1] ?? '');
			i++;
		} else {
			word = (word ?? '') + c;
		}
	}
	if (word !== undefined) words.push(word);
	return words;
}

/** Every `aliyun ecs ACTION ...` command of a script, with its API parameters (CLI flags like --region left out). */
export function parseAliyunScript(script: string, vars: Record<string, string> = {}): CliCall[] {
	const joined = script.replace(/ \\\n\s*/g, ' ').split('\n');
	const calls: CliCall[] = [];
	for (const raw of joined) {
		const at = raw.indexOf('aliyun ecs ');
		if (at < 0 || raw.trimStart().startsWith('#')) continue;
		const line = raw.slice(at);
		const words = shellWords(line, vars);
		const [, , action = '', ...rest] = words;
		const params: Record<string, string> = {};
		for (let i = 0; i < rest.length; i++) {
			const w = rest[i] as string;
			if (!w.startsWith('--')) throw new Error(`stray word ${w} in: ${line}`);
			const eq = w.indexOf('=');
			const [name, value] = eq >= 0 ? [w.slice(2, eq), w.slice(eq + 1)] : [w.slice(2), rest[++i] ?? ''];
			// The aliyun CLI takes a separate word starting with "-" for a flag (its `-1/-1` quirk).
			if (eq < 0 && value.startsWith('-')) throw new Error(`flag ${name} has no value in: ${line}`);
			// The aliyun CLI's own flags are lower-case (--region); API parameters start with a capital.
			if (/^[A-Z]/.test(name)) params[name] = value;
		}
		calls.push({action, params});
	}
	return calls;
}
