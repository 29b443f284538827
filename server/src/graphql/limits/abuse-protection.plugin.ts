import {
  type ApolloServerPlugin,
  type GraphQLRequest,
  type GraphQLRequestContextDidResolveOperation,
  type GraphQLRequestContextWillSendResponse,
  HeaderMap,
} from '@apollo/server';
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

import type { LimitsConfig } from '../../config/config';
import { MAX_CONDITION_NESTING } from '../../database/query/boolean-condition';
import {
  queryCostCeiling,
  type RateLimiter,
  rateLimitHeaders,
  type RateLimitStatus,
} from '../../rate-limit/rate-limiter';
import { recordRateLimitStatus } from '../../rate-limit/request-rate-limit';
import type { GraphQLContext } from '../context';
import type { TrustedDocuments } from '../trusted-documents/trusted-documents';
import { BoundedCache } from './bounded-cache';
import type { HeavyOperationLane } from './heavy-operation-lane';
import { queryTooComplex, rateLimited } from './limit-errors';
import { measureOperation, type OperationShape } from './operation-shape';
import {
  type ActualCostCounter,
  actualCostCounter,
  computeQueryCost,
  MAX_COSTED_NODES,
} from './query-cost';

export type QueryLimits = Pick<
  LimitsConfig,
  | 'maxQueryDepth'
  | 'maxAliases'
  | 'maxRootFields'
  | 'maxQueryCost'
  | 'maxQueryCostByRole'
  | 'heavyQueryCost'
>;

export interface AbuseProtectionOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  rateLimiter: RateLimiter;
  /** The manifest, when TRUSTED_DOCUMENTS is not `off`. */
  trustedDocuments: TrustedDocuments | null;
  /** Where operations of cost `heavyQueryCost` or more take turns (its state is in /metrics). */
  heavyLane: HeavyOperationLane;
}

/** Documents (by hash and operation) whose shape is kept. */
const SHAPE_CACHE_SIZE = 2000;
/** Requested costs kept, by document, operation and the exact variables. */
const COST_CACHE_SIZE = 5000;
/** Variables longer than this (as JSON) are costed each time rather than kept as a cache key. */
const MAX_CACHED_VARIABLES_LENGTH = 4096;
/** Variables nest at most this deep (a filter nests at most MAX_CONDITION_NESTING, plus its name). */
const MAX_VARIABLES_NESTING = MAX_CONDITION_NESTING + 1;

