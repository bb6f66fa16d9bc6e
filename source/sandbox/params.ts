// Reading an action's parameters: present/required values, whole numbers in a range, JSON id lists and
// Tag.N pairs, each refusal worded like the API's and naming the parameter.
import {ApiError, invalidParameter, missingParameter, regionNotFound} from './api-error.js';
import {isRegion} from './regions.js';
import {tagKeyProblem, tagValueProblem} from './validate.js';

/** Decoded request parameters in a map without a prototype (`__proto__` is just a name here). */
export type Params = Readonly<Record<string, string>>;

export const value = (params: Params, name: string): string | undefined => {
	const found = params[name];
	return found === '' ? undefined : found;
};

export function required(params: Params, name: string): string {
	const found = value(params, name);
	if (found === undefined) throw missingParameter(name);
	return found;
}

export function regionParam(params: Params): string {
	const region = required(params, 'RegionId');
	if (!isRegion(region)) throw regionNotFound();
	return region;
}

export function wholeNumber(
	params: Params,
	name: string,
	range: {min: number; max: number; fallback: number},
): number {
	const text = value(params, name);
	if (text === undefined) return range.fallback;
	const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
	if (!(n >= range.min && n <= range.max)) {
		throw invalidParameter(name, `it must be a whole number from ${range.min} to ${range.max}.`);
	}
	return n;
}

/** `["sg-a","sg-b"]`, the API's way of passing id lists. */
export function jsonIdList(params: Params, name: string, max: number): string[] | undefined {
	const text = value(params, name);
	if (text === undefined) return undefined;
	let list: unknown;
	try {
		list = JSON.parse(text);
	} catch {}
	if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
		throw invalidParameter(name, 'it must be a JSON array of ids, e.g. ["id-1","id-2"].');
	}
	if (list.length > max) throw invalidParameter(name, `it may hold at most ${max} ids.`);
	return list as string[];
}

export function booleanParam(params: Params, name: string): boolean | undefined {
	const text = value(params, name);
	if (text === undefined) return undefined;
	if (text === 'true') return true;
	if (text === 'false') return false;
	throw invalidParameter(name, 'it must be true or false.');
}

export function oneOf<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
	const text = value(params, name);
	if (text === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(text)) {
		throw invalidParameter(name, `use one of ${allowed.join(', ')}.`);
	}
	return text as T;
}

/** The values of `name.N` (N from 1 to max) in the order of N; empty ones are left out. */
export function numberedParams(params: Params, name: string, max: number): string[] {
	const found: [number, string][] = [];
	for (const [key, raw] of Object.entries(params)) {
		const match = /^(\w+)\.(\d+)$/.exec(key);
		if (match?.[1] !== name) continue;
		const n = match[2] ?? '';
		if (!/^[1-9]\d*$/.test(n) || Number(n) > max) {
			throw invalidParameter(key, `${name}.N counts from 1 to ${max}.`);
		}
		if (raw !== '') found.push([Number(n), raw]);
	}
	return found.sort(([a], [b]) => a - b).map(([, text]) => text);
}

export type Tag = {key: string; value: string};

const malformedTag = (n: number, part: 'Key' | 'Value', why: string): ApiError =>
	new ApiError(400, `InvalidTag${part}.Malformed`, `The specified Tag.${n}.${part} is not valid: ${why}.`);

