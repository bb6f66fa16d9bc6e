import {useCallback, useEffect, useRef, useState} from 'react';
import {type Load, type Problem, problemOf} from '../cloud-data.js';

/**
 * Loads `read()` while `key` is defined (again whenever `key` changes, or `reload()` is called). An answer for an
 * older key, or one that comes after unmounting, is dropped.
 */
export function useLoad<T>(
	key: string | undefined,
	read: () => Promise<T>,
): {load: Load<T> | undefined; reload: () => void} {
	const [load, setLoad] = useState<Load<T> | undefined>();
	const [round, setRound] = useState(0);
	const reader = useRef(read);
	reader.current = read;
	// The round is part of what is asked, so reload() asks again for the same key.
	const asked = key === undefined ? undefined : `${key}#${round}`;
	useEffect(() => {
		if (asked === undefined) {
			setLoad(undefined);
			return;
		}
		let live = true;
		setLoad({state: 'loading'});
		reader.current().then(
			(value) => {
				if (live) setLoad({state: 'ready', value});
			},
			(error: unknown) => {
				if (live) setLoad({state: 'failed', problem: problemOf(error)});
			},
		);
		return () => {
			live = false;
		};
	}, [asked]);
	const reload = useCallback(() => setRound((n) => n + 1), []);
	return {load, reload};
}

export type {Load, Problem};