/** The `extensions.cost` of every answer (Shopify's names, flattened). */
export interface CostExtension {
  /** What the operation was priced before it ran; what admission required. */
  requestedQueryCost: number;
  /** What it cost once run, by what it returned: what the bucket was finally charged. */
  actualQueryCost: number | null;
  /** The most one operation of this caller may cost (its role's ceiling). */
  maximumQueryCost: number;
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Limits, cost and rate limit, in one plugin so that their order is fixed. Per request:
 * - before parsing: the trusted-documents check (when TRUSTED_DOCUMENTS is on), whose refusal
 *   is sent once the operation is resolved (see setAsideUntrustedDocument);
 * - once the operation is known (parsed and validated, which Apollo caches per document): depth,
 *   aliases and root fields (kept per document), the nesting of the variables and the size of
 *   each filter (BAD_USER_INPUT), then the cost with these variables against the caller's
 *   ceiling (per role); admission takes the requested cost from the caller's bucket, or refuses
 *   with RATE_LIMITED; an admitted operation of cost `heavyQueryCost` or more then waits for a
 *   place in the heavy lane (at most `maxConcurrentHeavyExecutions` run at once), until it has
 *   executed;
 * - a dry run (`extensions: { dryRun: true }` in the body) stops there: nothing runs, nothing
 *   is taken, the answer is only `extensions.cost`;
 * - after execution: the actual cost, counted on what was returned, and the difference refunded;
 *   then the `X-RateLimit-*` headers and `extensions.cost`.
 * Every request takes at least 1 point, including those refused before they could be costed.
 * No hook runs per field.
 */
export function abuseProtectionPlugin(
  options: AbuseProtectionOptions,
): ApolloServerPlugin<GraphQLContext> {
  const { schema, limits, rateLimiter, trustedDocuments, heavyLane } = options;
  const shapes = new BoundedCache<string, OperationShape>(SHAPE_CACHE_SIZE);
  const costs = new BoundedCache<string, number>(COST_CACHE_SIZE);
  const counters = new BoundedCache<string, ActualCostCounter>(COST_CACHE_SIZE);

  const shapeOf = (
    context: GraphQLRequestContextDidResolveOperation<GraphQLContext>,
    operation: OperationDefinitionNode,
  ): OperationShape => {
    const key = `${context.queryHash}\u0000${context.operationName ?? ''}`;
    let shape = shapes.get(key);
    if (!shape) {
      shape = measureOperation(context.document, operation);
      shapes.set(key, shape);
    }
    return shape;
  };

  /** What the cost depends on: the document, the operation and the exact variables. */
  const costKey = (context: GraphQLRequestContextDidResolveOperation<GraphQLContext>) => {
    const serialized = JSON.stringify(context.request.variables ?? {});
    return serialized.length <= MAX_CACHED_VARIABLES_LENGTH
      ? `${context.queryHash}\u0000${context.operationName ?? ''}\u0000${serialized}`
      : null;
  };

  /** The requested cost with these variables; kept per document and exact variables. */
  const requestedCost = (
    context: GraphQLRequestContextDidResolveOperation<GraphQLContext>,
    key: string | null,
  ): number => {
    const known = key === null ? undefined : costs.get(key);
    if (known !== undefined) return known;
    const cost = Math.max(
      1,
      computeQueryCost(
        schema,
        context.document,
        context.operationName,
        context.request.variables ?? undefined,
      ),
    );
    if (key !== null) costs.set(key, cost);
    return cost;
  };

  /**
   * Counts what an execution returned, with what the document and variables decide kept per
   * document and exact variables: the next answer of the same operation walks only its data.
   */
  const actualCounter = (
    context: GraphQLRequestContextWillSendResponse<GraphQLContext>,
    key: string | null,
  ): ActualCostCounter => {
    let counter = key === null ? undefined : counters.get(key);
    if (!counter) {
      counter = actualCostCounter(
        schema,
        context.document!,
        context.operationName,
        context.request.variables,
      );
      if (key !== null) counters.set(key, counter);
    }
    return counter;
  };

  return {
    async requestDidStart(start) {
      const { caller } = start.contextValue;
      const ceiling = queryCostCeiling(limits, caller);
      const dryRun = start.request.extensions?.dryRun === true;
      let status: RateLimitStatus | null = null;
      let requested: number | null = null;
      let key: string | null = null;
      let executed = false;
      let leaveHeavyLane: (() => void) | undefined;

      /** The least a request takes: 1 point, whether or not it could be costed. */
      const takeMinimum = async (): Promise<RateLimitStatus> => {
        status = await rateLimiter.take(caller, 1);
        return status;
      };

      /**
       * Refusals are thrown from didResolveOperation, the one hook whose errors Apollo answers
       * as they are (status included) and after which willSendResponse still runs.
       */
      const refuse = async (refusal: GraphQLError): Promise<GraphQLError> => {
        const taken = await takeMinimum();
        return taken.allowed ? refusal : rateLimited(taken);
      };

      const untrusted = trustedDocuments?.admit(start.request, caller) ?? null;
      if (untrusted) setAsideUntrustedDocument(start.request);

      return {
        async didResolveOperation(context) {
          if (untrusted) throw await refuse(untrusted);
          const { operation } = context;
          // No operation of that name: Apollo answers so itself (it still takes its minimum).
          if (!operation) return;
          const overLimit =
            checkShape(shapeOf(context, operation), limits) ??
            checkVariablesNesting(context.request.variables);
          if (overLimit) throw await refuse(overLimit);

          let cost: number;
          try {
            key = costKey(context);
            cost = requestedCost(context, key);
          } catch (error) {
            throw await refuse(costingFailure(error));
          }
          requested = cost;
          if (dryRun) {
            // Priced, not run, not charged: the bucket is only read.
            status = await rateLimiter.take(caller, 0);
            return;
          }
          if (cost > ceiling) {
            throw await refuse(
              queryTooComplex(
                'cost',
                ceiling,
                cost,
                `This operation costs ${cost} points, more than the ${ceiling} one operation may ` +
                  'cost: ask for smaller pages (first/last) or fewer nested lists, and follow the cursors.',
              ),
            );
          }
          const taken = await rateLimiter.take(caller, cost);
          status = taken;
          recordRateLimitStatus(start.contextValue, operation, taken);
          if (!taken.allowed) throw rateLimited(taken);
          executed = true;
          if (cost >= limits.heavyQueryCost) {
            // A client that hangs up while its heavy operation waits: it never runs.
            leaveHeavyLane = await heavyLane.enter(start.contextValue.abandoned?.()).catch(() => {
              throw new GraphQLError(
                'The client went away while the operation waited for its turn; it was not run.',
                { extensions: { code: 'SERVICE_UNAVAILABLE' } },
              );
            });
          }
        },

        async executionDidStart() {
          return {
            async executionDidEnd() {
              leaveHeavyLane?.();
            },
          };
        },

        async responseForOperation() {
          if (!dryRun || requested === null) return null;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: {} },
          };
        },

        async willSendResponse(context) {
          // Also here: an operation refused after admission (another plugin) never executed.
          leaveHeavyLane?.();
          const body = context.response.body;
          let actual: number | null = null;
          if (executed && requested !== null && body.kind === 'single' && context.document) {
            actual = actualCost(context, body.singleResult.data, requested);
            if (actual < requested)
              status = await rateLimiter.refund(caller, requested - actual, actual);
          }
          // Parse and validation errors: the request took its minimum all the same.
          const final = status ?? (await takeMinimum());
          for (const [name, value] of rateLimitHeaders(final)) {
            context.response.http.headers.set(name, value);
          }
          if (body.kind === 'single') {
            const cost: CostExtension = {
              requestedQueryCost: requested ?? final.cost,
              actualQueryCost: actual,
              maximumQueryCost: ceiling,
              maximumAvailable: final.limit,
              currentlyAvailable: final.remaining,
              restoreRate: final.restoreRate,
            };
            body.singleResult.extensions = { ...body.singleResult.extensions, cost };
          }
        },
      };

      /** What the operation cost by what it returned; never above what was requested. */
      function actualCost(
        context: GraphQLRequestContextWillSendResponse<GraphQLContext>,
        data: Record<string, unknown> | null | undefined,
        requestedPoints: number,
      ): number {
        try {
          const counted = actualCounter(context, key).count(data ?? null);
          return Math.min(requestedPoints, Math.max(1, counted));
        } catch {
          // The same document and variables were costed before they ran: this cannot fail.
          return requestedPoints;
        }
      }
    },
  };
}

