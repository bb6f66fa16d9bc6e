import {useCallback, useReducer, useRef} from 'react';

/**
 * State that a key handler can read back at once. Ink 6 hands every key of one stdin chunk (typed fast, or
 * pasted) to the same handler closure, so plain useState would read a stale value for the second key.
 */
export function useLiveState<T>(initial: T | (() => T)): [T, (update: (previous: T) => T) => T] {
	const ref = useRef<{value: T} | undefined>(undefined);
	if (!ref.current) ref.current = {value: typeof initial === 'function' ? (initial as () => T)() : initial};
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	const set = useCallback((update: (previous: T) => T): T => {
		const box = ref.current as {value: T};
		const next = update(box.value);
		if (!Object.is(next, box.value)) {
			box.value = next;
			rerender();
		}
		return next;
	}, []);
	return [ref.current.value, set];
}
