import { Arg, ID, Int, Resolver, Root, Subscription } from 'type-graphql';

import { filterInputType } from '../graphql/collection-types';
import { PROJECT_COLLECTION } from '../project/project.collection';
import {
  EvaluationRecordedEvent,
  LabellingDecisionPublishedEvent,
  MembershipChangedEvent,
  ProjectStatusChangedEvent,
  ProjectUpdatedEvent,
} from './live.payloads';
import { type SubscribeData, subscribeTo } from './live-payload.service';

type Filter = Record<string, unknown> | null | undefined;

/**
 * Subscriptions: pushed after commit, each event re-read with the subscriber's own rights (see
 * README "Live updates"). Every resolver only passes its payload on.
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => ProjectStatusChangedEvent, {
    description:
      'Status changes of the projects matching `filter` that the subscriber may read, after commit.',
    subscribe: (data: SubscribeData) => subscribeTo(data, 'projectStatusChanged'),
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
    subscribe: (data: SubscribeData) => subscribeTo(data, 'projectUpdated'),
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
    subscribe: (data: SubscribeData) => subscribeTo(data, 'evaluationRecorded'),
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
    subscribe: (data: SubscribeData) => subscribeTo(data, 'labellingDecisionPublished'),
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
    subscribe: (data: SubscribeData) => subscribeTo(data, 'membershipChanged'),
  })
  membershipChanged(
    @Root() event: MembershipChangedEvent,
    @Arg('poleId', () => ID, { nullable: true, description: 'Only this pole’s memberships.' })
    _poleId?: string,
  ): MembershipChangedEvent {
    return event;
  }
}