/**
 * Variables nested deeper than any input of the schema allows: refused before graphql-js
 * coerces them, which it does recursively (5,000 levels would exhaust the stack).
 */
function checkVariablesNesting(
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  if (!variables) return null;
  const pending: [unknown, number][] = [[variables, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLES_NESTING) {
      return new GraphQLError(
        `Variables nest at most ${MAX_VARIABLES_NESTING} levels deep (objects and lists).`,
        { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
      );
    }
    for (const inner of Object.values(value)) pending.push([inner, depth + 1]);
  }
  return null;
}

/**
 * An untrusted document must not even be parsed, but a refusal thrown before parsing becomes an
 * "Internal server error" in Apollo. So the request goes on with a fixed, already cached
 * document in its place, and is refused once that one is resolved: the refusal then gets its
 * status, headers and `extensions.cost` like any other. Nothing of it ever runs.
 */
const UNTRUSTED_PLACEHOLDER = '{ __typename }';

function setAsideUntrustedDocument(request: GraphQLRequest): void {
  request.query = UNTRUSTED_PLACEHOLDER;
  request.operationName = undefined;
  if (request.extensions?.persistedQuery) {
    request.extensions = { ...request.extensions, persistedQuery: undefined };
  }
}

/** The first static limit `shape` goes over, as the error to refuse it with. */
function checkShape(shape: OperationShape, limits: QueryLimits): GraphQLError | null {
  if (shape.depth > limits.maxQueryDepth) {
    return queryTooComplex(
      'depth',
      limits.maxQueryDepth,
      shape.depth,
      `This operation nests fields ${shape.depth} deep; at most ${limits.maxQueryDepth} levels are allowed.`,
    );
  }
  if (shape.rootFields > limits.maxRootFields) {
    return queryTooComplex(
      'rootFields',
      limits.maxRootFields,
      shape.rootFields,
      `This operation asks for ${shape.rootFields} root fields; at most ${limits.maxRootFields} are allowed: ` +
        'split it into several requests.',
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return queryTooComplex(
      'aliases',
      limits.maxAliases,
      shape.aliases,
      `This operation uses ${shape.aliases} aliases (fragments counted each time they are spread); ` +
        `at most ${limits.maxAliases} are allowed.`,
    );
  }
  if (shape.selections > MAX_COSTED_NODES) {
    return queryTooComplex(
      'selections',
      MAX_COSTED_NODES,
      shape.selections,
      `This operation holds ${shape.selections} selections once its fragments are expanded; ` +
        `at most ${MAX_COSTED_NODES} are allowed.`,
    );
  }
  return null;
}

/**
 * Costing fails on variables of the wrong type or a filter too big: refused like Apollo does,
 * as BAD_USER_INPUT (or the code the refusal carries).
 */
function costingFailure(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) {
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: {
        ...error.extensions,
        code: error.extensions.code ?? 'BAD_USER_INPUT',
        http: { status: 400 },
      },
    });
  }
  throw error;
}
