import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';

export enum ProgrammeLevel {
  REGIONAL = 'REGIONAL',
  NATIONAL = 'NATIONAL',
  EUROPEAN = 'EUROPEAN',
}

registerEnumType(ProgrammeLevel, {
  name: 'ProgrammeLevel',
  description: 'Who runs a funding programme.',
  valuesConfig: {
    REGIONAL: { description: 'A region’s own funds (fonds régionaux, FEDER managed by a region).' },
    NATIONAL: { description: 'A national programme (FUI, PSPC, ANR, France 2030…).' },
    EUROPEAN: { description: 'A European programme (Horizon Europe, Interreg, LIFE…).' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A public funding programme or call that finances collaborative projects ' +
    '(programme de financement), e.g. FUI, PSPC-Régions, France 2030, Horizon Europe.',
})
@Entity('funding_programme')
export class FundingProgramme extends BaseRecord {
  @Field({ description: 'Stable code, e.g. "FUI" or "HORIZON_EUROPE".' })
  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Field({ description: 'Name, e.g. "Fonds unique interministériel".' })
  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Field(() => ProgrammeLevel, { description: 'Regional, national or European.' })
  @Index()
  @Column({ type: 'simple-enum', enum: ProgrammeLevel })
  level!: ProgrammeLevel;

  @Field(() => Int, { description: 'First year the programme funded projects.' })
  @Column({ type: 'int' })
  startYear!: number;

  @Field(() => Int, { nullable: true, description: 'Last year, or null while it still runs.' })
  @Column({ type: 'int', nullable: true })
  endYear!: number | null;

  @Field({ description: 'What the programme funds and its main rules.' })
  @Column({ type: 'text' })
  description!: string;
}
