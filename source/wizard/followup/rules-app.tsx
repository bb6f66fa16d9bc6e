// `ecs-sg rules` as a kind of the one follow-up flow (flow-app.tsx): the group's rules are what is read, the
// rules screen (with its presets and the rule form) is where changes are marked. RulesFlow is the part the create
// wizard's Done screen embeds; RulesApp is the root the command renders.
import type {SecurityGroupDetail} from '../../domain/model.js';
import {t} from '../../text/index.js';
import * as flow from './flow-app.js';
import {PresetScreen, RuleFormStep, useVpcCidr} from './rule-forms.js';
import {ApplyingScreen, RulesDone, RulesReview} from './rules-result.js';
import {type RulesEdit, type RulesState, rulesPart} from './rules-state.js';
import {RulesScreen} from './rules-steps.js';

export {flowOutcome as rulesOutcome} from './flow-run.js';

/** The rules screen, or the form it opened. */
function RulesEditing(props: flow.EditProps<RulesState, RulesEdit>) {
	const {services, state} = props;
	const vpcCidr = useVpcCidr(services, state.regionId, state.group?.vpcId || undefined);
	if (props.state.step === 'preset') return <PresetScreen {...props} vpcCidr={vpcCidr} />;
	if (props.state.step === 'manual' || props.state.step === 'edit') return <RuleFormStep {...props} />;
	return <RulesScreen {...props} />;
}

const kind: flow.FlowKind<RulesState, RulesEdit, SecurityGroupDetail> = {
	part: rulesPart,
	groupPurpose: () => t('followup.group.purposeRules'),
	read: ({api}) => api.describeSecurityGroupAttribute.bind(api),
	screens: {Edit: RulesEditing, Review: RulesReview, Applying: ApplyingScreen, Done: RulesDone},
};

export const RulesFlow = (props: flow.FollowupFlowProps) => <flow.FollowupFlow kind={kind} {...props} />;

/** The root `ecs-sg rules` renders: the flow, then exit with its outcome. */
export const RulesApp = (props: flow.FollowupAppProps) => <flow.FollowupRoot flow={RulesFlow} {...props} />;
