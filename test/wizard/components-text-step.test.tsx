// Description and Name judge a value too short only on Enter or after a pause (issue 15 item 12): the first key
// typed is not met with a red "it has 1".
import {afterEach, describe, expect, it} from 'vitest';
import {templateRules} from '../../source/domain/rules.js';
import {App} from '../../source/wizard/app.js';
import {pauseMs} from '../../source/wizard/steps/text-step.js';
import {fakeServices} from '../helpers/fake-api.js';
import {type InkSession, keys, renderInk} from '../helpers/ink.js';

const TOO_SHORT = /it has 1/;

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
});

const atDescription = {
	regionId: 'cn-hangzhou',
	template: 'web-linux' as const,
	rules: templateRules('web-linux'),
	name: 'web-sg',
};

describe('a value too short so far', () => {
	it('Description: no red on the first key; said after a pause, and at once on Enter', async () => {
		session = renderInk(
			<App services={fakeServices()} initial={{answers: atDescription}} onExit={() => {}} />,
		);
		await session.waitFor('Step 4 of 7');
		await session.type('a');
		expect(session.lastFrame()).not.toMatch(TOO_SHORT);
		await session.waitFor(TOO_SHORT, pauseMs * 5);
		await session.type('b');
		expect(session.lastFrame()).not.toMatch(TOO_SHORT);
		await session.press(keys.backspace, keys.enter);
		await session.waitFor(TOO_SHORT);
	});

	it('Name: the first letter is not called too short either', async () => {
		session = renderInk(
			<App
				services={fakeServices()}
				initial={{answers: {...atDescription, name: undefined}}}
				onExit={() => {}}
			/>,
		);
		await session.waitFor('Step 3 of 7');
		await session.type('w');
		expect(session.lastFrame()).not.toMatch(TOO_SHORT);
		await session.type('e');
		expect(session.lastFrame()).toContain('✔');
	});
});
