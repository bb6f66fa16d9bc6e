// JSON with integers beyond 2^53 written as bare numbers, like the real API's OwnerId (clients must cope:
// pop-core parses them with json-bigint). JSON.stringify cannot write them, so they travel as a marker
// string that only this process knows, and the marker is swapped for the digits at the end.
import {randomBytes} from 'node:crypto';

export class RawNumber {
	constructor(readonly digits: string) {}
}

const marker = `\u0000raw-${randomBytes(8).toString('hex')}:`;
const pattern = new RegExp(`"${marker.replace('\u0000', '\\\\u0000')}(\\d+)"`, 'g');

export function stringify(value: unknown): string {
	const text = JSON.stringify(value, (_key, item: unknown) =>
		item instanceof RawNumber && /^\d+$/.test(item.digits) ? `${marker}${item.digits}` : item,
	);
	return text.includes('raw-') ? text.replace(pattern, '$1') : text;
}
