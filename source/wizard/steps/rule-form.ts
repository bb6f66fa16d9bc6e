// The rule editor's form, pure: every field of one rule on one screen (direction, protocol, ports, the peer's
// kind and value, policy, priority, description), the choices cycled and the texts typed, each field checked
// by its own validator from domain/validators.ts (the same the `--rule` flags path uses) when the rule is saved.
import type {Key} from 'ink';
import type {Direction, Peer, PeerKind, Policy, Protocol, Rule} from '../../domain/model.js';
import {anywhere, anywhere6, networkOf, parsePeer, peerText} from '../../domain/peers.js';
import {normalisePorts, showPorts} from '../../domain/rules.js';
import {
	portlessProtocols,
	protocols,
	validateCidr,
	validateDirection,
	validateIpv6Cidr,
	validatePolicy,
	validatePortRange,
	validatePriority,
	validateProtocol,
	validateProtocolForPeer,
	validateRuleDescription,
} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {applyKey} from '../components/text-input.js';

const formFields = [
	'direction',
	'protocol',
	'ports',
	'peerKind',
	'peer',
	'policy',
	'priority',
	'description',
] as const;
export type FormField = (typeof formFields)[number];

/** The fields whose value is one of a few, changed with ←/→ (or Space). */
export const choiceFields: readonly FormField[] = ['direction', 'protocol', 'peerKind', 'policy'];

const peerKinds: readonly PeerKind[] = ['ipv4', 'ipv6', 'group', 'prefix-list'];
const directions: readonly Direction[] = ['ingress', 'egress'];
const policies: readonly Policy[] = ['accept', 'drop'];

export type RuleForm = {
	readonly direction: Direction;
	readonly protocol: Protocol;
	/** As typed (`22`, `8000-8100`); ignored for the protocols without ports. */
	readonly ports: string;
	readonly peerKind: PeerKind;
	/** The address typed for an IPv4 or IPv6 peer. */
	readonly cidr: string;
	/** The group or prefix list picked from its list (kept with its name, for Review and Done). */
	readonly picked?: Peer;
	readonly policy: Policy;
	/** As typed, checked on save. */
	readonly priority: string;
	readonly description: string;
	readonly field: FormField;
	/** The text field's value is shown selected: the first key typed replaces it (set on coming to a field). */
	readonly selected: boolean;
	/** The refusal of the last save, on the field it is about. */
	readonly problem?: {field: FormField; text: string};
};

const isPortless = (protocol: Protocol): boolean =>
	(portlessProtocols as readonly string[]).includes(protocol);

/** The fields the form shows: no ports for icmp, icmpv6, gre and all. */
export const activeFields = (form: Pick<RuleForm, 'protocol'>): FormField[] =>
	formFields.filter((f) => f !== 'ports' || !isPortless(form.protocol));

export const pickedKind = (kind: PeerKind): boolean => kind === 'group' || kind === 'prefix-list';

/** A new rule: inbound TCP, the whole internet, accept at priority 1 (the API's defaults), ports to type. */
export function newForm(direction: Direction = 'ingress'): RuleForm {
	return {
		direction,
		protocol: 'tcp',
		ports: '',
		peerKind: 'ipv4',
		cidr: anywhere,
		policy: 'accept',
		priority: '1',
		description: '',
		field: 'ports',
		selected: true,
	};
}

/** The form holding an existing rule, every field as it is, the cursor on `field`. */
export function formOf(rule: Rule, field: FormField = 'direction'): RuleForm {
	const address = rule.peer.kind === 'ipv4' || rule.peer.kind === 'ipv6';
	return {
		direction: rule.direction,
		protocol: rule.protocol,
		ports: rule.portRange === '-1/-1' ? '' : showPorts(rule),
		peerKind: rule.peer.kind,
		cidr: address ? peerText(rule.peer) : anywhere,
		...(address ? {} : {picked: rule.peer}),
		policy: rule.policy,
		priority: String(rule.priority),
		description: rule.description ?? '',
		field,
		selected: true,
	};
}

const cycle = <T>(list: readonly T[], now: T, by: number): T =>
	list[(list.indexOf(now) + by + list.length) % list.length] as T;

export type FormAction =
	| {type: 'move'; by: number}
	| {type: 'cycle'; by: number}
	| {type: 'text'; value: string}
	/** A key typed into the text field, applied to its value as it is now (several come in one chunk). */
	| {type: 'key'; input: string; key: Key}
	| {type: 'pick'; peer: Peer}
	| {type: 'refuse'; field: FormField; text: string};

export function formReducer(form: RuleForm, action: FormAction): RuleForm {
	switch (action.type) {
		case 'move': {
			const list = activeFields(form);
			const at = Math.max(0, list.indexOf(form.field));
			const next = Math.max(0, Math.min(list.length - 1, at + action.by));
			return {...form, field: list[next] as FormField, selected: true};
		}
		case 'cycle':
			return cycleField(form, action.by);
		case 'text':
			return textField(form, action.value);
		case 'key': {
			const line = {value: textOf(form, form.field), selected: form.selected};
			const edited = applyKey(line, action.input, action.key);
			return edited ? {...textField(form, edited.value), selected: edited.selected} : form;
		}
		case 'pick':
			return {
				...form,
				peerKind: action.peer.kind,
				picked: action.peer,
				problem: undefined,
				field: 'policy',
			};
		case 'refuse': {
			// A refusal on another field moves the cursor there, which selects its text as coming to it does.
			const selected = form.selected || action.field !== form.field;
			return {...form, field: action.field, selected, problem: {field: action.field, text: action.text}};
		}
	}
}

