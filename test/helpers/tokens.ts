import type { DataSource } from 'typeorm';

import { issueToken, type IssueTokenRequest } from '../../server/src/api-token/api-token.service';
import { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/database/transactions';

/** Issues a real API token in `dataSource` and returns the header that sends it. */
export async function bearerFor(
  dataSource: DataSource,
  request: Partial<IssueTokenRequest> & { role: Role },
): Promise<{ authorization: string }> {
  const { secret } = await inTransaction(dataSource, (manager) =>
    issueToken(manager, {
      name: `test ${request.role} ${Date.now()} ${Math.random()}`,
      ...request,
    }),
  );
  return { authorization: `Bearer ${secret}` };
}

/** A ministry analyst of the Economy ministry: reads everything, as most read suites need. */
export const ANALYST: Partial<IssueTokenRequest> & { role: Role } = {
  role: Role.MINISTRY_ANALYST,
  ministryCode: 'ECO',
  name: 'Test analyst (Économie)',
};

export const ADMIN: Partial<IssueTokenRequest> & { role: Role } = {
  role: Role.ADMIN,
  name: 'Test administrator',
};
