// The active step of the create wizard (region to review), with the choices made for the last group created.
import {useMemo} from 'react';
import type {Settings} from '../config/types.js';
import {type TemplateId, templateIds} from '../domain/rules.js';
import {safe} from './followup/flow-app.js';
import type {WizardServices} from './services.js';
import {activeSteps, assertNever} from './state.js';
import {NetworkStep} from './steps/network.js';
import {RegionStep} from './steps/region.js';
import {ReviewStep} from './steps/review.js';
import type {StepProps} from './steps/step-props.js';
import {type TemplateSeed, TemplateStep} from './steps/template.js';
import {TextStep} from './steps/text-step.js';
import {VpcStep} from './steps/vpc.js';

type StepViewProps = Omit<StepProps, 'position'> & {
	readonly services: WizardServices;
	readonly seed: TemplateSeed;
	readonly confirm: () => void;
};

/** The active step only, keyed by its id so its input state starts fresh each visit. */
export function StepView({services, seed, confirm, ...props}: StepViewProps) {
	const last = useMemo(() => lastChoices(services.settings), [services.settings]);
	const list = activeSteps(props.state.answers);
	const {step} = props.state;
	const position = {index: list.indexOf(step) + 1, total: list.length};
	const common = {...props, position};
	const regionId = props.state.answers.regionId;
	switch (step) {
		case 'region':
			return (
				<RegionStep key={step} {...common} lastUsed={last.region()} profileRegion={services.defaultRegion} />
			);
		case 'template':
			return <TemplateStep key={step} {...common} seed={seed} lastUsed={last.template()} />;
		case 'name':
		case 'description':
			return <TextStep key={step} {...common} step={step} />;
		case 'network':
			return <NetworkStep key={step} {...common} />;
		case 'vpc':
			return (
				<VpcStep
					key={`${step}-${regionId}`}
					{...common}
					lastUsed={regionId ? last.vpc(regionId) : undefined}
				/>
			);
		case 'review':
			return <ReviewStep key={step} {...common} onConfirm={confirm} />;
		default:
			return assertNever(step);
	}
}

/**
 * The choices made for the last group created, each read from the settings file the first time its step shows
 * rather than on every render (the app renders on every load it hears of; the wizard remembers only at the end).
 */
function lastChoices(settings: Settings | undefined) {
	const known = new Map<string, string | undefined>();
	const read = (key: string, get: (from: Settings) => string | undefined): string | undefined => {
		if (!known.has(key)) known.set(key, settings ? safe(() => get(settings)) : undefined);
		return known.get(key);
	};
	return {
		region: () => read('region', (from) => from.lastRegion()),
		/** Only when it is still one of ours. */
		template: (): TemplateId | undefined => {
			const last = read('template', (from) => from.lastTemplate());
			return templateIds.find((id) => id === last);
		},
		vpc: (regionId: string) => read(`vpc:${regionId}`, (from) => from.lastVpc(regionId)),
	};
}