function cycleField(form: RuleForm, by: number): RuleForm {
	const clear = {problem: undefined};
	switch (form.field) {
		case 'direction':
			return {...form, ...clear, direction: cycle(directions, form.direction, by)};
		case 'protocol':
			return {...form, ...clear, protocol: cycle(protocols, form.protocol, by)};
		case 'policy':
			return {...form, ...clear, policy: cycle(policies, form.policy, by)};
		case 'peerKind': {
			const peerKind = cycle(peerKinds, form.peerKind, by);
			// The address starts as the whole family's range the first time a family is chosen, as the console does.
			const cidr =
				peerKind === 'ipv6' && !form.cidr.includes(':')
					? anywhere6
					: peerKind === 'ipv4' && form.cidr.includes(':')
						? anywhere
						: form.cidr;
			const picked = form.picked?.kind === peerKind ? form.picked : undefined;
			return {...form, ...clear, peerKind, cidr, picked};
		}
		default:
			return form;
	}
}

function textField(form: RuleForm, value: string): RuleForm {
	// Only a change clears the field's refusal.
	if (value === textOf(form, form.field)) return form;
	const problem = form.problem?.field === form.field ? undefined : form.problem;
	switch (form.field) {
		case 'ports':
			return {...form, problem, ports: value};
		case 'peer': {
			if (pickedKind(form.peerKind)) return form;
			// An address of the other family switches the type with it (a colon is IPv6, a dotted quad IPv4).
			const peerKind = value.includes(':') ? 'ipv6' : /^\d+\./.test(value) ? 'ipv4' : form.peerKind;
			return {...form, problem, cidr: value, peerKind};
		}
		case 'priority':
			return {...form, problem, priority: value};
		case 'description':
			return {...form, problem, description: value};
		default:
			return form;
	}
}

/** The text a text field holds (what its input starts with when the cursor comes to it). */
export function textOf(form: RuleForm, field: FormField): string {
	switch (field) {
		case 'ports':
			return form.ports;
		case 'peer':
			return form.cidr;
		case 'priority':
			return form.priority;
		case 'description':
			return form.description;
		default:
			return '';
	}
}

export type Saved = {ok: true; rule: Rule} | {ok: false; field: FormField; problem: string};

/** The rule the form holds, or the first field (in screen order) that is wrong, with its validator's reason. */
export function saveForm(form: RuleForm): Saved {
	const refuse = (field: FormField, problem: string): Saved => ({ok: false, field, problem});
	const direction = validateDirection(form.direction);
	if (direction) return refuse('direction', direction);
	const protocol = validateProtocol(form.protocol);
	if (protocol) return refuse('protocol', protocol);
	const typedPorts = form.ports.trim();
	const portRange = isPortless(form.protocol) ? '-1/-1' : normalisePorts(form.protocol, typedPorts);
	if (!isPortless(form.protocol) && typedPorts === '') return refuse('ports', t('wizard.form.portsEmpty'));
	const ports = validatePortRange(form.protocol, portRange, typedPorts);
	if (ports) return refuse('ports', ports);
	let peer: Peer;
	if (pickedKind(form.peerKind)) {
		if (!form.picked || form.picked.kind !== form.peerKind)
			return refuse(
				'peer',
				form.peerKind === 'group' ? t('wizard.form.pickGroup') : t('wizard.form.pickPrefixList'),
			);
		peer = form.picked;
	} else {
		// The family chosen says which validator judges the address (the flags path picks it by the colon).
		const text = form.cidr.trim();
		const wrong = form.peerKind === 'ipv6' ? validateIpv6Cidr(text) : validateCidr(text);
		if (wrong) return refuse('peer', wrong);
		const parsed = parsePeer(text);
		if (!parsed.ok) return refuse('peer', parsed.problem);
		// The check --rule and the follow-ups' form make: 10.0.0.5/24 means 10.0.0.0/24.
		const network = networkOf(parsed.peer);
		if (network) return refuse('peer', t('domain.peer.hostBits', {value: text, network}));
		peer = parsed.peer;
	}
	const family = validateProtocolForPeer(form.protocol, peer);
	if (family) return refuse('protocol', family);
	const policy = validatePolicy(form.policy);
	if (policy) return refuse('policy', policy);
	const typedPriority = form.priority.trim();
	const priority = /^\d{1,3}$/.test(typedPriority) ? Number(typedPriority) : Number.NaN;
	// The validator quotes the number; quote what was typed instead (a word is not "NaN" to a person).
	if (validatePriority(priority))
		return refuse('priority', t('domain.rule.priority', {value: typedPriority}));
	const description = form.description.trim();
	const described = validateRuleDescription(description);
	if (described) return refuse('description', described);
	return {
		ok: true,
		rule: {
			direction: form.direction,
			protocol: form.protocol,
			portRange,
			peer,
			policy: form.policy,
			priority,
			...(description ? {description} : {}),
		},
	};
}
