// Ids that look like the real ones: a prefix, two characters that hint at the region (as Alibaba's do:
// `bp` Hangzhou, `uf` Shanghai, ...), then random lower-case letters and digits.
import {createHash, randomBytes, randomUUID} from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

const knownRegionHints: Readonly<Record<string, string>> = {
	'cn-hangzhou': 'bp',
	'cn-shanghai': 'uf',
	'cn-beijing': '2z',
	'cn-shenzhen': 'wz',
	'cn-qingdao': 'm5',
	'cn-zhangjiakou': '8v',
	'cn-huhehaote': 'hp',
	'cn-chengdu': '2v',
	'cn-hongkong': 'j6',
	'ap-southeast-1': 't4',
	'ap-northeast-1': '6w',
	'us-west-1': 'rj',
	'us-east-1': '0x',
	'eu-central-1': 'gw',
};

export function regionHint(regionId: string): string {
	const known = knownRegionHints[regionId];
	if (known) return known;
	const digest = createHash('sha1').update(regionId).digest();
	return `${alphabet[(digest[0] ?? 0) % 36]}${alphabet[(digest[1] ?? 0) % 36]}`;
}

export function randomChars(count: number): string {
	const bytes = randomBytes(count);
	let out = '';
	for (const byte of bytes) out += alphabet[byte % 36];
	return out;
}

/** Deterministic characters from a seed string (for the seeded state, which is the same on every machine). */
export function seededChars(seed: string, count: number): string {
	let out = '';
	let round = 0;
	while (out.length < count) {
		const digest = createHash('sha256').update(`${seed}#${round++}`).digest();
		for (const byte of digest) {
			if (out.length === count) break;
			out += alphabet[byte % 36];
		}
	}
	return out;
}

/** The seeded state's time and ids: the same on every machine, derived from the record's name. */
export const seedTime = '2024-03-01T08:00:00Z';
export const seededId = (prefix: string, regionId: string, name: string): string =>
	`${prefix}-${regionHint(regionId)}${seededChars(`${prefix}/${regionId}/${name}`, 18)}`;

/** `sg-` + 20 characters (2 of region hint + 18 random), unique among `taken`. */
export function newId(prefix: string, regionId: string, taken: (id: string) => boolean): string {
	for (;;) {
		const id = `${prefix}-${regionHint(regionId)}${randomChars(18)}`;
		if (!taken(id)) return id;
	}
}

export const newRequestId = (): string => randomUUID().toUpperCase();

/** `2019-11-01T06:08:46Z`: the API's time format, without milliseconds. */
export const apiTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
