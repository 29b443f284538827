import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';

@ObjectType({
  implements: Node,
  description:
    'A thematic specialisation (domaine thématique) shared by poles and projects, ' +
    'e.g. aeronautics & space, health, materials, agri-food.',
})
@Entity('theme')
export class Theme extends BaseRecord {
  @Field({ description: 'Stable code, e.g. "AERONAUTICS_SPACE".' })
  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Field({ description: 'French name, e.g. "Aéronautique et espace".' })
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Field({ description: 'English name, e.g. "Aeronautics and space".' })
  @Column({ type: 'varchar', length: 120 })
  nameEn!: string;
}
