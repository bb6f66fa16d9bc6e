// Regenerates the readme's "What the screens look like" from real output: the built CLI in an 80x24 pseudo-
// terminal against the sandbox. Skipped unless asked for, since it rewrites readme.md:
//   ECS_SG_SCREENS=1 npx vitest run test/e2e/wizard-screens.test.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {keys, noKeysEnv, startPty} from '../helpers/pty.js';

const readme = new URL('../../readme.md', import.meta.url);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const block = (screen: string) => `\`\`\`text\n${screen.trimEnd()}\n\`\`\`\n`;

it.skipIf(!process.env.ECS_SG_SCREENS)('captures the screens into the readme', async () => {
	// Exactly what `npm start` runs: the in-process sandbox, a fresh config folder, no keys anywhere.
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-screens-'));
	const shots: Record<string, string> = {};
	try {
		const p = startPty(['--lang', 'en', 'create', '--sandbox'], {
			env: {
				...noKeysEnv(home),
				LANG: 'C.UTF-8',
				LC_ALL: undefined,
				NO_COLOR: undefined,
			},
		});
		await p.waitForText('China (Hangzhou)');
		await p.press('hangzhou');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		shots.template = await p.waitForText('Rules of Web Server Linux');
		await p.press(keys.tab);
		await p.waitForText('Editing');
		await p.press(keys.down, keys.down, 's');
		await p.waitForText('New source');
		await p.press('\u0015', '203.0.113.0/24');
		await pause(300);
		shots.editor = p.screen();
		await p.press(keys.enter);
		await p.waitForText(/TCP\s+22\s+203/);
		// `a`: a new rule in the form, MySQL from another security group picked from the region's live list.
		await p.press('a');
		await p.waitForText('New rule for');
		await p.press('3306', keys.down, keys.right, keys.right);
		await p.waitForText('‹ Security group ›');
		await p.press(keys.down, keys.enter);
		await p.waitForText('Security groups in cn-hangzhou');
		await p.press(keys.enter);
		await p.waitForText(/Source\s+default-sg \(sg-/);
		await pause(300);
		shots.form = p.screen();
		await p.press(keys.enter);
		await p.waitForText(/TCP\s+3306\s+default-sg/);
		await p.press(keys.enter);
		await p.waitForText('Rules of');
		await p.press(keys.enter);
		await p.waitForText('Step 3 of 7');
		await p.press('web 1');
		shots.name = await p.waitForText('is not');
		await p.press(keys.backspace, keys.backspace, '-1', keys.enter);
		await p.waitForText('Step 4 of 7');
		await p.press('web tier behind the load balancer', keys.enter);
		await p.waitForText('Step 5 of 7');
		await p.press(keys.enter);
		shots.vpc = await p.waitForText('default-vpc');
		await p.press(keys.enter);
		await p.waitForText(/6 VPC\s+default-vpc/);
		await pause(300);
		shots.review = p.screen();
		await p.press(keys.enter);
		shots.done = await p.waitForText('Next (follow-up');
		await p.press('q');
		expect(await p.exited).toBe(0);
	} finally {
		fs.rmSync(home, {recursive: true, force: true});
	}

	const section = `<!-- screens -->
### What the screens look like

Real output of the wizard against the sandbox (what \`ecs-sg --sandbox\` runs) in an 80x24 terminal, captured from
the pseudo-terminal the end-to-end tests drive (\`ECS_SG_SCREENS=1 npx vitest run test/e2e/wizard-screens.test.ts\`
refreshes it). Each step says what it is for and shows its keys; finished steps stay above as one-line summaries.

The Template step previews every rule the highlighted template opens, and the default behaviour of the group:

${block(shots.template ?? '')}
Tab opens the rule editor: pick a rule, press \`s\` to narrow its source (\`e\` edits every field, \`a\` and \`p\` add, \`d\` deletes):

${block(shots.editor ?? '')}
\`a\` (or \`e\` on a rule) opens the form with every field of a rule: direction, protocol, ports, the peer (an
IPv4 or IPv6 block, a security group or a prefix list, picked from the region's live lists), accept or drop,
priority and description:

${block(shots.form ?? '')}
Text steps check the API's own rules as you type, and refuse Enter with the reason:

${block(shots.name ?? '')}
Lists filter as you type and show the real id beside the name (here the VPCs of the chosen region, fetched
while the earlier steps were being answered):

${block(shots.vpc ?? '')}
Review shows every answer, the rules and any warning (SSH or RDP open to the world, a name already used in that
VPC); a number changes that answer and comes back here:

${block(shots.review ?? '')}
Submitting shows each API call with its state; the end screen gives the new id, what was applied, and the
console's follow-up operations:

${block(shots.done ?? '')}<!-- /screens -->
`;
	const text = fs.readFileSync(readme, 'utf8');
	const start = text.indexOf('<!-- screens -->');
	const endMark = '<!-- /screens -->\n';
	const end = text.indexOf(endMark);
	expect(start).toBeGreaterThanOrEqual(0);
	const after = end >= 0 ? text.slice(end + endMark.length) : text.slice(start + '<!-- screens -->\n'.length);
	fs.writeFileSync(readme, text.slice(0, start) + section + after);
	expect(fs.readFileSync(readme, 'utf8')).toContain('Created security group sg-');
});
