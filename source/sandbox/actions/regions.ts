// DescribeRegions: the built-in region list, named in zh-CN (the default) or en-US.
import {ApiError} from '../api-error.js';
import {value} from '../params.js';
import {regionEndpoint, regions} from '../regions.js';
import type {ActionHandler} from './context.js';

const resourceTypes = ['instance', 'disk', 'reservedinstance', 'scu'];

export const describeRegions: ActionHandler = (_ctx, params) => {
	const language = value(params, 'AcceptLanguage') ?? 'zh-CN';
	if (language !== 'zh-CN' && language !== 'en-US') {
		throw new ApiError(404, 'InvalidAcceptLanguage.NotFound', 'The specified AcceptLanguage is not found.');
	}
	const resourceType = value(params, 'ResourceType');
	if (resourceType !== undefined && !resourceTypes.includes(resourceType)) {
		throw new ApiError(404, 'InvalidResourceType.NotFound', 'The specified ResourceType is not found.');
	}
	return {
		Regions: {
			Region: regions.map((region) => ({
				RegionId: region.id,
				LocalName: language === 'en-US' ? region.en : region.zh,
				RegionEndpoint: regionEndpoint(region.id),
				Status: 'available',
			})),
		},
	};
};
