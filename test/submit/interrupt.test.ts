// Ctrl+C on the flags path: the first press stops before the next call, a second quits at once; either way
// the message says exactly what exists.
import {afterEach, describe, expect, it} from 'vitest';
import type {FlagsDeps} from '../../source/commands/create-flags.js';
import type {Services} from '../../source/commands/services.js';
import {create, fastServices, required, resume, startWorld, type World} from './harness.js';

let world: World | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

/** Deps whose "Ctrl+C" is pressed from inside an api call, through `press()`. */
function interruptible(wrap: (api: Services['api'], press: () => void) => Partial<Services['api']>) {
	let handler: (() => void) | undefined;
	const press = () => handler?.();
	const quits: number[] = [];
	const deps: Partial<FlagsDeps> = {
		onInterrupt: (h) => {
			handler = h;
			return () => {
				handler = undefined;
			};
		},
		forceQuit: () => quits.push(1),
		openServices: async (args, io, options) => {
			const services = await fastServices(args.global, io, options);
			return {...services, api: Object.assign(Object.create(services.api), wrap(services.api, press))};
		},
	};
	return {deps, press, quits};
}

describe('Ctrl+C on the flags path', () => {
	it('before anything is created: cancelled, nothing created, exit 130', async () => {
		world = await startWorld();
		const {deps} = interruptible((api, press) => ({
			describeVpcs: async (regionId, options) => {
				press();
				return api.describeVpcs(regionId, options);
			},
		}));
		const r = await create(world, required(world), {deps});
		expect(r.code).toBe(130);
		expect(r.stderr).toContain('Cancelled. Nothing was created.');
		expect(world.groups().filter((g) => g.SecurityGroupName === 'web-sg')).toEqual([]);
		expect(world.journal()).toEqual([]);
	});

	it('while the group is being created: waits for that call, stops, says what exists; resume finishes', async () => {
		world = await startWorld();
		const {deps, quits} = interruptible((api, press) => ({
			createSecurityGroup: async (input) => {
				press();
				press(); // the echo conf's exit hook makes of the first SIGINT
				return api.createSecurityGroup(input);
			},
		}));
		const r = await create(world, required(world), {deps: {...deps, now: () => 1000}});
		expect(r.code).toBe(130);
		expect(quits).toEqual([]);
		expect(r.stderr).toContain('Stopping after the call in flight');
		expect(r.stderr).toMatch(
			/Security group sg-\w+ was created in cn-hangzhou, but 4 of 4 rules are not applied yet/,
		);
		expect(r.stderr).toContain('ecs-sg resume');
		expect(r.stderr).not.toContain('AuthorizeSecurityGroup');
		expect(world.journal()).toHaveLength(1);
		expect((await resume(world, ['--yes'])).code).toBe(0);
		expect(world.groups().find((g) => g.SecurityGroupName === 'web-sg')?.Permissions).toHaveLength(4);
	});

	it('a second press quits at once, saying the group may exist', async () => {
		world = await startWorld();
		let clock = 0;
		const {deps, quits} = interruptible((api, press) => ({
			createSecurityGroup: async (input) => {
				press();
				clock += 1000;
				press();
				return api.createSecurityGroup(input);
			},
		}));
		const r = await create(world, required(world), {deps: {...deps, now: () => clock}});
		expect(quits).toEqual([1]);
		expect(r.stderr).toContain('may or may not exist');
		expect(r.code).toBe(130);
	});
});
