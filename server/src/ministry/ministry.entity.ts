import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';

@ObjectType({
  implements: Node,
  description:
    'A French ministry (ministère) that takes part in selecting and tracking the poles. ' +
    'The ministry of the Economy (DGE) leads the policy.',
})
@Entity('ministry')
export class Ministry extends BaseRecord {
  @Field({ description: 'Short stable code, e.g. "ECO".' })
  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Field({
    description: 'Full name, e.g. "Ministère de l’Économie, des Finances et de l’Industrie".',
  })
  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Field({ description: 'Usual short name, e.g. "Économie".' })
  @Column({ type: 'varchar', length: 60 })
  shortName!: string;

  @Field({ description: 'True for the ministry that leads the poles policy (chef de file).' })
  @Column({ type: 'boolean', default: false })
  leadsPolicy!: boolean;
}
