// DescribeAccountAttributes: which network types a region still offers for new instances
// (`instance-network-type`: vpc, plus classic for the account's classicRegions) and the group quota.
import {invalidParameter} from '../api-error.js';
import {type Params, regionParam} from '../params.js';
import type {ActionHandler} from './context.js';

const known = ['instance-network-type', 'max-security-groups'];

function attributeNames(params: Params): string[] {
	const names: {n: number; name: string}[] = [];
	for (const key of Object.keys(params)) {
		const match = /^AttributeName\.(\d+)$/.exec(key);
		if (!match) continue;
		const n = Number(match[1]);
		if (!/^[1-9]\d*$/.test(match[1] ?? '') || n > 8) {
			throw invalidParameter(key, 'AttributeName.N counts from 1 to 8.');
		}
		if (params[key] !== '') names.push({n, name: params[key] as string});
	}
	return names.length === 0 ? known : names.sort((a, b) => a.n - b.n).map((entry) => entry.name);
}

export const describeAccountAttributes: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const {account} = ctx.world;
	const items = attributeNames(params).flatMap((name) => {
		if (name === 'instance-network-type') {
			const types = account.classicRegions.includes(region) ? ['vpc', 'classic'] : ['vpc'];
			return [
				{AttributeName: name, AttributeValues: {ValueItem: types.map((type) => ({Value: type, Count: 1}))}},
			];
		}
		if (name === 'max-security-groups') {
			return [
				{
					AttributeName: name,
					AttributeValues: {ValueItem: [{Value: String(account.maxSecurityGroups), Count: 1}]},
				},
			];
		}
		return [];
	});
	return {AccountAttributeItems: {AccountAttributeItem: items}};
};
