// A renewal that fails in the middle of a create: the submit engine reports config/'s words (mode, role, STS
// error) instead of "unexpected", and its journal entry stays for `ecs-sg resume` (nothing half-made unreported).
import {describe, expect, it} from 'vitest';
import {asCloudError} from '../../source/cloud/errors.js';
import {ConfigError} from '../../source/config/errors.js';

describe('a credential failure during a submit', () => {
	it('keeps the sentence and the way out that config/ wrote, and is not a certain refusal', () => {
		const failure = new ConfigError(
			'unreachable',
			'RamRoleArn credentials (profile ops, role acs:ram::1:role/ops): STS could not be reached (ECONNREFUSED).',
			'Check the network, then try again.',
		);
		const error = asCloudError(failure, 'CreateSecurityGroup');
		expect(error.sentence).toBe(failure.sentence);
		expect(error.next).toBe(failure.next);
		expect(error.kind).toBe('network');
		expect(error.details.action).toBe('CreateSecurityGroup');
	});
});
