// Esc on the first step after answers were given: asked before they are thrown away (y quits; n, Esc or Enter
// stays on the step). Ctrl+C still leaves at once: that key says it means it.
import {Box} from 'ink';
import type {Dispatch} from 'react';
import {t} from '../../text/index.js';
import {WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {KeyHints} from '../components/key-hints.js';
import {answeredHere, type WizardAction, type WizardState} from '../state.js';

export function QuitQuestion({
	state,
	dispatch,
}: {
	readonly state: WizardState;
	readonly dispatch: Dispatch<WizardAction>;
}) {
	useKeys((input, key) => {
		if (input === 'y' || input === 'Y') dispatch({type: 'quit-answer', quit: true});
		else if (input === 'n' || input === 'N' || key.escape || key.return)
			dispatch({type: 'quit-answer', quit: false});
	});
	const count = Math.max(1, answeredHere(state).length);
	return (
		<Box flexDirection="column">
			<WrapText color="yellow" lead={glyphs.warning}>
				{count === 1 ? t('truth.quit.askOne') : t('truth.quit.ask', {count})}
			</WrapText>
			<KeyHints
				hints={[
					['y', t('truth.keys.quit')],
					['n/Esc', t('truth.keys.stay')],
				]}
			/>
		</Box>
	);
}
