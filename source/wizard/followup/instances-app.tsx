// `ecs-sg instances` as a kind of the one follow-up flow (flow-app.tsx): the group's network (its instances and
// groups) is what is read, the instances screen is where joins and leaves are selected. InstancesFlow is what the
// create wizard's Done screen embeds; InstancesApp is the root the command renders.
import {t} from '../../text/index.js';
import * as flow from './flow-app.js';
import {flowOutcome} from './flow-run.js';
import {type InstancesEdit, type InstancesState, instancesPart} from './instances-state.js';
import {InstancesApplying, InstancesDone, InstancesReview, InstancesScreen} from './instances-steps.js';
import type {FollowupOutcome} from './services.js';

export const instancesOutcome = (state: InstancesState): FollowupOutcome | undefined => flowOutcome(state);

const InstancesEditing = ({services, ...props}: flow.EditProps<InstancesState, InstancesEdit>) => (
	<InstancesScreen {...props} sandbox={services.sandbox === true} />
);

const kind = flow.flowKind({
	part: instancesPart,
	groupPurpose: () => t('followup.group.purposeInstances'),
	read: (services) => services.members,
	screens: {
		Edit: InstancesEditing,
		Review: InstancesReview,
		Applying: InstancesApplying,
		Done: InstancesDone,
	},
});

export type InstancesFlowProps = flow.FollowupFlowProps;
export const InstancesFlow = (props: InstancesFlowProps) => <flow.FollowupFlow kind={kind} {...props} />;

export type InstancesAppProps = flow.FollowupAppProps;
/** The root `ecs-sg instances` renders: the flow, then exit with its outcome. */
export const InstancesApp = (props: InstancesAppProps) => (
	<flow.FollowupRoot flow={InstancesFlow} {...props} />
);
