// What the wizard asks and the flags answer: one object, filled step by step.
import type {GroupType, NetworkType, Rule, Tag} from './model.js';
import type {TemplateId} from './rules.js';

export type Answers = {
	regionId: string;
	template: TemplateId;
	/** The inbound rules to apply: the template's, as edited, plus any added. */
	rules: Rule[];
	name: string;
	/** Empty means no description. */
	description: string;
	network: NetworkType;
	/** Set when network is `vpc`. */
	vpcId?: string;
	type: GroupType;
	resourceGroupId?: string;
	tags: Tag[];
};
