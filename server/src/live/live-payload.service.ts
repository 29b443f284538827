import { databaseIdOf } from '../core/global-id';
import type { CollectionSpec } from '../database/query/collection-spec';
import type { GraphQLContext } from '../graphql/context';
import type { LiveEvent, LiveEventEnvelope } from '../graphql/subscriptions/live-events';
import { checkListFilter, liveStream, readThroughList } from '../graphql/subscriptions/live-stream';
import { MEMBERSHIP_COLLECTION } from '../member/member.collection';
import {
  PROJECT_COLLECTION,
  PROJECT_STATUS_CHANGE_COLLECTION,
} from '../project/project.collection';
import { EVALUATION_COLLECTION } from '../selection/evaluation.collection';
import { LABELLING_DECISION_COLLECTION } from '../selection/labelling-decision.collection';

type Filter = Record<string, unknown> | null | undefined;

export interface SubscribeData {
  args: Record<string, unknown>;
  context: GraphQLContext;
}

type EventOf<TType extends LiveEvent['type']> = Extract<LiveEvent, { type: TType }>;

function envelopeFields(envelope: LiveEventEnvelope) {
  return { operation: envelope.operation, committedAt: new Date(envelope.committedAt) };
}

/**
 * How the events of one type reach a reader: the list its record is read through, the filter
 * built from the subscription's arguments, the record's id in the event, and the payload.
 */
interface LiveSource<TType extends LiveEvent['type']> {
  spec: CollectionSpec;
  filterOf(args: Record<string, unknown>): Filter;
  recordOf(event: EventOf<TType>): number;
  payloadOf(context: GraphQLContext, record: object, event: EventOf<TType>): Promise<object | null>;
}

type LiveSources = { [TType in LiveEvent['type']]: LiveSource<TType> };

/**
 * Every event type's source. Subscriptions and webhooks both deliver through it (`livePayload`),
 * so a webhook bound to a scope receives exactly what a subscriber of that scope would.
 */
const LIVE_SOURCES: LiveSources = {
  projectStatusChanged: {
    spec: PROJECT_COLLECTION,
    filterOf: (args) => args.filter as Filter,
    recordOf: (event) => event.projectId,
    payloadOf: async (context, project, event) => ({
      project,
      statusChange:
        event.statusChangeId === null
          ? null
          : await readThroughList(
              context,
              PROJECT_STATUS_CHANGE_COLLECTION,
              event.statusChangeId,
              null,
            ),
    }),
  },
  projectUpdated: {
    spec: PROJECT_COLLECTION,
    filterOf: (args) => args.filter as Filter,
    recordOf: (event) => event.projectId,
    payloadOf: async (_context, project) => ({ project }),
  },
  evaluationRecorded: {
    spec: EVALUATION_COLLECTION,
    filterOf: (args) => poleAndPhaseFilter(args.poleId, args.phase),
    recordOf: (event) => event.evaluationId,
    payloadOf: async (_context, evaluation) => ({ evaluation }),
  },
  labellingDecisionPublished: {
    spec: LABELLING_DECISION_COLLECTION,
    filterOf: (args) => ({
      ...poleAndPhaseFilter(null, args.phase),
      publishedOn: { isNull: false },
    }),
    recordOf: (event) => event.decisionId,
    payloadOf: async (_context, decision) => ({ decision }),
  },
  membershipChanged: {
    spec: MEMBERSHIP_COLLECTION,
    filterOf: (args) => poleAndPhaseFilter(args.poleId, null),
    recordOf: (event) => event.membershipId,
    payloadOf: async (_context, membership) => ({ membership }),
  },
};

/**
 * The payload of one event as the caller of `context` may see it, with the arguments of a
 * subscription to its type (`{ filter }`…): null when the caller may not read the record or the
 * filter does not hold. The one path of subscriptions and webhooks alike.
 */
export async function livePayload(
  context: GraphQLContext,
  envelope: LiveEventEnvelope,
  args: Record<string, unknown>,
): Promise<object | null> {
  const type = envelope.event.type;
  const source = LIVE_SOURCES[type] as unknown as LiveSource<typeof type>;
  const record = await readThroughList<object>(
    context,
    source.spec,
    source.recordOf(envelope.event),
    source.filterOf(args),
  );
  if (!record) return null;
  const payload = await source.payloadOf(context, record, envelope.event);
  return payload && { ...envelopeFields(envelope), ...payload };
}

/**
 * A subscription to the events of `type`. The filter is checked once at subscribe, so a bad one
 * is refused at once with its path, as a query would be.
 */
export async function subscribeTo(
  { args, context }: SubscribeData,
  type: LiveEvent['type'],
): Promise<AsyncIterableIterator<object>> {
  await checkListFilter(context, LIVE_SOURCES[type].spec, LIVE_SOURCES[type].filterOf(args));
  return liveStream(context, type, (envelope) => livePayload(context, envelope, args));
}

/** Conditions on the pole and the phase number, as list filters. */
function poleAndPhaseFilter(poleId: unknown, phase: unknown): Filter {
  const filter: Record<string, unknown> = {};
  if (poleId !== undefined && poleId !== null) {
    // Checked here so that the error names the argument, not the filter built from it.
    databaseIdOf(String(poleId), 'Pole', ['poleId']);
    filter.pole = { id: { eq: poleId } };
  }
  if (phase !== undefined && phase !== null) filter.phase = { number: { eq: phase } };
  return filter;
}
