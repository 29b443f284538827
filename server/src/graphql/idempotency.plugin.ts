import { createHash } from 'node:crypto';

import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

import { DomainError } from '../core/domain-error';
import type { IdempotencyStore, StoredResponse } from '../idempotency/idempotency-store';
import type { GraphQLContext } from './context';

/** The request header, as Stripe and the IETF draft name it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that is the replay of a first one. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** 1 to 255 visible ASCII characters (no space, no control character). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** How long a retry waits for the first request with its key to finish before CONFLICT. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;

function refusal(message: string, code: 'BAD_USER_INPUT' | 'CONFLICT', status: number) {
  return new GraphQLError(message, {
    extensions: { code, http: { status, headers: new HeaderMap() } },
  });
}

/**
 * A claim that failed: the mutation is not run (SERVICE_UNAVAILABLE: 503, Retry-After; a race
 * for the key: CONFLICT, 409).
 */
function unavailable(error: unknown): GraphQLError {
  if (error instanceof DomainError && error.code === 'CONFLICT') {
    // Retries racing for one key (the store's own refusal): 409, as every CONFLICT here.
    return refusal(error.message, 'CONFLICT', 409);
  }
  return error instanceof DomainError
    ? new GraphQLError(error.message, { extensions: { code: error.code } })
    : new GraphQLError(
        'Idempotency-Key cannot be honoured now; nothing was run: retry in a few seconds with the same key.',
        { extensions: { code: 'SERVICE_UNAVAILABLE' } },
      );
}

/**
 * `Idempotency-Key` on a mutation: the first request with a key runs; a retry (same caller,
 * same key, same document, operation and variables) within the time to live gets the first
 * answer again, with `Idempotent-Replayed: true`, and runs nothing. A key reused with another
 * request is refused (BAD_USER_INPUT, HTTP 422); a retry arriving while the first request runs
 * waits for it a few seconds, then gets CONFLICT (HTTP 409). A first request that wrote nothing
 * and answered only errors (unauthenticated, database down…) frees its key, so a retry runs.
 * Queries ignore the header. Costs nothing when the header is absent.
 */
export function idempotencyPlugin(store: IdempotencyStore): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (key === undefined) return;
      let held: { keyHash: string; claim: string } | null = null;
      let replay: StoredResponse | null = null;

      return {
        async didResolveOperation(context) {
          if (context.operation?.operation !== 'mutation') return;
          if (!KEY_PATTERN.test(key)) {
            throw refusal(
              'Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces), ' +
                'e.g. a UUID',
              'BAD_USER_INPUT',
              400,
            );
          }
          const { caller } = context.contextValue;
          // Writes need a token; the mutation refuses anonymous callers itself.
          if (caller.kind !== 'token') return;
          const keyHash = sha256(`token:${caller.tokenId}\n${key}`);
          const fingerprint = sha256(
            JSON.stringify([
              context.queryHash,
              context.operationName ?? null,
              context.request.variables ?? {},
            ]),
          );
          const deadline = Date.now() + WAIT_FOR_FIRST_MS;
          for (;;) {
            const found = await store.claim(keyHash, fingerprint).catch((error: unknown) => {
              throw unavailable(error);
            });
            if (found.kind === 'claimed') {
              held = { keyHash, claim: found.claim };
              const { claim } = found;
              const mark = store.markCommitted?.bind(store);
              if (mark) {
                context.contextValue.idempotency = {
                  markCommitted: (manager) => mark(manager, keyHash, claim),
                };
              }
              return;
            }
            if (found.fingerprint !== fingerprint) {
              throw refusal(
                'This Idempotency-Key was already used with another request (document, ' +
                  'operation or variables): use a new key for a new request',
                'BAD_USER_INPUT',
                422,
              );
            }
            if (found.kind === 'done') {
              replay = found.response;
              return;
            }
            // `committed` is also the short moment between the first request's commit and its
            // stored answer: wait for the answer as for a running request, and only when none
            // comes is the answer lost.
            if (found.kind === 'committed' && Date.now() >= deadline) {
              throw refusal(
                'The first request with this Idempotency-Key was written, but its answer was ' +
                  'lost: read the record instead of retrying',
                'CONFLICT',
                409,
              );
            }
            if (Date.now() >= deadline) {
              throw refusal(
                'The first request with this Idempotency-Key is still running: retry later',
                'CONFLICT',
                409,
              );
            }
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
        },

        async responseForOperation() {
          if (!replay) return null;
          const headers = new HeaderMap([[IDEMPOTENT_REPLAYED_HEADER, 'true']]);
          return {
            http: { status: undefined, headers },
            body: { kind: 'single', singleResult: { ...replay } as never },
          };
        },

        async willSendResponse(context) {
          if (!held) return;
          const { keyHash, claim } = held;
          held = null;
          const response = storable(context);
          try {
            if (response) await store.complete(keyHash, claim, response);
            else await store.release(keyHash, claim);
          } catch (error) {
            // The answer goes out all the same; its key stays claimed until its time to live
            // (retries: CONFLICT, never a second run).
            context.logger.warn(
              `[idempotency] the answer could not be kept for retries: ${String(error)}`,
            );
          }
        },
      };
    },
  };
}

/** The answer to keep: one whose mutations ran (some root field answered); null otherwise. */
function storable(context: GraphQLRequestContextWillSendResponse<GraphQLContext>) {
  if (context.response.body.kind !== 'single') return null;
  const { data, errors } = context.response.body.singleResult;
  const ran = data && Object.values(data).some((value) => value !== null && value !== undefined);
  if (!ran) return null;
  return errors ? { data, errors } : { data };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
