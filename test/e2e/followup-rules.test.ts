// `ecs-sg rules` in a real terminal against the sandbox: pick the group, queue a preset, a rule by hand, an
// outbound rule and a removal, review, apply; then what the group really holds is read with pop-core.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {allRulesOf, followup, followupState, ids, region} from './followup-helpers.js';
import {keys, openWorld, type World} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

describe('ecs-sg rules in a terminal', () => {
	it('adds a preset, a rule by hand and an outbound rule, removes one, and the group holds exactly that', async () => {
		const p = followup(world, 'rules', ['--region', region]);
		// The list, not only the heading (it shows while the groups load): typed keys filter only a list.
		await p.waitForText('(3 of 3)');
		await p.press('web');
		await p.waitForText('(1 of 3)');
		await p.press(keys.enter);
		await p.waitForText(/TCP\s+80\s+0\.0\.0\.0\/0/);
		expect(p.screen()).toContain('Inbound (2)');

		// A preset: the rule form filled from it, on its source: HTTPS from a narrowed one (the suggestion is
		// selected, so typing replaces it).
		await p.press('p');
		await p.waitForText('Add a preset rule (Inbound)');
		await p.press('https');
		await p.waitForText('(1 of 12)');
		await p.press(keys.enter);
		await p.waitForText(/Ports\s+443[\s\S]*Source\s+❯/);
		await p.press('203.0.113.0/24', keys.enter);
		await p.waitForText(/\+ inbound\s+TCP\s+443\s+203\.0\.113\.0\/24/);

		// By hand: UDP 53 from 10.0.0.0/8, deny, priority 5, with a note; a bad port is refused first. The form
		// opens on the ports: ↑ to the protocol, → to UDP, ↓ back.
		await p.press('a');
		await p.waitForText('New rule for web');
		await p.press(keys.up, keys.right, keys.down);
		await p.waitForText(/Protocol\s+UDP/);
		await p.waitForText('A port (22) or a range');
		await p.press('70000', keys.enter);
		await p.waitForText('Ports must be 1 to 65535');
		await p.press('\u0015', '53', keys.down, keys.down);
		await p.waitForText('An IPv4 address or CIDR block');
		await p.press('10.0.0.0/8', keys.down);
		await p.waitForText('Left and right arrows change this field');
		await p.press(keys.right, keys.down);
		await p.waitForText('1 to 100, 1 first');
		await p.press('5', keys.down);
		await p.waitForText('Optional, up to 512 characters');
		await p.press('dns', keys.enter);
		await p.waitForText(/\+ inbound\s+UDP\s+53\s+10\.0\.0\.0\/8\s+drop\s+5\s+dns/);

		// Mark TCP 80 (the second row) for removal.
		await p.press(keys.home, keys.down, 'd');
		await p.waitForText(/- inbound\s+TCP\s+80/);

		// Outbound: everything to 10.0.0.0/8 from the ALL preset.
		await p.press(keys.tab);
		await p.waitForText('Outbound (0)');
		await p.press('p');
		await p.waitForText('Add a preset rule (Outbound)');
		await p.press(keys.end, keys.enter);
		await p.waitForText(/Protocol\s+ALL[\s\S]*Destination\s+❯/);
		await p.press('10.0.0.0/8', keys.enter);
		await p.waitForText(/\+ outbound\s+ALL\s+all\s+10\.0\.0\.0\/8/);

		await p.press(keys.enter);
		const review = await p.waitForText('3 to add, 1 to remove: 2 → 4 rules');
		expect(review).toContain('Enter/y apply');
		await p.press('y');
		const done = await p.waitForText('Rules of the group now (4)');
		expect(done).toMatch(/✔ RevokeSecurityGroup \(1 rule\)\s+done/);
		expect(done).toMatch(/✔ AuthorizeSecurityGroup \(2 rules\)\s+done/);
		expect(done).toMatch(/✔ AuthorizeSecurityGroupEgress \(1 rule\)\s+done/);
		expect(done).toContain('Added 3 rules.');
		expect(done).toContain('Removed 1 rule.');
		await p.press('q');
		expect(await p.exited).toBe(0);

		expect(await allRulesOf(world.ecs, region, ids.web)).toEqual(
			[
				'egress all -1/-1 10.0.0.0/8 accept 1',
				'ingress tcp 22/22 0.0.0.0/0 accept 1',
				'ingress tcp 443/443 203.0.113.0/24 accept 1',
				'ingress udp 53/53 10.0.0.0/8 drop 5',
			].sort(),
		);
	});

	it('says a rule already in the group changes nothing, sends nothing for it, and refuses an empty review', async () => {
		const p = followup(world, 'rules', ['--region', region, '--group', ids.web]);
		await p.waitForText(/TCP\s+22\s+0\.0\.0\.0\/0/);
		await p.press(keys.enter);
		await p.waitForText('Nothing is queued');
		// The form's defaults are the group's rule (0.0.0.0/0, accept, priority 1): only the port is typed.
		await p.press('a');
		await p.waitForText('A port (22) or a range');
		await p.press('22');
		await p.waitForText(/Source\s+0\.0\.0\.0\/0[\s\S]*Policy\s+accept[\s\S]*Priority\s+1/);
		await p.press(keys.enter);
		await p.waitForText(/\+ inbound\s+TCP\s+22\s+0\.0\.0\.0\/0/);
		await p.press(keys.enter);
		const review = await p.waitForText('1 rule is already in the group');
		expect(review).toMatch(/= inbound\s+TCP\s+22/);
		expect(review).toContain('0 to add, 0 to remove');
		// Nothing to send: Review offers no apply (y does nothing), Esc goes back.
		expect(review).toContain('Nothing to send');
		await p.press('y', keys.escape);
		await p.waitForText('Inbound (3)');
		await p.press(keys.escape);
		// The queued rule is still there: leaving asks first; y discards it.
		await p.waitForText('discard the queued changes (1 to add, 0 to remove)?');
		await p.press('y');
		await p.waitForText('Security group');
		await p.press(keys.escape);
		await p.waitForText('Region');
		await p.press(keys.escape);
		expect(await p.exited).toBe(130);
		expect(await allRulesOf(world.ecs, region, ids.web)).toHaveLength(2);
	});
});
