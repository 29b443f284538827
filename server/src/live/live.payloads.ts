import { Field, ObjectType } from 'type-graphql';

import { DateTimeScalar } from '../database/entity/scalars/date.scalar';
import { Membership } from '../member/membership.entity';
import { Project } from '../project/project.entity';
import { ProjectStatusChange } from '../project/project-status-change.entity';
import { Evaluation } from '../selection/evaluation.entity';
import { LabellingDecision } from '../selection/labelling-decision.entity';

/** What every event says of the write it comes from. */
@ObjectType() // never emitted on its own (unreachable from resolvers)
abstract class LiveEventFields {
  @Field({ description: 'The mutation (or `import:…`) whose commit produced the event.' })
  operation!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  committedAt!: Date;
}

@ObjectType({
  description:
    'A project moved along its life cycle. The project is shown as the subscriber may read it ' +
    '(its restricted fields obey the usual rules).',
})
export class ProjectStatusChangedEvent extends LiveEventFields {
  @Field(() => Project, { description: 'The project, after the change.' })
  project!: Project;

  @Field(() => ProjectStatusChange, {
    nullable: true,
    description:
      'The history row written with the change (from, to, who, when, comment); null for a ' +
      'subscriber who may not read the project’s history.',
  })
  statusChange!: ProjectStatusChange | null;
}

@ObjectType({ description: 'A project was created, or its amounts, dates or partners changed.' })
export class ProjectUpdatedEvent extends LiveEventFields {
  @Field(() => Project, { description: 'The project, after the change.' })
  project!: Project;
}

@ObjectType({ description: 'An evaluation of a pole was recorded.' })
export class EvaluationRecordedEvent extends LiveEventFields {
  @Field(() => Evaluation, { description: 'The evaluation recorded.' })
  evaluation!: Evaluation;
}

@ObjectType({
  description: 'A labelling decision was published, or a published decision was changed.',
})
export class LabellingDecisionPublishedEvent extends LiveEventFields {
  @Field(() => LabellingDecision, { description: 'The decision, as published.' })
  decision!: LabellingDecision;
}

@ObjectType({ description: 'A member joined or left a pole, or its membership changed.' })
export class MembershipChangedEvent extends LiveEventFields {
  @Field(() => Membership, { description: 'The membership, after the change.' })
  membership!: Membership;
}
