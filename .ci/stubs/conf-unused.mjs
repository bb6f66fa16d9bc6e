// conf imports ajv, ajv-formats and semver for its `schema` and `migrations` options, which ecs-sg never passes
// (source/config/store.ts). The bundle replaces them with this module: about 300 KB less to parse at every
// start. If either option is ever used, the first call says so instead of misbehaving.
const unused = (name) => () => {
	throw new Error(`${name} is not bundled: conf's schema and migrations options are not used by ecs-sg`);
};

export class Ajv2020 {
	constructor() {
		unused('ajv')();
	}
}

// ajv-formats (conf calls its `.default`) and semver (conf calls eq, clean, satisfies, lte, gt).
export default new Proxy({}, {get: (_target, key) => unused(`${String(key)} of ajv-formats/semver`)});
