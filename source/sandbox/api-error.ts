// An error answer of the API: HTTP status, Code and the API's own English Message (like the real service,
// the sandbox does not translate them). Thrown by the protocol layer and by actions; the server turns it
// into the JSON body {RequestId, HostId, Code, Message, Recommend}.

export class ApiError extends Error {
	override readonly name = 'ApiError';
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

const quoted = (name: string): string => `"${name}"`;

export const missingParameter = (name: string, code = 'MissingParameter'): ApiError =>
	new ApiError(
		400,
		code,
		`The input parameter ${quoted(name)} that is mandatory for processing this request is not supplied.`,
	);

export const invalidParameter = (name: string, why: string, code = 'InvalidParameter'): ApiError =>
	new ApiError(400, code, `The specified parameter ${quoted(name)} is not valid: ${why}`);

export const regionNotFound = (): ApiError =>
	new ApiError(404, 'InvalidRegionId.NotFound', 'The specified RegionId does not exist.');

export const apiNotFound = (): ApiError =>
	new ApiError(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.');

export const internalError = (): ApiError =>
	new ApiError(
		500,
		'InternalError',
		'The request processing has failed due to some unknown error, exception or failure.',
	);

export const accessKeyNotFound = (): ApiError =>
	new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

export const missingSecurityToken = (): ApiError =>
	new ApiError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for this action.');

const tokenMessages = {
	Expired: 'Specified SecurityToken is expired.',
	Malformed: 'Specified SecurityToken is malformed.',
	MismatchWithAccessKey: 'Specified SecurityToken mismatch with the AccessKey.',
} as const;

/** InvalidSecurityToken.Expired / .Malformed / .MismatchWithAccessKey (400), for the credential store. */
export const invalidSecurityToken = (why: keyof typeof tokenMessages): ApiError =>
	new ApiError(400, `InvalidSecurityToken.${why}`, tokenMessages[why]);

/** Signature V2 and V3 share it: the request's signature parts are missing or not of the standard. */
export const incompleteSignature = (why: string): ApiError =>
	new ApiError(
		400,
		'IncompleteSignature',
		`The request signature does not conform to Aliyun standards: ${why}.`,
	);
