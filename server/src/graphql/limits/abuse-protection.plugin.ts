import type {
  ApolloServerPlugin,
  GraphQLRequest,
  GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

import type { LimitsConfig } from '../../config/config';
import {
  type RateLimiter,
  rateLimitHeaders,
  type RateLimitStatus,
} from '../../rate-limit/rate-limiter';
import { recordRateLimitStatus } from '../../rate-limit/request-rate-limit';
import type { GraphQLContext } from '../context';
import type { TrustedDocuments } from '../trusted-documents/trusted-documents';
import { BoundedCache } from './bounded-cache';
import { queryTooComplex, rateLimited } from './limit-errors';
import { measureOperation, type OperationShape } from './operation-shape';
import { computeQueryCost, createCostEstimator, MAX_COSTED_NODES } from './query-cost';

export type QueryLimits = Pick<
  LimitsConfig,
  'maxQueryDepth' | 'maxAliases' | 'maxRootFields' | 'maxQueryCost'
>;

export interface AbuseProtectionOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  rateLimiter: RateLimiter;
  /** The manifest, when TRUSTED_DOCUMENTS is not `off`. */
  trustedDocuments: TrustedDocuments | null;
}

/** Documents (by hash and operation) whose shape and costs are kept. */
const ANALYSIS_CACHE_SIZE = 2000;
/** Costs kept per document, one per set of values of its cost variables (page sizes…). */
const COSTS_PER_DOCUMENT = 64;

interface DocumentAnalysis {
  shape: OperationShape;
  costs: BoundedCache<string, number>;
}

/**
 * Limits, cost and rate limit, in one plugin so that their order is fixed. Per request:
 * - before parsing: the trusted-documents check (when TRUSTED_DOCUMENTS is on), whose refusal
 *   is sent once the operation is resolved (see setAsideUntrustedDocument);
 * - once the operation is known (parsed and validated, which Apollo caches per document): depth,
 *   aliases, root fields and cost, measured once per document and kept in a bounded cache; then
 *   the cost is taken from the caller's bucket, or the request refused with RATE_LIMITED;
 * - before sending: `X-RateLimit-*` headers and `extensions.cost`.
 * Every request takes at least 1 point, including those refused before they could be costed.
 * No hook runs per field: the whole cost is a few map lookups per request.
 */
export function abuseProtectionPlugin(
  options: AbuseProtectionOptions,
): ApolloServerPlugin<GraphQLContext> {
  const { schema, limits, rateLimiter, trustedDocuments } = options;
  const estimator = createCostEstimator(schema);
  const analyses = new BoundedCache<string, DocumentAnalysis>(ANALYSIS_CACHE_SIZE);

  const analyse = (
    context: GraphQLRequestContextDidResolveOperation<GraphQLContext>,
    operation: OperationDefinitionNode,
  ): DocumentAnalysis => {
    const key = `${context.queryHash}\u0000${context.operationName ?? ''}`;
    let analysis = analyses.get(key);
    if (!analysis) {
      analysis = {
        shape: measureOperation(context.document, operation),
        costs: new BoundedCache(COSTS_PER_DOCUMENT),
      };
      analyses.set(key, analysis);
    }
    return analysis;
  };

  return {
    async requestDidStart(start) {
      const { caller } = start.contextValue;
      let status: RateLimitStatus | null = null;

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
          const { shape, costs } = analyse(context, operation);
          const overLimit = checkShape(shape, limits);
          if (overLimit) throw await refuse(overLimit);

          const variables = context.request.variables ?? undefined;
          const signature = costSignature(shape.costVariables, variables);
          let cost = costs.get(signature);
          if (cost === undefined) {
            try {
              const computed = computeQueryCost(
                schema,
                estimator,
                context.document,
                context.operationName ?? undefined,
                variables,
              );
              cost = Math.max(1, computed);
            } catch (error) {
              throw await refuse(costingFailure(error));
            }
            costs.set(signature, cost);
          }
          if (cost > limits.maxQueryCost) {
            throw await refuse(
              queryTooComplex(
                'cost',
                limits.maxQueryCost,
                cost,
                `This operation costs ${cost} points, more than the ${limits.maxQueryCost} one operation may ` +
                  'cost: ask for smaller pages (first/last) or fewer nested lists, and follow the cursors.',
              ),
            );
          }
          const taken = await rateLimiter.take(caller, cost);
          status = taken;
          recordRateLimitStatus(start.contextValue, operation, taken);
          if (!taken.allowed) throw rateLimited(taken);
        },

        async willSendResponse(context) {
          // Parse and validation errors: the request took its minimum all the same.
          const final = status ?? (await takeMinimum());
          for (const [name, value] of rateLimitHeaders(final)) {
            context.response.http.headers.set(name, value);
          }
          if (context.response.body.kind === 'single') {
            const result = context.response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: {
                requestedQueryCost: final.cost,
                maximumAvailable: final.limit,
                currentlyAvailable: final.remaining,
                restoreRate: final.restoreRate,
              },
            };
          }
        },
      };
    },
  };
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
 * What the cost depends on among the variables: page sizes, directive conditions (their
 * values) and id lists (their lengths only, so that paging with new cursors or asking for other
 * ids reuses the cost computed for the document).
 */
function costSignature(
  names: readonly string[],
  variables: Record<string, unknown> | undefined,
): string {
  if (names.length === 0) return '';
  return JSON.stringify(
    names.map((name) => {
      const value = variables?.[name];
      return Array.isArray(value) ? { length: value.length } : (value ?? null);
    }),
  );
}

/** Costing fails on variables of the wrong type: refused like Apollo does, as BAD_USER_INPUT. */
function costingFailure(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) {
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  throw error;
}
