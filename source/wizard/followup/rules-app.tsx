// `ecs-sg rules` as a kind of the one follow-up flow (flow-app.tsx): the group's rules are what is read, the
// rules screen (with its presets and the rule form) is where changes are marked. RulesFlow is the part the create
// wizard's Done screen embeds; RulesApp is the root the command renders.
import {t} from '../../text/index.js';
import * as flow from './flow-app.js';
import {flowOutcome} from './flow-run.js';
import {PresetScreen, RuleFormStep, useVpcCidr} from './rule-forms.js';
import {ApplyingScreen, RulesDone, RulesReview} from './rules-result.js';
import {type RulesEdit, type RulesState, rulesPart} from './rules-state.js';
import {RulesScreen} from './rules-steps.js';
import type {FollowupOutcome} from './services.js';

/** The outcome once the flow has ended; undefined while it runs (or waits for the call in flight). */
export const rulesOutcome = (state: RulesState): FollowupOutcome | undefined => flowOutcome(state);

/** The rules screen, or the form it opened. */
function RulesEditing(props: flow.EditProps<RulesState, RulesEdit>) {
	const {services, state} = props;
	const vpcCidr = useVpcCidr(services, state.regionId, state.group?.vpcId || undefined);
	if (props.state.step === 'preset') return <PresetScreen {...props} vpcCidr={vpcCidr} />;
	if (props.state.step === 'manual' || props.state.step === 'edit') return <RuleFormStep {...props} />;
	return <RulesScreen {...props} />;
}

const kind = flow.flowKind({
	part: rulesPart,
	groupPurpose: () => t('followup.group.purposeRules'),
	read: ({api}) => api.describeSecurityGroupAttribute.bind(api),
	screens: {Edit: RulesEditing, Review: RulesReview, Applying: ApplyingScreen, Done: RulesDone},
});

export type RulesFlowProps = flow.FollowupFlowProps;
export const RulesFlow = (props: RulesFlowProps) => <flow.FollowupFlow kind={kind} {...props} />;

export type RulesAppProps = flow.FollowupAppProps;
/** The root `ecs-sg rules` renders: the flow, then exit with its outcome. */
export const RulesApp = (props: RulesAppProps) => <flow.FollowupRoot flow={RulesFlow} {...props} />;
