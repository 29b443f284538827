import { validate, type ValidationError } from 'class-validator';
import type { EntityManager } from 'typeorm';

import { AuditTrail } from '../../audit/audit-trail';
import { inTransaction } from '../../database/transactions';
import type { GraphQLContext } from '../context';
import { DomainError } from '../domain-error';
import { type UserError, userError, UserErrorCode, UserInputProblems } from './user-error';

/** What a mutation's service receives: the transaction and the audit trail of this mutation. */
export interface MutationScope {
  manager: EntityManager;
  audit: AuditTrail;
  caller: GraphQLContext['caller'];
}

/** A payload: the result's fields (absent when refused) and the user errors. */
export type MutationPayload<TResult> = Partial<TResult> & { userErrors: UserError[] };

export interface MutationOptions<TResult> {
  /** The mutation's name, for the audit log. */
  operation: string;
  /** The input object, validated with its class-validator rules before anything else. */
  input?: object;
  /** Does the work inside one transaction; throws `UserInputProblems` to refuse. */
  execute(scope: MutationScope): Promise<TResult>;
}

/**
 * Runs a mutation the same way for all: validate the input, then do everything in ONE
 * transaction with its audit entries, and turn expected failures into `userErrors` (data,
 * not exceptions). On any failure nothing is written.
 */
export async function runMutation<TResult extends object>(
  context: GraphQLContext,
  { operation, input, execute }: MutationOptions<TResult>,
): Promise<MutationPayload<TResult>> {
  const refused = (userErrors: UserError[]) => ({ userErrors }) as MutationPayload<TResult>;
  // Every write needs a token: an anonymous caller learns nothing about the data, not even
  // whether its input would have been valid.
  if (context.caller.kind === 'anonymous') {
    throw new DomainError(
      'UNAUTHENTICATED',
      'Writes need an API token: send Authorization: Bearer <token>',
    );
  }
  if (input) {
    const problems = flattenValidationErrors(
      await validate(input, { forbidUnknownValues: false }),
      ['input'],
    );
    if (problems.length > 0) return refused(problems);
  }
  try {
    const result = await inTransaction(context.dataSource, async (manager) => {
      const audit = new AuditTrail(operation, context.caller.name, context.requestId);
      const value = await execute({ manager, audit, caller: context.caller });
      await audit.write(manager);
      return value;
    });
    // Loaders of this request may hold what was just changed.
    context.loaders.clearAll();
    return { ...result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputProblems) return refused(error.userErrors);
    const constraint = constraintViolation(error);
    if (constraint) return refused([constraint]);
    throw error;
  }
}

/** class-validator's error tree as user errors, one per broken rule, each with its field path. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  path: string[],
): UserError[] {
  const flat: UserError[] = [];
  for (const error of errors) {
    const here = [...path, error.property];
    for (const message of Object.values(error.constraints ?? {})) {
      flat.push(userError(UserErrorCode.INVALID, here, message));
    }
    flat.push(...flattenValidationErrors(error.children ?? [], here));
  }
  return flat;
}

/**
 * The database's own refusals, when a rule slipped past the services (two writers racing for
 * the same unique key): mapped to codes, never shown raw.
 */
function constraintViolation(error: unknown): UserError | null {
  const driverError =
    (error as { driverError?: { code?: string; errno?: number } })?.driverError ?? error;
  const code = String((driverError as { code?: string })?.code ?? '');
  const errno = Number((driverError as { errno?: number })?.errno ?? 0);
  if (
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  ) {
    return userError(
      UserErrorCode.DUPLICATE,
      ['input'],
      'A record with the same unique key already exists.',
    );
  }
  if (code === 'ER_ROW_IS_REFERENCED_2' || errno === 1451) {
    return userError(
      UserErrorCode.REFERENCE_IN_USE,
      ['input'],
      'The record is still referenced by others.',
    );
  }
  if (code === 'ER_NO_REFERENCED_ROW_2' || errno === 1452) {
    return userError(UserErrorCode.NOT_FOUND, ['input'], 'A referenced record does not exist.');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return userError(
      UserErrorCode.NOT_FOUND,
      ['input'],
      'A referenced record does not exist, or is still referenced.',
    );
  }
  return null;
}
