// One full create in Chinese, chosen by the locale alone (LANG=zh_CN.UTF-8, no --lang), in a real terminal
// against the sandbox: region names come in Chinese (AcceptLanguage=zh-CN), tables stay aligned with double-width
// characters, every screen is free of English words (what remains after ids, commands, API names and key names
// are taken out), and what was created is checked with pop-core.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {width} from '../../source/text/index.js';
import {startPty} from '../helpers/pty.js';
import {allRulesOf, envOf, followupState, region, vpcId} from './followup-helpers.js';
import {groupsNamed, keys, openWorld, type World} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

/**
 * Words that may stay English on a Chinese screen: names of keys, protocols and networks as the console writes
 * them, the console's own template names, and the product's name.
 */
const allowed = new Set(
	[
		'Enter',
		'Esc',
		'Tab',
		'Ctrl',
		'Space',
		'TCP',
		'UDP',
		'ICMP',
		'ICMPv6',
		'GRE',
		'ALL',
		'HTTP',
		'HTTPS',
		'SSH',
		'RDP',
		'MySQL',
		'PostgreSQL',
		'Redis',
		// The console's quick-add services (issue 12 item 3): service names, the same in every language.
		'Telnet',
		'MS',
		'SQL',
		'Oracle',
		'VPC',
		'CIDR',
		'IPv4',
		'IPv6',
		'API',
		'ID',
		'Web',
		// Service and product names are proper nouns in Chinese too.
		'Server',
		'Linux',
		'Windows',
		// The template id beside its name (the others are kebab-case ids, taken out with the region ids).
		'custom',
		'ecs',
		'sg',
	].map((w) => w.toLowerCase()),
);

/** The names of the fixture's resources: data, drawn as they are in any language. */
const dataNames = [
	...followupState.vpcs.map((v) => v.VpcName),
	...followupState.securityGroups.map((g) => g.SecurityGroupName),
	...followupState.instances.map((i) => i.InstanceName),
];

/**
 * English words left on a screen once ids, addresses, commands, flags, API action names and the resources' own
 * names (and what the test typed into a filter) are taken out.
 */
function englishWords(screen: string, typed: readonly string[] = []): string[] {
	let text = screen;
	for (const name of [...dataNames, ...typed].sort((a, b) => b.length - a.length))
		text = text.split(name).join(' ');
	const stripped = text
		.split('\n')
		// Commands to run are code, not prose.
		.map((line) => line.replace(/(ecs-sg|aliyun) .*$/, ''))
		.join('\n')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\b(sg|vpc|i|vsw|rg|pl)-[a-z0-9]+\b/g, ' ')
		.replace(/\b(sg|pl)-…/g, ' ') // the shape of an id in a hint (`sg-…`, `pl-…`)
		.replace(/\b[a-z]{2}(-[a-z0-9]+)+\b/g, ' ') // region ids, template ids (web-linux)
		.replace(/\b[0-9A-F]{8}-[0-9A-F-]+\b/g, ' ') // request ids
		.replace(/--[a-z-]+/g, ' ')
		.replace(/\b(Create|Authorize|Revoke|Describe|Join|Leave|Delete)[A-Za-z]+\b/g, ' ')
		.replace(/\d+(\.\d+){3}(\/\d+)?/g, ' ')
		.replace(/[a-z]+:[-\d]+:[\d./]+/g, ' '); // PROTO:PORTS:CIDR examples
	const words = stripped.match(/[A-Za-z][A-Za-z0-9]+/g) ?? [];
	return [...new Set(words.filter((w) => !allowed.has(w.toLowerCase()) && !/^[a-z]$/i.test(w)))];
}

/** The display column where `needle` starts on `line` (CJK counts two). */
const columnOf = (line: string, needle: string): number => width(line.slice(0, line.indexOf(needle)));

