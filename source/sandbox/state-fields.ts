// The building blocks of the state file's schemas (valibot): each field kind with its default and a message
// worded for a person editing the file, saying what would be right (state-file.ts adds the JSON path).
import * as v from 'valibot';
import {isRegion} from './regions.js';
import {isIpv4Cidr, isIpv6Cidr} from './validate.js';

export const show = (value: unknown): string => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export type Issue = {input: unknown; expected: string | null; received: string};

/** An object's own problems: a required key missing, a key it does not know (strict), or not an object. */
const objectMessage = (keys?: string) => (issue: Issue) =>
	issue.expected === 'never'
		? `unknown key (use ${keys})`
		: issue.received === 'undefined'
			? 'missing'
			: `must be an object, not ${show(issue.input)}`;

// valibot takes a list for an object (and would then report its keys missing): say what is wrong instead.
const notList = v.check(
	(value: unknown) => !Array.isArray(value),
	(issue) => `must be an object, not ${show(issue.input)}`,
);
export const strict = <T extends v.ObjectEntries>(entries: T) =>
	v.pipe(v.unknown(), notList, v.strictObject(entries, objectMessage(Object.keys(entries).join(', '))));
/** Unknown keys are kept as written. */
export const loose = <T extends v.ObjectEntries>(entries: T) =>
	v.pipe(v.unknown(), notList, v.looseObject(entries, objectMessage()));
/** Unknown keys are dropped: the record holds the fields it knows, all of them in the order of `entries`. */
export const plain = <T extends v.ObjectEntries>(entries: T) => {
	const order = Object.fromEntries(Object.keys(entries).map((key) => [key, undefined]));
	return v.pipe(
		v.unknown(),
		notList,
		v.object(entries, objectMessage()),
		v.transform((value) => ({...order, ...value}) as typeof value),
	);
};

export const string = () => v.string((issue) => `must be a string, not ${show(issue.input)}`);
/** A string that may be left out (or null) and then takes `fallback`. */
export const text = (fallback = '') => v.nullish(string(), fallback);
export const optionalText = () =>
	v.pipe(
		v.nullish(string()),
		v.transform((value) => value ?? undefined),
	);
export const bool = (fallback: boolean) =>
	v.nullish(
		v.boolean((issue) => `must be true or false, not ${show(issue.input)}`),
		fallback,
	);
const picklist = <const T extends readonly [string, ...string[]]>(allowed: T) =>
	v.picklist(allowed, (issue) => `must be one of ${allowed.join(', ')}, not ${show(issue.input)}`);
export const oneOf = <const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) =>
	v.nullish(picklist(allowed), fallback);
export const maybeOneOf = <const T extends readonly [string, ...string[]]>(allowed: T) =>
	v.pipe(
		v.nullish(picklist(allowed)),
		v.transform((value): T[number] | undefined => value ?? undefined),
	);
export const list = <T extends v.GenericSchema>(item: T) =>
	v.nullish(
		v.array(item, (issue) => `must be a list, not ${show(issue.input)}`),
		[],
	);
/** The API wraps lists (`{"VSwitchId": [...]}`); a plain list is accepted too. */
export const wrapped = <T extends v.GenericSchema>(inner: string, item: T) =>
	v.optional(
		v.pipe(
			v.unknown(),
			v.transform((value) =>
				typeof value === 'object' && value !== null && !Array.isArray(value)
					? (value as Record<string, unknown>)[inner]
					: value,
			),
			list(item),
		),
		[],
	);
export const id = (pattern: RegExp, example: string) =>
	v.pipe(
		string(),
		v.regex(pattern, (issue) => `${show(issue.input)} is not a valid id (like ${example})`),
	);
export const region = () =>
	v.pipe(
		string(),
		v.check(isRegion, (issue) => `${show(issue.input)} is not a known region`),
	);
export const cidr = (family: 'IPv4' | 'IPv6') =>
	v.nullish(
		v.pipe(
			string(),
			v.check(
				(value) => value === '' || (family === 'IPv6' ? isIpv6Cidr(value) : isIpv4Cidr(value)),
				(issue) => `${show(issue.input)} is not an ${family} CIDR block or address`,
			),
		),
		'',
	);
export const wholeNumber = (min: number, max: number) => {
	const message = (issue: {input: unknown}) =>
		`must be a whole number from ${min} to ${max}, not ${show(issue.input)}`;
	return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
};

export const tags = <K extends string, V extends string>(key: K, value: V) =>
	wrapped(
		'Tag',
		loose({[key]: string(), [value]: text()} as unknown as Record<K | V, v.GenericSchema<unknown, string>>),
	);
