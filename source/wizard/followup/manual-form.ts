// Adding a rule by hand, one field at a time (protocol, ports, source or destination, policy, priority,
// description), each checked by the domain's validators as it is answered. Pure: the screen keeps a ManualForm
// and calls these.
import type {Direction, Policy, Protocol, Rule} from '../../domain/model.js';
import {networkOf, parsePeer, peerOfText, peerText} from '../../domain/peers.js';
import {normalisePorts, showPorts} from '../../domain/rules.js';
import {
	isPolicy,
	portlessProtocols,
	validatePolicy,
	validatePortRange,
	validatePriority,
	validateProtocol,
	validateProtocolForPeer,
	validateRuleDescription,
} from '../../domain/validators.js';
import {cleanLine, t} from '../../text/index.js';

export const formFields = ['protocol', 'ports', 'cidr', 'policy', 'priority', 'description'] as const;
export type FormField = (typeof formFields)[number];

export type ManualForm = {
	readonly direction: Direction;
	readonly field: FormField;
	readonly protocol?: Protocol;
	/** The API's `start/end`. */
	readonly portRange?: string;
	/** What the person typed for the ports (shown again when they come back to the field). */
	readonly portsTyped?: string;
	readonly cidr?: string;
	readonly policy?: Policy;
	readonly priority?: number;
	/** The description so far (an edit starts from the rule's). */
	readonly description?: string;
};

export const newForm = (direction: Direction): ManualForm => ({direction, field: 'protocol'});

/** The form filled in from a rule, to edit it (the same fields, each shown with its value). */
export const formOf = (rule: Rule): ManualForm => ({
	direction: rule.direction,
	field: 'protocol',
	protocol: rule.protocol,
	portRange: rule.portRange,
	portsTyped: showPorts(rule),
	cidr: peerText(rule.peer),
	policy: rule.policy,
	priority: rule.priority,
	...(rule.description ? {description: rule.description} : {}),
});

const isPortless = (protocol: Protocol | undefined): boolean =>
	protocol !== undefined && (portlessProtocols as readonly string[]).includes(protocol);

/** The fields this form asks (no ports for icmp, gre and all). */
export const activeFields = (form: Pick<ManualForm, 'protocol'>): FormField[] =>
	formFields.filter((f) => f !== 'ports' || !isPortless(form.protocol));

export type FormStep =
	| {kind: 'next'; form: ManualForm}
	| {kind: 'problem'; problem: string}
	| {kind: 'rule'; rule: Rule};

function advance(form: ManualForm): ManualForm {
	const list = activeFields(form);
	const at = list.indexOf(form.field);
	return {...form, field: list[at + 1] ?? form.field};
}

/** Answers the current field: the next field, a refusal naming the rule broken, or (after the last) the rule. */
export function answerField(form: ManualForm, raw: string): FormStep {
	const value = raw.trim();
	switch (form.field) {
		case 'protocol': {
			const problem = validateProtocol(value);
			if (problem) return {kind: 'problem', problem};
			const protocol = value.toLowerCase() as Protocol;
			const changed = protocol !== form.protocol;
			const next: ManualForm = {
				...form,
				protocol,
				...(changed ? {portRange: isPortless(protocol) ? '-1/-1' : undefined, portsTyped: undefined} : {}),
			};
			return {kind: 'next', form: advance(next)};
		}
		case 'ports': {
			const protocol = form.protocol ?? 'tcp';
			const portRange = normalisePorts(protocol, value);
			const problem = validatePortRange(protocol, portRange, value);
			if (problem) return {kind: 'problem', problem};
			return {kind: 'next', form: advance({...form, portRange, portsTyped: value})};
		}
		case 'cidr': {
			// The checks --rule makes of its peer (domain/rules.ts parseRuleSpec), in its order.
			const parsed = parsePeer(value);
			if (!parsed.ok) return {kind: 'problem', problem: parsed.problem};
			const network = networkOf(parsed.peer);
			if (network)
				return {kind: 'problem', problem: t('domain.peer.hostBits', {value: cleanLine(value), network})};
			const pairing = validateProtocolForPeer(form.protocol ?? 'tcp', parsed.peer);
			if (pairing) return {kind: 'problem', problem: pairing};
			return {kind: 'next', form: advance({...form, cidr: peerText(parsed.peer)})};
		}
		case 'policy': {
			const policy = value.toLowerCase();
			if (!isPolicy(policy)) return {kind: 'problem', problem: validatePolicy(policy) ?? ''};
			return {kind: 'next', form: advance({...form, policy})};
		}
		case 'priority': {
			const priority = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
			// The validator quotes the number; quote what was typed instead (a word is not "NaN" to a person).
			if (validatePriority(priority)) return {kind: 'problem', problem: t('domain.rule.priority', {value})};
			return {kind: 'next', form: advance({...form, priority})};
		}
		case 'description': {
			const problem = validateRuleDescription(value);
			if (problem) return {kind: 'problem', problem};
			const rule: Rule = {
				direction: form.direction,
				protocol: form.protocol ?? 'tcp',
				portRange: form.portRange ?? '-1/-1',
				peer: peerOfText(form.cidr ?? ''),
				policy: form.policy ?? 'accept',
				priority: form.priority ?? 1,
				...(value ? {description: value} : {}),
			};
			return {kind: 'rule', rule};
		}
	}
}

/** The previous field, or undefined on the first (Esc there leaves the form). */
export function previousField(form: ManualForm): ManualForm | undefined {
	const list = activeFields(form);
	const at = list.indexOf(form.field);
	if (at <= 0) return undefined;
	return {...form, field: list[at - 1] as FormField};
}