describe('a create in Chinese', () => {
	it('LANG=zh_CN.UTF-8: every screen in Chinese, aligned; the group is created as shown', async () => {
		const screens: string[] = [];
		const p = startPty(['create', '--endpoint', world.sandbox.endpoint], {
			env: envOf(world, {LANG: 'zh_CN.UTF-8'}),
		});
		const see = async (needle: string | RegExp) => {
			const screen = await p.waitForText(needle);
			screens.push(screen);
			return screen;
		};
		await see('第 1 步，共 7 步');
		const regions = await see('华东1（杭州）');
		expect(regions).toContain('cn-hangzhou');
		await p.press('杭州');
		await see('（1 / 29）');
		await p.press(keys.enter);
		await see('Web Server Linux 的规则');
		// Narrow SSH in the rule editor.
		await p.press(keys.tab);
		await see('正在编辑 Web Server Linux 的规则');
		await p.press(keys.down, keys.down, 's');
		await see('TCP 22 的新授权对象');
		await p.press('\u0015', '10.0.0.0/8', keys.enter);
		await see(/入方向\s+TCP\s+22\s+10\.0\.0\.0\/8/);
		await p.press(keys.enter);
		await see('第 2 步，共 7 步');
		await p.press(keys.enter);
		await see('第 3 步，共 7 步');
		await p.press('1网站');
		await see('名称必须以字母');
		await p.press('\u0015', '网站-sg', keys.enter);
		await see('第 4 步，共 7 步');
		await p.press('网站前端', keys.enter);
		await see('第 5 步，共 7 步');
		await p.press(keys.enter);
		await see('prod');
		await p.press(keys.enter);
		const review = await see('第 7 步，共 7 步');
		// The rules table lines up whatever the script: the source column starts at the same display column.
		const lines = review.split('\n');
		const header = lines.find((l) => l.includes('授权对象')) ?? '';
		const rows = lines.filter((l) => /入方向\s+(TCP|ICMP)/.test(l));
		expect(rows).toHaveLength(4);
		for (const row of rows) {
			const cidr = /\d+\.\d+\.\d+\.\d+\/\d+/.exec(row)?.[0] ?? '?';
			expect(columnOf(row, cidr)).toBe(columnOf(header, '授权对象'));
		}
		expect(review).toMatch(/3 名称\s+网站-sg/);
		await p.press(keys.enter);
		const done = await see('后续操作');
		expect(done).toContain('r 现在添加规则');
		await p.press('q');
		expect(await p.exited).toBe(0);

		const [group] = await groupsNamed(world.ecs, region, '网站-sg');
		expect(group?.VpcId).toBe(vpcId);
		expect(done).toContain(group?.SecurityGroupId ?? 'no group');
		expect(await allRulesOf(world.ecs, region, group?.SecurityGroupId ?? '')).toEqual(
			[
				'ingress tcp 80/80 0.0.0.0/0 accept 1',
				'ingress tcp 443/443 0.0.0.0/0 accept 1',
				'ingress tcp 22/22 10.0.0.0/8 accept 1',
				'ingress icmp -1/-1 0.0.0.0/0 accept 1',
			].sort(),
		);

		for (const screen of screens) expect(englishWords(screen, ['iso']), screen).toEqual([]);
	});

	it('the follow-ups in Chinese: rules and instances screens have no English left', async () => {
		const screens: string[] = [];
		const env = envOf(world, {LANG: 'zh_CN.UTF-8'});
		const rules = startPty(['rules', '--endpoint', world.sandbox.endpoint, '--region', region], {env});
		const see = async (p: typeof rules, needle: string | RegExp) => {
			const screen = await p.waitForText(needle);
			screens.push(screen);
			return screen;
		};
		await see(rules, '（3 / 3）');
		await rules.press('web');
		await see(rules, '（1 / 3）');
		await rules.press(keys.enter);
		await see(rules, '入方向 (2)');
		await rules.press('p');
		await see(rules, '添加常用端口规则');
		await rules.press(keys.enter);
		await see(rules, /端口\s+22[\s\S]*授权对象\s+❯/);
		await rules.press(keys.enter);
		await rules.press('a');
		await see(rules, 'web 的新规则');
		await rules.press('8080', keys.down, keys.down);
		await see(rules, 'IPv4 地址或地址段');
		await rules.press('0.0.0.0/0', keys.enter);
		await see(rules, /\+ 入方向\s+TCP\s+8080/);
		await rules.press(keys.enter);
		await see(rules, '添加 2 条，删除 0 条');
		await rules.press('y');
		await see(rules, '安全组现有规则（4 条）');
		await rules.press('q');
		expect(await rules.exited).toBe(0);

		const instances = startPty(['instances', '--endpoint', world.sandbox.endpoint, '--region', region], {
			env,
		});
		await see(instances, '（3 / 3）');
		await instances.press('db');
		await see(instances, '（1 / 3）');
		await instances.press(keys.enter);
		await see(instances, '已停止');
		await instances.press('iso', ' ');
		await see(instances, '已在企业级安全组');
		await instances.press(keys.escape, keys.escape, keys.escape, keys.escape, keys.escape);
		expect(await instances.exited).toBe(130);
		for (const screen of screens) expect(englishWords(screen, ['iso']), screen).toEqual([]);
	});
});