/** Tag.N.Key / Tag.N.Value (N 1..20; the lower-case `key`/`value` are the deprecated aliases). */
export function tagsParam(params: Params, forFilter = false): Tag[] {
	const numbers = new Set<number>();
	for (const name of Object.keys(params)) {
		const match = /^Tag\.(\d+)\.(Key|Value|key|value)$/.exec(name);
		if (!match) continue;
		const n = Number(match[1]);
		if (!/^[1-9]\d*$/.test(match[1] ?? '')) throw invalidParameter(name, 'N counts from 1.');
		numbers.add(n);
	}
	if ([...numbers].some((n) => n > 20)) {
		throw new ApiError(403, 'QuotaExceed.Tags', 'The number of tags exceeds the limit of 20.');
	}
	const tags: Tag[] = [];
	for (const n of [...numbers].sort((a, b) => a - b)) {
		const key = params[`Tag.${n}.Key`] ?? params[`Tag.${n}.key`];
		const tagValue = params[`Tag.${n}.Value`] ?? params[`Tag.${n}.value`] ?? '';
		const why =
			key === undefined || key === '' ? 'it is missing' : forFilter ? undefined : tagKeyProblem(key);
		if (why) throw malformedTag(n, 'Key', why);
		if (!forFilter) {
			const valueProblem = tagValueProblem(tagValue);
			if (valueProblem) throw malformedTag(n, 'Value', valueProblem);
			if (tags.some((tag) => tag.key === key)) {
				throw new ApiError(400, 'Duplicate.TagKey', `The tag key "${key}" is specified more than once.`);
			}
		}
		tags.push({key: key as string, value: tagValue});
	}
	return tags;
}

/** ClientToken: at most 64 ASCII characters. */
export function clientTokenParam(params: Params): string | undefined {
	const token = value(params, 'ClientToken');
	if (token !== undefined && !/^[\x20-\x7e]{1,64}$/.test(token)) {
		throw invalidParameter('ClientToken', 'it must be at most 64 ASCII characters.');
	}
	return token;
}

export type Page =
	| {mode: 'page'; number: number; size: number}
	| {mode: 'token'; offset: number; size: number};

const tokenPrefix = 'sandbox-page:';

const nextToken = (offset: number): string =>
	Buffer.from(`${tokenPrefix}${offset}`, 'utf8').toString('base64url');

/** PageNumber/PageSize, or MaxResults/NextToken where the action supports them; mixing the two is refused. */
export function pageParams(params: Params, maxSize: number, tokens: {maxResults: number} | undefined): Page {
	const tokenMode =
		tokens && (value(params, 'MaxResults') !== undefined || value(params, 'NextToken') !== undefined);
	if (!tokenMode) {
		return {
			mode: 'page',
			number: wholeNumber(params, 'PageNumber', {min: 1, max: 100_000_000, fallback: 1}),
			size: wholeNumber(params, 'PageSize', {min: 1, max: maxSize, fallback: 10}),
		};
	}
	if (value(params, 'PageNumber') !== undefined || value(params, 'PageSize') !== undefined) {
		throw invalidParameter(
			'PageNumber',
			'PageNumber and PageSize cannot be combined with MaxResults and NextToken.',
		);
	}
	const size = wholeNumber(params, 'MaxResults', {min: 1, max: tokens.maxResults, fallback: 10});
	const token = value(params, 'NextToken');
	if (token === undefined) return {mode: 'token', offset: 0, size};
	const decoded = Buffer.from(token, 'base64url').toString('utf8');
	const offset = decoded.startsWith(tokenPrefix) ? Number(decoded.slice(tokenPrefix.length)) : Number.NaN;
	if (!Number.isSafeInteger(offset) || offset < 0 || nextToken(offset) !== token) {
		throw invalidParameter('NextToken', 'it is not a token this API returned.', 'InvalidNextToken.Malformed');
	}
	return {mode: 'token', offset, size};
}

/** One page of `items` and the paging fields of the response. */
export function paginate<T>(items: readonly T[], page: Page): {slice: T[]; fields: Record<string, unknown>} {
	if (page.mode === 'page') {
		const start = (page.number - 1) * page.size;
		return {
			slice: items.slice(start, start + page.size),
			fields: {TotalCount: items.length, PageNumber: page.number, PageSize: page.size},
		};
	}
	const end = page.offset + page.size;
	return {
		slice: items.slice(page.offset, end),
		fields: {
			TotalCount: items.length,
			MaxResults: page.size,
			NextToken: end < items.length ? nextToken(end) : '',
		},
	};
}
