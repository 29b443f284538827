import 'reflect-metadata';

import { parseArgs } from 'node:util';

import {
  issueToken,
  listTokens,
  revokeToken,
  TokenRequestError,
} from '../api-token/api-token.service';
import { Role } from '../auth/roles';
import { loadConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { closeDataSource, inTransaction } from '../database/transactions';
import { ENTITIES } from '../features';

const USAGE = `Usage:
  npm run token -- create --role <ROLE> [--region <code>] [--ministry <code>] [--pole <slug>] --name "<label>" [--expires YYYY-MM-DD]
  npm run token -- list
  npm run token -- revoke <id>
Roles: ${Object.values(Role).join(', ')}`;

/** `npm run token`: create (the secret is printed alone on the last line), list and revoke API tokens. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      ministry: { type: 'string' },
      pole: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const [command, argument] = positionals;
  if (!['create', 'list', 'revoke'].includes(command ?? '')) throw new TokenRequestError(USAGE);
  const config = loadConfig();
  const dataSource = await openDataSource(config.database.connection, { entities: ENTITIES });
  try {
    if (command === 'create') {
      const role = values.role?.toUpperCase() as Role;
      if (!Object.values(Role).includes(role))
        throw new TokenRequestError(`--role must be one of ${Object.values(Role).join(', ')}`);
      if (!values.name) throw new TokenRequestError('--name "<label>" is required');
      const expiresAt = values.expires ? new Date(`${values.expires}T00:00:00Z`) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime()))
        throw new TokenRequestError('--expires takes a date, YYYY-MM-DD');
      const { token, secret } = await inTransaction(dataSource, (manager) =>
        issueToken(manager, {
          name: values.name!,
          role,
          regionCode: values.region,
          ministryCode: values.ministry,
          poleSlug: values.pole,
          expiresAt,
        }),
      );
      console.info(
        `Created token ${token.id} "${token.name}" (${token.role}). Keep the secret below: it is shown only once.`,
      );
      console.info(secret);
    } else if (command === 'list') {
      const tokens = await inTransaction(dataSource, listTokens);
      for (const token of tokens) {
        const state = token.revokedAt
          ? 'revoked'
          : token.expiresAt && token.expiresAt < new Date()
            ? 'expired'
            : 'valid';
        console.info(`${token.id}\t${token.prefix}…\t${token.role}\t${state}\t${token.name}`);
      }
      if (tokens.length === 0) console.info('No tokens yet.');
    } else {
      const id = Number(argument);
      if (!Number.isInteger(id))
        throw new TokenRequestError('revoke takes the token id: npm run token -- revoke 3');
      const token = await inTransaction(dataSource, (manager) => revokeToken(manager, id));
      console.info(`Token ${token.id} "${token.name}" is revoked.`);
    }
  } finally {
    await closeDataSource(dataSource);
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof TokenRequestError
      ? error.message
      : error instanceof Error
        ? `Error: ${error.message}`
        : error,
  );
  process.exitCode = 1;
});
