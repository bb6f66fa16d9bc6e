// `ecs-sg instances` as a kind of the one follow-up flow (flow-app.tsx): the group's network (its instances and
// groups) is what is read, the instances screen is where joins and leaves are selected. InstancesFlow is what the
// create wizard's Done screen embeds; InstancesApp is the root the command renders.
import type {Members} from '../../cloud/members.js';
import {t} from '../../text/index.js';
import {CallsRunning} from './call-list.js';
import * as flow from './flow-app.js';
import {type InstancesEdit, type InstancesState, instancesPart} from './instances-state.js';
import {InstancesDone, InstancesReview, InstancesScreen} from './instances-steps.js';

export {flowOutcome as instancesOutcome} from './flow-run.js';

const kind: flow.FlowKind<InstancesState, InstancesEdit, Members> = {
	part: instancesPart,
	groupPurpose: () => t('followup.group.purposeInstances'),
	read: (services) => services.members,
	screens: {
		Edit: InstancesScreen,
		Review: InstancesReview,
		Applying: CallsRunning,
		Done: InstancesDone,
	},
};

export const InstancesFlow = (props: flow.FollowupFlowProps) => <flow.FollowupFlow kind={kind} {...props} />;

/** The root `ecs-sg instances` renders: the flow, then exit with its outcome. */
export const InstancesApp = (props: flow.FollowupAppProps) => (
	<flow.FollowupRoot flow={InstancesFlow} {...props} />
);
