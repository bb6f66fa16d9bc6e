// The sandbox: a local, protocol-faithful stand-in for the Alibaba Cloud ECS and VPC RPC APIs. It imports
// nothing from the rest of source/ (it could be its own package); its error messages are the API's own
// English ones, like the real service.

export {allActionNames as sandboxActions} from './actions/index.js';
export {parseFault} from './faults.js';
export {type Sandbox, type SandboxOptions, startSandbox} from './sandbox.js';
export {canonicalQuery, percentEncode, sign, signedForm, stringToSign} from './signature.js';
export {SandboxStateError} from './store.js';
export type {FaultSpec, SandboxStateFile} from './types.js';
