import { hash, randomBytes } from 'node:crypto';

import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';

import { anonymousCaller, type Caller, Role } from '../auth/roles';
import { readRows } from '../database/database';
import { hydrate } from '../database/query/hydrate';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { ApiToken } from './api-token.entity';
import type { KnownToken, TokenLookupCache } from './token-lookup-cache';

const SECRET_PREFIX = 'pg_';

/** Every request with a token hashes it (one-shot `hash`: no Hash object made per request). */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export interface IssueTokenRequest {
  name: string;
  role: Role;
  regionCode?: string | null;
  ministryCode?: string | null;
  poleSlug?: string | null;
  expiresAt?: Date | null;
}

/** Which scope each role needs: a region officer without a region could see nothing useful. */
const SCOPE_OF_ROLE: Record<Role, 'regionCode' | 'ministryCode' | 'poleSlug' | null> = {
  [Role.ADMIN]: null,
  [Role.MINISTRY_ANALYST]: 'ministryCode',
  [Role.REGION_OFFICER]: 'regionCode',
  [Role.POLE_MANAGER]: 'poleSlug',
};

export class TokenRequestError extends Error {}

/**
 * Creates a token and returns its secret, which is never stored: only its SHA-256 is. The
 * secret is 32 random bytes, so it cannot be guessed and a salted slow hash would add nothing.
 */
export async function issueToken(
  manager: EntityManager,
  request: IssueTokenRequest,
): Promise<{ token: ApiToken; secret: string }> {
  const name = request.name.trim();
  if (name.length < TOKEN_NAME_LENGTH.min || name.length > TOKEN_NAME_LENGTH.max)
    throw new TokenRequestError(
      `The token name takes ${TOKEN_NAME_LENGTH.min} to ${TOKEN_NAME_LENGTH.max} characters`,
    );
  const needed = SCOPE_OF_ROLE[request.role];
  for (const scope of ['regionCode', 'ministryCode', 'poleSlug'] as const) {
    if (scope === needed && !request[scope])
      throw new TokenRequestError(`A ${request.role} token needs --${flag(scope)}`);
    if (scope !== needed && request[scope])
      throw new TokenRequestError(`A ${request.role} token takes no --${flag(scope)}`);
  }
  if (request.expiresAt && request.expiresAt.getTime() <= Date.now())
    throw new TokenRequestError('The expiry must be in the future');
  const regionId = request.regionCode
    ? await scopeId(manager, Region, { code: request.regionCode }, 'region')
    : null;
  const ministryId = request.ministryCode
    ? await scopeId(manager, Ministry, { code: request.ministryCode }, 'ministry')
    : null;
  const poleId = request.poleSlug
    ? await scopeId(manager, Pole, { slug: request.poleSlug }, 'pole')
    : null;
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const token = await manager.save(
    manager.create(ApiToken, {
      name,
      role: request.role,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, 10),
      regionId,
      ministryId,
      poleId,
      expiresAt: request.expiresAt ?? null,
      revokedAt: null,
    }),
  );
  return { token, secret };
}

function flag(scope: 'regionCode' | 'ministryCode' | 'poleSlug'): string {
  return { regionCode: 'region', ministryCode: 'ministry', poleSlug: 'pole' }[scope];
}

async function scopeId(
  manager: EntityManager,
  entity: typeof Region | typeof Ministry | typeof Pole,
  where: Record<string, string>,
  what: string,
): Promise<number> {
  const found = (await manager.findOneBy(entity as typeof Region, where as never)) as {
    id: number;
  } | null;
  if (!found) throw new TokenRequestError(`No ${what} has ${Object.values(where)[0]}`);
  return found.id;
}

export async function revokeToken(manager: EntityManager, id: number): Promise<ApiToken> {
  const token = await manager.findOneBy(ApiToken, { id });
  if (!token) throw new TokenRequestError(`No token has the id ${id}`);
  if (!token.revokedAt) {
    token.revokedAt = new Date();
    await manager.save(token);
  }
  return token;
}

/** Every token, oldest first, with the region, ministry or pole it is limited to. */
export function listTokens(manager: EntityManager): Promise<ApiToken[]> {
  return manager.find(ApiToken, {
    order: { id: 'ASC' },
    relations: { region: true, ministry: true, pole: true },
  });
}

/** The shortest and longest token name. */
export const TOKEN_NAME_LENGTH = { min: 3, max: 120 } as const;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * The caller behind an `Authorization` header. No header: anonymous. A header that names a
 * malformed, unknown, expired or revoked token is refused — never silently treated as
 * anonymous, so a client with a broken token finds out at once.
 */
export async function authenticate(
  dataSource: DataSource,
  authorization: string | undefined,
  ip: string,
  tokens?: TokenLookupCache,
): Promise<Caller> {
  if (authorization === undefined || authorization.trim() === '') return anonymousCaller(ip);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must read "Bearer <token>"');
  const secret = match[1];
  if (!secret.startsWith(SECRET_PREFIX) || secret.length > 100)
    throw unauthenticated('This is not a PoleGraph API token');
  const secretHash = hashSecret(secret);
  let token: KnownToken | undefined = tokens?.get(dataSource, secretHash);
  if (!token) {
    // Through the port: a database outage here is SERVICE_UNAVAILABLE, not an internal error.
    const rows = await readRows(
      dataSource,
      'SELECT t.* FROM `api_token` t WHERE t.`secretHash` = ? LIMIT 1',
      [secretHash],
    );
    token = hydrate(dataSource, ApiToken, rows)[0];
    if (!token) throw unauthenticated('Unknown API token');
    tokens?.set(dataSource, secretHash, token);
  }
  if (token.revokedAt) throw unauthenticated('This API token was revoked');
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now())
    throw unauthenticated('This API token has expired');
  return {
    kind: 'token',
    name: token.name,
    tokenId: token.id,
    role: token.role,
    regionId: token.regionId,
    ministryId: token.ministryId,
    poleId: token.poleId,
    ip,
  };
}
