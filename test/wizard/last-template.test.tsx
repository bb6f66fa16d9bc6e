// The Template step offers the template of the last group created first (settings.lastTemplate), unless the
// answers already name one; an unknown remembered value is ignored.
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/wizard/app.js';
import {fakeServices, memorySettings} from '../helpers/fake-api.js';
import {type InkSession, renderInk} from '../helpers/ink.js';

let session: InkSession | undefined;
afterEach(() => {
	session?.unmount();
	session = undefined;
});

function atTemplate(lastTemplate: string | undefined, template?: 'web-linux' | 'custom') {
	const services = fakeServices({settings: memorySettings({lastTemplate})});
	session = renderInk(
		<App
			services={services}
			initial={{answers: {regionId: 'cn-hangzhou', ...(template ? {template} : {})}}}
		/>,
		{columns: 100, rows: 40},
	);
	return session;
}

describe('the last template', () => {
	it('is highlighted first', async () => {
		const s = atTemplate('web-windows');
		const frame = await s.waitFor('Rules of Web Server Windows');
		expect(frame).toMatch(/❯ Web Server Windows/);
	});

	it('gives way to a template the answers already name', async () => {
		const s = atTemplate('web-windows', 'custom');
		const frame = await s.waitFor('Rules of Custom');
		expect(frame).toMatch(/❯ Custom/);
	});

	it('is ignored when it is not a template', async () => {
		const s = atTemplate('bogus');
		const frame = await s.waitFor('Rules of Web Server Linux');
		expect(frame).toMatch(/❯ Web Server Linux/);
	});
});
