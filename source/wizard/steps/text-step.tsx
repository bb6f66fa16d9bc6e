import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {descriptionRules, nameRules, validateDescription, validateName} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {FitText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {StepFrame} from '../components/step-frame.js';
import {TextInput} from '../components/text-input.js';
import type {AnswerAction} from '../state.js';
import {stepTitle} from '../summary.js';
import {escLabel, type StepProps} from './step-props.js';

/** How long typing must stop before a value too short so far is called too short. */
export const pauseMs = 800;

/**
 * What differs between Name and Description: the words, the API's rule for the field (in one line, and as the
 * validator), the fewest characters it takes (a shorter value is still being typed, judged on Enter or a
 * pause), and the answer a value makes.
 */
function fieldOf(step: 'name' | 'description') {
	return step === 'name'
		? {
				purpose: t('wizard.name.purpose'),
				rule: t('wizard.name.rule'),
				placeholder: t('wizard.name.placeholder'),
				validate: validateName,
				min: nameRules.min,
				answer: (name: string): AnswerAction => ({type: 'answer', step, name}),
			}
		: {
				purpose: t('wizard.description.purpose'),
				rule: t('wizard.description.rule'),
				placeholder: t('wizard.description.placeholder'),
				validate: validateDescription,
				min: descriptionRules.min,
				answer: (description: string): AnswerAction => ({type: 'answer', step, description}),
			};
}

/** Name or Description: validates as you type (the API's exact rules) and refuses Enter with the reason. */
export function TextStep({
	state,
	dispatch,
	position,
	step,
}: StepProps & {readonly step: 'name' | 'description'}) {
	const field = fieldOf(step);
	const initialValue = state.drafts[step] ?? state.answers[step] ?? '';
	const [value, setValue] = useState(initialValue);
	const [tried, setTried] = useState(false);
	// Whether the typing has paused since the last change: a value too short so far is only judged then.
	const [paused, setPaused] = useState(true);
	useEffect(() => {
		// An empty value is never judged too short: nothing to wait for.
		if (value === '') return;
		setPaused(false);
		const timer = setTimeout(() => setPaused(true), pauseMs);
		return () => clearTimeout(timer);
	}, [value]);
	// A refusal or a bad flag value from the reducer; what the user types next is judged live, except that a
	// value shorter than the minimum is still on its way (a red "it has 1" on the first key would be noise).
	const stored = state.problems[step];
	const typing = value !== '' && [...value].length < field.min && !paused && !tried;
	const judged = field.validate(value);
	const live = typing ? undefined : judged;
	const problem = value === '' && !tried ? stored : (live ?? (value === initialValue ? stored : undefined));
	return (
		<StepFrame
			title={stepTitle(step)}
			position={position}
			purpose={field.purpose}
			problem={problem}
			hints={[
				['Enter', t('wizard.keys.next')],
				['Ctrl+U', t('wizard.keys.clear')],
				['Esc', escLabel(state)],
			]}
		>
			<FitText dimColor>{field.rule}</FitText>
			<TextInput
				initialValue={initialValue}
				placeholder={field.placeholder}
				onChange={setValue}
				onSubmit={(submitted) => {
					setTried(true);
					setPaused(true);
					dispatch(field.answer(submitted));
				}}
				onCancel={(typed) => dispatch({type: 'back', draft: {step, value: typed}})}
			/>
			{value !== '' && !judged ? (
				<Text color="green">{`${glyphs.tick} ${t('wizard.text.ok')}`}</Text>
			) : (
				<Text> </Text>
			)}
		</StepFrame>
	);
}
