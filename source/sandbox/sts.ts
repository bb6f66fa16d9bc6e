// The STS stand-in: AssumeRole (signed, V2 or V3) and AssumeRoleWithOIDC (unsigned), version 2015-04-01, answering
// in the real shape (Credentials.AccessKeyId/AccessKeySecret/SecurityToken/Expiration, AssumedRoleUser), and
// the book of temporary keys it issued, which the ECS and VPC actions accept until they expire.
// Facts: "AssumeRole" and "AssumeRoleWithOIDC" in the STS API reference (help.aliyun.com/zh/ram/developer-
// reference/api-sts-2015-04-01-errorcodes); the common STS errors (alibabacloud.com/help/doc-detail/42775.htm):
// RoleSessionName ^[a-zA-Z0-9.@\-_]+$ of 2-64 characters, DurationSeconds 900 to the role's maximum (3600 by default).
import {randomBytes} from 'node:crypto';
import {ApiError, apiNotFound, invalidSecurityToken, missingParameter} from './api-error.js';
import {type KeyLookup, keyAnswer} from './auth.js';
import {apiTime} from './ids.js';
import type {Params} from './params.js';
import type {Credentials} from './types.js';

export const stsVersion = '2015-04-01';

/** A RAM role in the state file's `sts.roles`. */
export type StsRole = {
	RoleArn: string;
	/** When set, AssumeRole must carry this ExternalId. */
	ExternalId?: string;
	/** When set, AssumeRoleWithOIDC must name this provider. */
	OIDCProviderArn?: string;
	MaxSessionDuration?: number;
	/** Lifetime of this role's keys in seconds, whatever the request asks (tests: a few). */
	TtlSeconds?: number;
	/** true: every AssumeRole of it is refused (NoPermission), to test the refusal. */
	Denied?: boolean;
};

/** The state file's `sts` section. */
export type StsState = {roles: StsRole[]; ttlSeconds?: number};

