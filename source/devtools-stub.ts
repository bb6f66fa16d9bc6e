// Ink imports react-devtools-core statically from its devtools module. The bundle never enables devtools,
// and marking the package external is not enough (esbuild hoists the import), so it is aliased to this stub.
export default {initialize() {}, connectToDevTools() {}};
