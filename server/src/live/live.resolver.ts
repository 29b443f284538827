import { Arg, ID, Int, Resolver, Root, Subscription } from 'type-graphql';

import { databaseIdOf } from '../core/global-id';
import type { CollectionSpec } from '../database/query/collection-spec';
import { filterInputType } from '../graphql/collection-types';
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
import {
  EvaluationRecordedEvent,
  LabellingDecisionPublishedEvent,
  MembershipChangedEvent,
  ProjectStatusChangedEvent,
  ProjectUpdatedEvent,
} from './live.payloads';

type Filter = Record<string, unknown> | null | undefined;

interface SubscribeData {
  args: Record<string, unknown>;
  context: GraphQLContext;
}

type EventOf<TType extends LiveEvent['type']> = Extract<LiveEvent, { type: TType }>;

function envelopeFields(envelope: LiveEventEnvelope) {
  return { operation: envelope.operation, committedAt: new Date(envelope.committedAt) };
}

/**
 * A subscription to the events of `type` whose record (`recordOf`) the subscriber reads through
 * the list of `spec` with `filter`. The filter is checked once at subscribe, so a bad one is
 * refused at once with its path, as a query would be.
 */
async function subscribeThroughList<TType extends LiveEvent['type'], TRecord extends object, T>(
  context: GraphQLContext,
  type: TType,
  spec: CollectionSpec,
  filter: Filter,
  recordOf: (event: EventOf<TType>) => number,
  payloadOf: (record: TRecord, event: EventOf<TType>) => Promise<T | null> | T | null,
): Promise<AsyncIterableIterator<T>> {
  await checkListFilter(context, spec, filter);
  return liveStream(context, type, async (envelope) => {
    const event = envelope.event as EventOf<TType>;
    const record = await readThroughList<TRecord>(context, spec, recordOf(event), filter);
    if (!record) return null;
    const payload = await payloadOf(record, event);
    return payload && { ...envelopeFields(envelope), ...payload };
  });
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

/**
 * Subscriptions: pushed after commit, each event re-read with the subscriber's own rights (see
 * README "Live updates"). Every resolver only passes its payload on.
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => ProjectStatusChangedEvent, {
    description:
      'Status changes of the projects matching `filter` that the subscriber may read, after commit.',
    subscribe: ({ args, context }: SubscribeData) =>
      subscribeThroughList(
        context,
        'projectStatusChanged',
        PROJECT_COLLECTION,
        args.filter as Filter,
        (event) => event.projectId,
        async (project, event) => ({
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
      ),
  })
  projectStatusChanged(
    @Root() event: ProjectStatusChangedEvent,
    @Arg('filter', () => filterInputType(PROJECT_COLLECTION), {
      nullable: true,
      description: 'Which projects, as in `projects(filter:)`; all readable ones when absent.',
    })
    _filter?: Filter,
  ): ProjectStatusChangedEvent {
    return event;
  }

  @Subscription(() => ProjectUpdatedEvent, {
    description:
      'Projects matching `filter` that were created or whose amounts, dates or partners changed.',
    subscribe: ({ args, context }: SubscribeData) =>
      subscribeThroughList(
        context,
        'projectUpdated',
        PROJECT_COLLECTION,
        args.filter as Filter,
        (event) => event.projectId,
        (project) => ({ project }),
      ),
  })
  projectUpdated(
    @Root() event: ProjectUpdatedEvent,
    @Arg('filter', () => filterInputType(PROJECT_COLLECTION), {
      nullable: true,
      description: 'Which projects, as in `projects(filter:)`; all readable ones when absent.',
    })
    _filter?: Filter,
  ): ProjectUpdatedEvent {
    return event;
  }

  @Subscription(() => EvaluationRecordedEvent, {
    description:
      'Evaluations recorded, for those who may read them (the evaluated pole’s detail right).',
    subscribe: ({ args, context }: SubscribeData) =>
      subscribeThroughList(
        context,
        'evaluationRecorded',
        EVALUATION_COLLECTION,
        poleAndPhaseFilter(args.poleId, args.phase),
        (event) => event.evaluationId,
        (evaluation) => ({ evaluation }),
      ),
  })
  evaluationRecorded(
    @Root() event: EvaluationRecordedEvent,
    @Arg('poleId', () => ID, { nullable: true, description: 'Only this pole’s evaluations.' })
    _poleId?: string,
    @Arg('phase', () => Int, { nullable: true, description: 'Only this phase (its number).' })
    _phase?: number,
  ): EvaluationRecordedEvent {
    return event;
  }

  @Subscription(() => LabellingDecisionPublishedEvent, {
    description: 'Labelling decisions once published (a draft is never sent, whoever subscribes).',
    subscribe: ({ args, context }: SubscribeData) =>
      subscribeThroughList(
        context,
        'labellingDecisionPublished',
        LABELLING_DECISION_COLLECTION,
        { ...poleAndPhaseFilter(null, args.phase), publishedOn: { isNull: false } },
        (event) => event.decisionId,
        (decision) => ({ decision }),
      ),
  })
  labellingDecisionPublished(
    @Root() event: LabellingDecisionPublishedEvent,
    @Arg('phase', () => Int, { nullable: true, description: 'Only this phase (its number).' })
    _phase?: number,
  ): LabellingDecisionPublishedEvent {
    return event;
  }

  @Subscription(() => MembershipChangedEvent, {
    description: 'Members joining or leaving a pole, or their membership changing.',
    subscribe: ({ args, context }: SubscribeData) =>
      subscribeThroughList(
        context,
        'membershipChanged',
        MEMBERSHIP_COLLECTION,
        poleAndPhaseFilter(args.poleId, null),
        (event) => event.membershipId,
        (membership) => ({ membership }),
      ),
  })
  membershipChanged(
    @Root() event: MembershipChangedEvent,
    @Arg('poleId', () => ID, { nullable: true, description: 'Only this pole’s memberships.' })
    _poleId?: string,
  ): MembershipChangedEvent {
    return event;
  }
}
