// Injected failures: `ACTION:KIND[:COUNT]` makes the next COUNT calls of ACTION fail as KIND. A call counts
// when it is authenticated and names that Action (a refused signature does not use a fault up), so a test
// knows exactly which call fails. `*` matches every action.
import {allActionNames} from './actions/index.js';
import {ApiError, internalError} from './api-error.js';
import type {FaultKind, FaultSpec} from './types.js';

export const faultKinds: readonly FaultKind[] = [
	'throttle',
	'unavailable',
	'internal',
	'reset',
	'hang',
	'lose',
];

type FaultProblem = {error: string; reason: 'format' | 'action' | 'kind' | 'count'};

/** Parses ACTION:KIND[:COUNT] (COUNT default 1); returns {error} with a sentence when malformed. */
export function parseFault(spec: string): FaultSpec | FaultProblem {
	const parts = spec.split(':');
	if (parts.length < 2 || parts.length > 3 || parts.some((part) => part.trim() === '')) {
		return {
			reason: 'format',
			error: `"${spec}" is not a fault: write ACTION:KIND[:COUNT], e.g. CreateSecurityGroup:throttle:2.`,
		};
	}
	const [action = '', kind = '', count = '1'] = parts.map((part) => part.trim());
	if (action !== '*' && !allActionNames.includes(action)) {
		return {
			reason: 'action',
			error: `"${action}" is not an action the sandbox answers: use one of ${allActionNames.join(', ')}, or *.`,
		};
	}
	if (!(faultKinds as readonly string[]).includes(kind)) {
		return {reason: 'kind', error: `"${kind}" is not a fault kind: use one of ${faultKinds.join(', ')}.`};
	}
	if (!/^[1-9]\d{0,8}$/.test(count)) {
		return {reason: 'count', error: `"${count}" is not a count: use a whole number from 1 to 999999999.`};
	}
	return {action, kind: kind as FaultKind, count: Number(count)};
}

/** The pending faults, used up in the order they were added. */
export class FaultBook {
	private readonly pending: FaultSpec[] = [];

	add(fault: FaultSpec): void {
		if (fault.count > 0) this.pending.push({...fault});
	}

	/** The fault this call of `action` must suffer, if any (and one use of it is spent). */
	take(action: string): FaultKind | undefined {
		const index = this.pending.findIndex((fault) => fault.action === action || fault.action === '*');
		if (index < 0) return undefined;
		const fault = this.pending[index] as FaultSpec;
		fault.count -= 1;
		if (fault.count <= 0) this.pending.splice(index, 1);
		return fault.kind;
	}
}

/** The refusal a fault answers with; `reset`, `hang` and `lose` answer nothing (the server drops the socket). */
export const faultErrors: Partial<Record<FaultKind, () => ApiError>> = {
	throttle: () => new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.'),
	unavailable: () =>
		new ApiError(
			503,
			'ServiceUnavailable',
			'The request has failed due to a temporary failure of the server.',
		),
	internal: internalError,
};
