// No string a person sees is written in a screen's source: every word in JSX comes from the catalogue (t()), or is
// data, a glyph, a command to copy or a key name. Parsed with the TypeScript compiler, so comments, imports and
// props that are not drawn (keys, colours) do not count. A word in English here would stay English in Chinese.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const root = new URL('../../source/', import.meta.url).pathname;

function tsxFiles(dir: string): string[] {
	return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'sandbox' ? [] : tsxFiles(full);
		return entry.name.endsWith('.tsx') ? [full] : [];
	});
}

/** Props whose string value is drawn. */
const drawnProps = new Set([
	'label',
	'placeholder',
	'title',
	'purpose',
	'problem',
	'empty',
	'lead',
	'children',
]);

/** Literal text that may be drawn as it is: commands to copy, rule examples, key names, glyphs. */
function allowed(text: string): boolean {
	const words = text
		.replace(/(ecs-sg|aliyun) [^'"`]*/g, ' ')
		.replace(/--[A-Za-z-]+/g, ' ')
		.replace(/[a-z]+:[-\d]+:[\d./]+/g, ' ');
	return (words.match(/[A-Za-z]{2,}/g) ?? []).every((w) => ['Enter', 'Esc', 'Tab', 'Ctrl'].includes(w));
}

function drawnLiterals(file: string): string[] {
	const source = ts.createSourceFile(
		file,
		fs.readFileSync(file, 'utf8'),
		ts.ScriptTarget.Latest,
		true,
		ts.ScriptKind.TSX,
	);
	const found: string[] = [];
	const where = (node: ts.Node) =>
		`${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	const literalTexts = (node: ts.Expression): string[] => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
		if (ts.isTemplateExpression(node))
			return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
		if (ts.isConditionalExpression(node))
			return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
		if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
			return [...literalTexts(node.left), ...literalTexts(node.right)];
		return [];
	};
	const visit = (node: ts.Node) => {
		if (ts.isJsxText(node) && !allowed(node.text) && node.text.trim() !== '')
			found.push(`${where(node)} ${node.text.trim()}`);
		if (
			ts.isJsxExpression(node) &&
			node.expression &&
			(ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
		) {
			for (const text of literalTexts(node.expression))
				if (!allowed(text)) found.push(`${where(node)} ${text}`);
		}
		if (ts.isJsxAttribute(node) && drawnProps.has(node.name.getText(source)) && node.initializer) {
			const init = node.initializer;
			const texts = ts.isStringLiteral(init)
				? [init.text]
				: ts.isJsxExpression(init) && init.expression
					? literalTexts(init.expression)
					: [];
			for (const text of texts) if (!allowed(text)) found.push(`${where(node)} ${text}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

describe('the screens draw only catalogue text', () => {
	const files = tsxFiles(root);

	it('finds the screens to check', () => {
		expect(files.length).toBeGreaterThan(20);
	});

	it('no English word is written in JSX outside the catalogue', () => {
		expect(files.flatMap(drawnLiterals)).toEqual([]);
	});

	it('would catch one (the check itself can fail)', () => {
		const probe = path.join(
			fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'ecs-sg-')),
			'probe.tsx',
		);
		fs.writeFileSync(
			probe,
			`export const A = () => <Text>Loading the groups…</Text>;\nexport const B = () => <Text>{'Press Enter to go on'}</Text>;\nexport const C = () => <Spinner label="Please wait" />;\nexport const D = () => <Text>{t('ok')}{'  '}{\`  \${x}\`}</Text>;`,
		);
		expect(drawnLiterals(probe)).toHaveLength(3);
	});
});
