// Where each call goes (alibaba-api.md §3.3): ECS to the region's RegionEndpoint from DescribeRegions, else
// ecs.<region>.aliyuncs.com; VPC to vpc.<region>.aliyuncs.com; DescribeRegions to the central ecs.aliyuncs.com.
// An override (--endpoint, the sandbox) sends every call, ECS and VPC, to one URL.

export const apiVersions = {ecs: '2014-05-26', vpc: '2016-04-28'} as const;
export type Product = keyof typeof apiVersions;

export const centralEcsEndpoint = 'https://ecs.aliyuncs.com';

/** A host (`ecs.cn-hangzhou.aliyuncs.com`) or a URL, as a URL without a trailing slash. */
export function toUrl(hostOrUrl: string): string {
	const url = /^https?:\/\//i.test(hostOrUrl) ? hostOrUrl : `https://${hostOrUrl}`;
	return url.replace(/\/+$/, '');
}

export type EndpointOptions = {
	override?: string;
	/** The ECS endpoint a region list gave for this region (host or URL). */
	regionEndpoint?: (regionId: string) => string | undefined;
};

export function endpointFor(
	product: Product,
	regionId: string | undefined,
	options: EndpointOptions,
): string {
	if (options.override) return toUrl(options.override);
	if (regionId === undefined) return centralEcsEndpoint;
	if (product === 'vpc') return `https://vpc.${regionId}.aliyuncs.com`;
	const known = options.regionEndpoint?.(regionId);
	return known ? toUrl(known) : `https://ecs.${regionId}.aliyuncs.com`;
}
