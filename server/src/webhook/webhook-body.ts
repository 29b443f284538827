import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  parse,
  validate,
} from 'graphql';

import { DomainError } from '../core/domain-error';
import type { GraphQLContext } from '../graphql/context';
import type { LiveEventEnvelope, LiveEventType } from '../graphql/subscriptions/live-events';
import { livePayload } from '../live/live-payload.service';

const POLE = 'pole { id slug name }';
const PROJECT = `project {
  id databaseId acronym title status summary version
  submittedOn decisionOn startOn endOn
  totalBudget publicFundingRequested publicFundingGranted
  leadPole { id slug name } programme { id code }
  regions { code name } updatedAt
}`;

/**
 * What a webhook body holds for each event: the fields of the subscription of the same name,
 * executed on the schema with the webhook's scope, so the field rules are those of every read.
 */
const SELECTIONS: Record<LiveEventType, string> = {
  projectStatusChanged: `${PROJECT}
    statusChange { id fromStatus toStatus changedBy changedAt comment }`,
  projectUpdated: PROJECT,
  evaluationRecorded: `evaluation {
    id databaseId evaluatedOn comments ${POLE} phase { number name } regionId ministryId
  }`,
  labellingDecisionPublished: `decision {
    id databaseId kind outcome decidedOn publishedOn validFrom validUntil rationale
    ${POLE} phase { number name }
  }`,
  membershipChanged: `membership {
    id databaseId startDate endDate boardSeat yearlyFee ${POLE} member { id name siren }
  }`,
};

/** The body of a delivery: Standard Webhooks' `{ type, timestamp, data }`. */
export interface WebhookBody {
  type: LiveEventType;
  /** When the change was committed (ISO 8601). */
  timestamp: string;
  /** The event as the scope may read it: restricted fields are left out. */
  data: Record<string, unknown>;
}

/** The documents of every event, parsed and checked against the schema once. */
export function webhookDocuments(schema: GraphQLSchema): Record<LiveEventType, DocumentNode> {
  return Object.fromEntries(
    Object.entries(SELECTIONS).map(([type, selection]) => {
      const document = parse(
        `subscription Webhook_${type} { ${type} { operation committedAt ${selection} } }`,
      );
      const problems = validate(schema, document);
      if (problems.length > 0) {
        throw new Error(
          `The ${type} webhook document does not fit the schema: ${problems[0].message}`,
        );
      }
      return [type, document];
    }),
  ) as Record<LiveEventType, DocumentNode>;
}

/** A field the scope may not read (the auth checker's refusal, before any error formatting). */
function isForbidden(error: GraphQLError): boolean {
  return error.originalError instanceof DomainError && error.originalError.code === 'FORBIDDEN';
}

function removePath(data: unknown, path: readonly (string | number)[]): void {
  let node = data as Record<string | number, unknown> | null;
  for (const key of path.slice(0, -1)) {
    node = (node?.[key] ?? null) as Record<string | number, unknown> | null;
    if (node === null || typeof node !== 'object') return;
  }
  if (node) delete node[path[path.length - 1]];
}

/**
 * The body of `envelope` for a webhook reading with `context` (its scope's caller), or null
 * when the scope may not read the record or `filter` does not hold: the same decision and
 * payload as a subscriber of that scope (`livePayload`). Fields the scope may not read are
 * left out; any other error is thrown (the delivery is retried).
 */
export async function webhookBody(
  schema: GraphQLSchema,
  documents: Record<LiveEventType, DocumentNode>,
  context: GraphQLContext,
  envelope: LiveEventEnvelope,
  filter: Record<string, unknown> | null,
): Promise<WebhookBody | null> {
  const type = envelope.event.type;
  const payload = await livePayload(context, envelope, filter ? { filter } : {});
  if (!payload) return null;
  const result = await execute({
    schema,
    document: documents[type],
    rootValue: payload,
    contextValue: context,
  });
  const unexpected = (result.errors ?? []).filter((error) => !isForbidden(error));
  if (unexpected.length > 0 || !result.data) {
    throw new Error(`The ${type} body could not be read: ${unexpected[0]?.message ?? 'no data'}`);
  }
  for (const error of result.errors ?? []) if (error.path) removePath(result.data, error.path);
  return {
    type,
    timestamp: envelope.committedAt,
    data: result.data[type] as Record<string, unknown>,
  };
}
