import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';

@ObjectType({
  implements: Node,
  description:
    'A labelling phase of the poles policy (phase de labellisation), e.g. phase 5 (2023–2026), ' +
    'with the selection criteria in force.',
})
@Entity('labelling_phase')
export class LabellingPhase extends BaseRecord {
  @Field(() => Int, { description: 'Phase number, 1 to 5 so far.' })
  @Column({ type: 'int', unique: true })
  number!: number;

  @Field({ description: 'Name, e.g. "Phase V".' })
  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @Field(() => Int, { description: 'First year of the phase.' })
  @Column({ type: 'int' })
  startYear!: number;

  @Field(() => Int, { description: 'Last year of the phase.' })
  @Column({ type: 'int' })
  endYear!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many poles the State announced as labelled when it decided the phase, as published ' +
      '(71 for phase 1, 56 for phase 4, 55 for phase 5); null when no figure was published.',
  })
  @Column({ type: 'int', nullable: true })
  publishedLabelledCount!: number | null;

  @Field({ description: 'What the phase aimed at and how it was decided.' })
  @Column({ type: 'text' })
  description!: string;
}
