import 'reflect-metadata';

import { parseArgs } from 'node:util';

import type { ApiToken } from '../api-token/api-token.entity';
import {
  issueToken,
  listTokens,
  revokeToken,
  TOKEN_NAME_LENGTH,
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
  npm run token -- --help

create   issues a token and prints its secret alone on the last line, once (only its SHA-256 is kept).
         --role      ${Object.values(Role).join(', ')}
         --region    INSEE code of the region a REGION_OFFICER is limited to (required for that role)
         --ministry  code of the ministry a MINISTRY_ANALYST acts for (required for that role)
         --pole      slug of the pole a POLE_MANAGER manages (required for that role)
         --name      a label shown in audit logs and project histories, ${TOKEN_NAME_LENGTH.min} to ${TOKEN_NAME_LENGTH.max} characters
         --expires   last day of validity, YYYY-MM-DD (default: never expires)
list     every token: id, prefix, role, scope, state, expiry, name
revoke   refuses the token from now on (it stays listed as revoked)`;

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (values.help || command === 'help') {
    console.info(USAGE);
    return;
  }
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
      if (tokens.length === 0) console.info('No tokens yet.');
      else console.info(formatTokenTable(tokens));
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

/** The `list` table: a header, then one aligned row per token. */
function formatTokenTable(tokens: readonly ApiToken[], now = new Date()): string {
  const rows = tokens.map((token) => [
    String(token.id),
    `${token.prefix}…`,
    token.role,
    token.region
      ? `region ${token.region.code}`
      : token.ministry
        ? `ministry ${token.ministry.code}`
        : token.pole
          ? `pole ${token.pole.slug}`
          : '-',
    token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt <= now ? 'expired' : 'valid',
    token.expiresAt ? token.expiresAt.toISOString().slice(0, 10) : 'never',
    token.name,
  ]);
  const header = ['ID', 'PREFIX', 'ROLE', 'SCOPE', 'STATE', 'EXPIRES', 'NAME'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  '),
    )
    .join('\n');
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
