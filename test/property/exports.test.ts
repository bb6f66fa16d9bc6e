// Whatever a name, description or tag holds, the exports quote it so that a shell or Terraform reads back
// exactly the value (no injection, nothing lost), and the aliyun script always parses into the plan's calls.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {exportAliyun, shellQuote} from '../../source/domain/export-aliyun.js';
import {exportTerraform, hclString} from '../../source/domain/export-terraform.js';
import {authorizeParams, createParams, planFromAnswers, specOf} from '../../source/domain/plan.js';
import {answers, tcp} from '../submit/fixtures.js';
import {parseAliyunScript, shellWords} from '../submit/shell.js';
import {hclValue, parseTerraform} from '../submit/terraform.js';
import {runs} from './runs.js';

const each = runs(300, 5_000);
// Printable text without line breaks (validators refuse nothing else that matters here).
const text = fc.string({
	unit: fc.constantFrom(...' aZ09\'"$`\\{}%!;&|<>()*?[]#~-=/.:_网站\t'.split('')),
	minLength: 2,
});

describe('export quoting', () => {
	it('a shell reads back every quoted word as it was', () => {
		fc.assert(
			fc.property(text, (value) => {
				expect(shellWords(`x ${shellQuote(value)} y`)).toEqual(['x', value, 'y']);
			}),
			each,
		);
	});

	it('an HCL string literal reads back as it was', () => {
		fc.assert(
			fc.property(text, (value) => {
				expect(hclValue(hclString(value))).toBe(value);
			}),
			each,
		);
	});

	it('the aliyun script and the Terraform file carry every value exactly', () => {
		fc.assert(
			fc.property(text, text, text, (description, key, value) => {
				const plan = planFromAnswers(
					answers({
						description,
						tags: [{key: `k${key}`, value}],
						rules: [{...tcp(22), description: value}, tcp(80)],
					}),
				);
				const spec = specOf(plan);
				const calls = parseAliyunScript(exportAliyun(plan), {SG_ID: 'sg-1'});
				expect(calls[0]?.params).toEqual(Object.fromEntries(createParams(spec)));
				expect(calls[1]?.params).toEqual(
					Object.fromEntries(authorizeParams(spec.regionId, 'sg-1', spec.rules, spec.nicType)),
				);
				const blocks = parseTerraform(exportTerraform(plan));
				const group = blocks.find((b) => b.type === 'alicloud_security_group');
				expect(group?.attributes.description).toBe(description);
				expect(group?.maps.tags).toEqual({[`k${key}`]: value});
				expect(
					blocks.filter((b) => b.type === 'alicloud_security_group_rule')[0]?.attributes.description,
				).toBe(value);
			}),
			each,
		);
	});
});
