import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';

@ObjectType({
  implements: Node,
  description:
    'A French administrative region (région), identified by its INSEE code. ' +
    'Regions co-steer the poles policy with the State and fund the poles.',
})
@Entity('region')
export class Region extends BaseRecord {
  @Field({ description: 'INSEE region code, e.g. "84" for Auvergne-Rhône-Alpes (code INSEE).' })
  @Column({ type: 'varchar', length: 3, unique: true })
  code!: string;

  @Field({ description: 'Official name, e.g. "Auvergne-Rhône-Alpes".' })
  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Field({
    description: 'True for an overseas region (région d’outre-mer), false for metropolitan France.',
  })
  @Column({ type: 'boolean', default: false })
  overseas!: boolean;

  @Field({
    description:
      'True when the region takes part in the selection and tracking of the poles with the ' +
      'State (15 regions: the 13 metropolitan ones and two overseas).',
  })
  @Column({ type: 'boolean', default: false })
  inSelectionAndTracking!: boolean;
}
