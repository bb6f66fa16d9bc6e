import {cleanLine} from './sanitize.js';

/**
 * A recorded moment as a person reads it: "2026-11-29 17:40 UTC" rather than the ISO string with its seconds and
 * milliseconds (which wraps mid-word in a narrow terminal). UTC, so the same entry reads the same on every machine;
 * anything that is not a date is shown as it is, cleaned.
 */
export function shownTime(iso: string): string {
	const at = new Date(iso);
	if (!/^\d{4}-\d\d-\d\dT/.test(iso) || Number.isNaN(at.getTime())) return cleanLine(iso);
	return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