type Issued = Credentials & {securityToken: string; expires: number; roleArn: string};

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');
export const roleName = (arn: string): string => arn.replace(/^.*:role\//, '');

export const defaultRoleArn = (ownerId: string): string => `acs:ram::${ownerId}:role/ecs-sg-operator`;

export class StsBook {
	private readonly issued = new Map<string, Issued>();

	constructor(
		readonly state: StsState,
		/** Overrides the keys' lifetime (tests make keys expire in seconds). */
		private readonly ttlOverride?: number,
	) {}

	roles(): StsRole[] {
		return this.state.roles;
	}

	private issue(role: StsRole, session: string, durationSeconds: number, now: number) {
		const ttl = this.ttlOverride ?? role.TtlSeconds ?? this.state.ttlSeconds ?? durationSeconds;
		const keys: Issued = {
			accessKeyId: `STS.${random(18)}`,
			accessKeySecret: random(30),
			securityToken: `CAIS${random(90)}`,
			expires: now + ttl * 1000,
			roleArn: role.RoleArn,
		};
		this.issued.set(keys.accessKeyId, keys);
		const name = roleName(role.RoleArn);
		return {
			Credentials: {
				AccessKeyId: keys.accessKeyId,
				AccessKeySecret: keys.accessKeySecret,
				SecurityToken: keys.securityToken,
				Expiration: apiTime(keys.expires),
			},
			AssumedRoleUser: {
				Arn: `acs:ram::${accountOf(role.RoleArn)}:assumed-role/${name}/${session}`,
				AssumedRoleId: `3${String(Math.abs(hash(role.RoleArn))).padStart(16, '0')}:${session}`,
			},
		};
	}

	/** Credentials for the metadata stand-in: the role's keys, issued as if the instance had asked STS. */
	forInstance(name: string, now: number): ReturnType<StsBook['issue']> | undefined {
		const role = this.state.roles.find((r) => roleName(r.RoleArn) === name);
		return role ? this.issue(role, 'ecs-instance', 3600, now) : undefined;
	}

	/**
	 * The credential store with the temporary keys this book issued in front of `base` (the world's keys): an
	 * issued key is accepted with its token until it expires, then InvalidSecurityToken.Expired.
	 */
	lookup(base: KeyLookup): KeyLookup {
		return (presented, now) => {
			const keys = this.issued.get(presented.accessKeyId);
			if (!keys) return base(presented, now);
			if (now >= keys.expires) return invalidSecurityToken('Expired');
			return keyAnswer(keys, presented.securityToken);
		};
	}

	/**
	 * One STS call (the caller has seen Version 2015-04-01): AssumeRoleWithOIDC is unsigned; AssumeRole is
	 * checked by `authenticate` like an ECS call, signed V2 (the product, @alicloud/credentials) or V3
	 * (@alicloud/sts20150401 by default), and reads the parameters it hands back.
	 */
	handle(action: string | undefined, unsigned: Params, authenticate: () => Params, now: number) {
		if (action === 'AssumeRoleWithOIDC') return this.assumeWithOidc(unsigned, now);
		if (action !== 'AssumeRole') throw apiNotFound();
		const params = authenticate();
		const role = this.role(params);
		if (role.Denied) {
			throw new ApiError(
				403,
				'NoPermission',
				'You are not authorized to do this action. You should be authorized by RAM.',
			);
		}
		if (role.ExternalId !== undefined && params.ExternalId !== role.ExternalId) {
			throw new ApiError(
				403,
				'NoPermission',
				'No permission perform sts:AssumeRole on this Role. Maybe you should check the ExternalId.',
			);
		}
		return this.issue(role, this.session(params), this.duration(params, role), now);
	}

	private assumeWithOidc(params: Params, now: number) {
		for (const name of ['RoleArn', 'OIDCProviderArn', 'OIDCToken', 'RoleSessionName'] as const) {
			if (!params[name]) throw missingParameter(name, `Missing${name}`);
		}
		const role = this.role(params);
		if (role.OIDCProviderArn !== undefined && role.OIDCProviderArn !== params.OIDCProviderArn) {
			throw new ApiError(401, 'AuthenticationFail.NoPermission', 'No such OIDC Provider registered.');
		}
		if ((params.OIDCToken ?? '').split('.').length !== 3) {
			throw new ApiError(
				401,
				'AuthenticationFail.OIDCToken.Invalid',
				"The number of Jwt field should be divided into 3 parts with '.' .",
			);
		}
		return this.issue(role, this.session(params), this.duration(params, role), now);
	}

	private role(params: Params): StsRole {
		const arn = params.RoleArn;
		if (!arn) throw missingParameter('RoleArn', 'MissingRoleArn');
		const role = this.state.roles.find((r) => r.RoleArn === arn);
		if (!role) throw new ApiError(404, 'EntityNotExist.Role', 'The specified Role not exists .');
		return role;
	}

	private session(params: Params): string {
		const session = params.RoleSessionName ?? '';
		if (!/^[\w.@-]{2,64}$/.test(session)) {
			throw new ApiError(
				400,
				'InvalidParameter.RoleSessionName',
				'The parameter RoleSessionName is wrongly formed.',
			);
		}
		return session;
	}

	private duration(params: Params, role: StsRole): number {
		const max = role.MaxSessionDuration ?? 3600;
		const text = params.DurationSeconds ?? '3600';
		const value = Number(text);
		if (!/^\d+$/.test(text) || value < 900 || value > max) {
			throw new ApiError(
				400,
				'InvalidParameter.DurationSeconds',
				`The Min/Max value of DurationSeconds is 15min/${max}s.`,
			);
		}
		return value;
	}
}

const accountOf = (arn: string): string => /^acs:ram::(\d+):/.exec(arn)?.[1] ?? '0';

function hash(text: string): number {
	let h = 0;
	for (const c of text) h = (h * 31 + (c.codePointAt(0) ?? 0)) | 0;
	return h;
}
