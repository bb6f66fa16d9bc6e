// DescribeAccountAttributes: which network types a region still offers for new instances
// (`instance-network-type`: vpc, plus classic for the account's classicRegions) and the group quota.
import {numberedParams, regionParam} from '../params.js';
import type {ActionHandler} from './context.js';

const known = ['instance-network-type', 'max-security-groups'];

export const describeAccountAttributes: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const {account} = ctx.world;
	const asked = numberedParams(params, 'AttributeName', 8);
	const items = (asked.length > 0 ? asked : known).flatMap((name) => {
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
