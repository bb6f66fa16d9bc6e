// Bundled and run as a separate process by store.test.ts: writes journal entries as fast as it can, so that two
// of these at once show whether the settings lock keeps every entry.
import {openConfig} from '../../source/config/store.js';

const [dir = '', tag = 'w', countText = '20'] = process.argv.slice(2);
const store = openConfig({dir});
for (let i = 0; i < Number(countText); i++) {
	const now = new Date().toISOString();
	store.journal.put({
		id: `${tag}-${i}`,
		createdAt: now,
		updatedAt: now,
		target: {},
		regionId: 'cn-hangzhou',
		payload: {i},
	});
	store.settings.remember({regionId: `r-${tag}`});
}
