// Security lint: what the Review screen and the flags path warn about before anything is created.

import {t} from '../text/index.js';
import type {Rule} from './model.js';
import {anywhere, showPorts} from './rules.js';

const adminPorts: Record<number, string> = {22: 'SSH', 3389: 'RDP'};
const dataPorts: Record<number, string> = {
	3306: 'MySQL',
	5432: 'PostgreSQL',
	6379: 'Redis',
	27017: 'MongoDB',
	9200: 'Elasticsearch',
	1433: 'SQL Server',
};

const opensPort = (rule: Rule, port: number): boolean => {
	if (rule.protocol === 'all') return true;
	if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return false;
	const [from = 0, to = 0] = rule.portRange.split('/').map(Number);
	return from <= port && port <= to;
};

const isWorld = (cidr: string): boolean => cidr === anywhere || cidr === '0.0.0.0';

export type Warning = {rule: Rule; message: string};

/** Warnings for accept rules that open remote administration, databases or everything to the internet. */
export function lintRules(rules: readonly Rule[]): Warning[] {
	const warnings: Warning[] = [];
	for (const rule of rules) {
		if (rule.direction !== 'ingress' || rule.policy !== 'accept' || !isWorld(rule.cidr)) continue;
		if (rule.protocol === 'all') {
			warnings.push({rule, message: t('domain.lint.all')});
			continue;
		}
		for (const [port, service] of Object.entries(adminPorts)) {
			if (opensPort(rule, Number(port))) {
				warnings.push({rule, message: t('domain.lint.admin', {service, port, ports: showPorts(rule)})});
			}
		}
		const [from = 0, to = 0] = rule.portRange.split('/').map(Number);
		if (to - from >= 100) {
			warnings.push({rule, message: t('domain.lint.wide', {ports: showPorts(rule)})});
			continue;
		}
		for (const [port, service] of Object.entries(dataPorts)) {
			if (opensPort(rule, Number(port)))
				warnings.push({rule, message: t('domain.lint.data', {service, port})});
		}
	}
	return warnings;
}
