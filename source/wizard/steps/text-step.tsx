import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {descriptionRules, nameRules, validateDescription, validateName} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {FitText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {StepFrame} from '../components/step-frame.js';
import {TextInput} from '../components/text-input.js';
import {stepTitle} from '../summary.js';
import {escLabel, type StepProps} from './step-props.js';

/** How long typing must stop before a value too short so far is called too short. */
export const pauseMs = 800;

type TextStepProps = StepProps & {
	readonly step: 'name' | 'description';
	readonly purpose: string;
	/** The API's rule for the field, in one line. */
	readonly rule: string;
	readonly placeholder?: string;
	readonly validate: (value: string) => string | undefined;
	/** The fewest characters the field takes: a shorter value is still being typed, judged on Enter or a pause. */
	readonly min: number;
	readonly initialValue: string;
	readonly submit: (value: string) => void;
};

/** A text step: validates as you type (the API's exact rules) and refuses Enter with the reason. */
export function TextStep(props: TextStepProps) {
	const {state, dispatch, position, step, initialValue, validate} = props;
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
	const typing = value !== '' && [...value].length < props.min && !paused && !tried;
	const judged = validate(value);
	const live = typing ? undefined : judged;
	const problem = value === '' && !tried ? stored : (live ?? (value === initialValue ? stored : undefined));
	return (
		<StepFrame
			title={stepTitle(step)}
			position={position}
			purpose={props.purpose}
			problem={problem}
			hints={[
				['Enter', t('wizard.keys.next')],
				['Ctrl+U', t('wizard.keys.clear')],
				['Esc', escLabel(state)],
			]}
		>
			<FitText dimColor>{props.rule}</FitText>
			<TextInput
				initialValue={initialValue}
				placeholder={props.placeholder}
				onChange={setValue}
				onSubmit={(submitted) => {
					setTried(true);
					setPaused(true);
					props.submit(submitted);
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

export function NameStep(props: StepProps) {
	return (
		<TextStep
			{...props}
			step="name"
			purpose={t('wizard.name.purpose')}
			rule={t('wizard.name.rule')}
			placeholder={t('wizard.name.placeholder')}
			validate={validateName}
			min={nameRules.min}
			initialValue={props.state.drafts.name ?? props.state.answers.name ?? ''}
			submit={(name) => props.dispatch({type: 'answer', step: 'name', name})}
		/>
	);
}

export function DescriptionStep(props: StepProps) {
	return (
		<TextStep
			{...props}
			step="description"
			purpose={t('wizard.description.purpose')}
			rule={t('wizard.description.rule')}
			placeholder={t('wizard.description.placeholder')}
			validate={validateDescription}
			min={descriptionRules.min}
			initialValue={props.state.drafts.description ?? props.state.answers.description ?? ''}
			submit={(description) => props.dispatch({type: 'answer', step: 'description', description})}
		/>
	);
}
