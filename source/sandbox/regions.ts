// The public regions ECS offers today (checked against Alibaba Cloud's ECS endpoint list of January 2026 and
// region announcements): Sydney (ap-southeast-2) and Mumbai (ap-south-1) closed in 2024 and are left out.
// Local names are those DescribeRegions answers in zh-CN (the default) and en-US.

type RegionInfo = {id: string; en: string; zh: string; zones: readonly string[]};

export const regions: readonly RegionInfo[] = [
	{id: 'cn-qingdao', en: 'China (Qingdao)', zh: '华北1（青岛）', zones: ['b', 'c']},
	{id: 'cn-beijing', en: 'China (Beijing)', zh: '华北2（北京）', zones: ['g', 'h', 'i', 'k', 'l']},
	{id: 'cn-zhangjiakou', en: 'China (Zhangjiakou)', zh: '华北3（张家口）', zones: ['a', 'b', 'c']},
	{id: 'cn-huhehaote', en: 'China (Hohhot)', zh: '华北5（呼和浩特）', zones: ['a', 'b']},
	{id: 'cn-wulanchabu', en: 'China (Ulanqab)', zh: '华北6（乌兰察布）', zones: ['a', 'b', 'c']},
	{id: 'cn-hangzhou', en: 'China (Hangzhou)', zh: '华东1（杭州）', zones: ['h', 'i', 'j', 'k']},
	{id: 'cn-shanghai', en: 'China (Shanghai)', zh: '华东2（上海）', zones: ['e', 'f', 'g', 'l', 'm']},
	{id: 'cn-nanjing', en: 'China (Nanjing - Local Region)', zh: '华东5（南京-本地地域）', zones: ['a']},
	{id: 'cn-fuzhou', en: 'China (Fuzhou - Local Region)', zh: '华东6（福州-本地地域）', zones: ['a']},
	{id: 'cn-wuhan-lr', en: 'China (Wuhan - Local Region)', zh: '华中1（武汉-本地地域）', zones: ['a']},
	{id: 'cn-shenzhen', en: 'China (Shenzhen)', zh: '华南1（深圳）', zones: ['c', 'd', 'e', 'f']},
	{id: 'cn-heyuan', en: 'China (Heyuan)', zh: '华南2（河源）', zones: ['a', 'b']},
	{id: 'cn-guangzhou', en: 'China (Guangzhou)', zh: '华南3（广州）', zones: ['a', 'b']},
	{id: 'cn-chengdu', en: 'China (Chengdu)', zh: '西南1（成都）', zones: ['a', 'b']},
	{id: 'cn-hongkong', en: 'China (Hong Kong)', zh: '中国香港', zones: ['b', 'c', 'd']},
	{id: 'ap-northeast-1', en: 'Japan (Tokyo)', zh: '日本（东京）', zones: ['a', 'b', 'c']},
	{id: 'ap-northeast-2', en: 'South Korea (Seoul)', zh: '韩国（首尔）', zones: ['a']},
	{id: 'ap-southeast-1', en: 'Singapore', zh: '新加坡', zones: ['a', 'b', 'c']},
	{id: 'ap-southeast-3', en: 'Malaysia (Kuala Lumpur)', zh: '马来西亚（吉隆坡）', zones: ['a', 'b']},
	{id: 'ap-southeast-5', en: 'Indonesia (Jakarta)', zh: '印度尼西亚（雅加达）', zones: ['a', 'b', 'c']},
	{id: 'ap-southeast-6', en: 'Philippines (Manila)', zh: '菲律宾（马尼拉）', zones: ['a', 'b']},
	{id: 'ap-southeast-7', en: 'Thailand (Bangkok)', zh: '泰国（曼谷）', zones: ['a']},
	{id: 'us-east-1', en: 'US (Virginia)', zh: '美国（弗吉尼亚）', zones: ['a', 'b']},
	{id: 'us-west-1', en: 'US (Silicon Valley)', zh: '美国（硅谷）', zones: ['a', 'b']},
	{id: 'na-south-1', en: 'Mexico', zh: '墨西哥', zones: ['a']},
	{id: 'eu-west-1', en: 'UK (London)', zh: '英国（伦敦）', zones: ['a', 'b']},
	{id: 'eu-central-1', en: 'Germany (Frankfurt)', zh: '德国（法兰克福）', zones: ['a', 'b', 'c']},
	{id: 'me-east-1', en: 'UAE (Dubai)', zh: '阿联酋（迪拜）', zones: ['a', 'b']},
	{
		id: 'me-central-1',
		en: 'Saudi Arabia (Riyadh - Partner Region)',
		zh: '沙特（利雅得）- 合作伙伴运营',
		zones: ['a'],
	},
];

const byId = new Map(regions.map((region) => [region.id, region]));

export const findRegion = (id: string): RegionInfo | undefined => byId.get(id);
export const isRegion = (id: string): boolean => byId.has(id);

/** cn-hangzhou answers with the central endpoint, every other region with its own (as the live API does). */
export const regionEndpoint = (id: string): string =>
	id === 'cn-hangzhou' ? 'ecs.aliyuncs.com' : `ecs.${id}.aliyuncs.com`;

/** Old accounts still see classic here (DescribeAccountAttributes `instance-network-type`); see the README. */
export const defaultClassicRegions: readonly string[] = [
	'cn-qingdao',
	'cn-beijing',
	'cn-hangzhou',
	'cn-shanghai',
	'cn-shenzhen',
];
