import type { MutationScope } from '../../auth/mutation-scope';
import { DomainError } from '../../core/domain-error';
import { validateInput } from '../../core/input-validation';
import type { Refusal } from '../../core/refusal';
import { runUnitOfWork } from '../../database/unit-of-work/unit-of-work';
import type { GraphQLContext } from '../context';

/** A payload: the result's fields (absent when refused) and the user errors. */
export type MutationPayload<TResult> = Partial<TResult> & { userErrors: Refusal[] };

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
  const refused = (userErrors: Refusal[]) => ({ userErrors }) as MutationPayload<TResult>;
  // Every write needs a token: an anonymous caller learns nothing about the data, not even
  // whether its input would have been valid.
  if (context.caller.kind === 'anonymous') {
    throw new DomainError(
      'UNAUTHENTICATED',
      'Writes need an API token: send Authorization: Bearer <token>',
    );
  }
  if (input) {
    const problems = await validateInput(input, ['input']);
    if (problems.length > 0) return refused(problems);
  }
  const outcome = await runUnitOfWork(
    context.dataSource,
    { operation, actor: context.caller.name, requestId: context.requestId },
    async ({ manager, audit }) => {
      const result = await execute({ manager, audit, caller: context.caller });
      // The Idempotency-Key's "committed" mark is written with the write, or not at all.
      await context.idempotency?.markCommitted(manager);
      return result;
    },
    { beforeCommit: context.beforeCommit, afterCommit: context.afterCommit },
  );
  if (!outcome.ok) return refused(outcome.refusals);
  // Loaders of this request may hold what was just changed.
  context.loaders.clearAll();
  return { ...outcome.value, userErrors: [] };
}
