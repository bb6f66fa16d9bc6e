import {Text} from 'ink';
import {useState} from 'react';
import {validateDescription, validateName} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {FitText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {StepFrame} from '../components/step-frame.js';
import {TextInput} from '../components/text-input.js';
import {stepTitle} from '../summary.js';
import type {StepProps} from './step-props.js';

type TextStepProps = StepProps & {
	readonly step: 'name' | 'description';
	readonly purpose: string;
	/** The API's rule for the field, in one line. */
	readonly rule: string;
	readonly placeholder?: string;
	readonly validate: (value: string) => string | undefined;
	readonly initialValue: string;
	readonly submit: (value: string) => void;
};

/** A text step: validates as you type (the API's exact rules) and refuses Enter with the reason. */
export function TextStep(props: TextStepProps) {
	const {state, dispatch, position, step, initialValue, validate} = props;
	const [value, setValue] = useState(initialValue);
	const [tried, setTried] = useState(false);
	// A refusal or a bad flag value from the reducer; what the user types next is judged live.
	const stored = state.problems[step];
	const live = validate(value);
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
				['Esc', t('wizard.keys.back')],
			]}
		>
			<FitText dimColor>{props.rule}</FitText>
			<TextInput
				initialValue={initialValue}
				placeholder={props.placeholder}
				onChange={setValue}
				onSubmit={(submitted) => {
					setTried(true);
					props.submit(submitted);
				}}
				onCancel={() => dispatch({type: 'back'})}
			/>
			{value !== '' && !live ? (
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
			initialValue={props.state.answers.name ?? ''}
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
			initialValue={props.state.answers.description ?? ''}
			submit={(description) => props.dispatch({type: 'answer', step: 'description', description})}
		/>
	);
}
