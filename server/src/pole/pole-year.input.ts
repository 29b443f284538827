import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { IsAmount, IsFraction } from '../graphql/mutation/validators';

@InputType({
  description:
    'A pole’s figures for one year (chiffres annuels): created the first time, updated ' +
    'afterwards (then with `expectedVersion`).',
})
export class RecordPoleYearInput {
  @Field(() => ID, { description: 'Global id of the pole.' })
  poleId!: string;

  @Field(() => Int, { description: 'The calendar year the figures cover, up to the current year.' })
  @IsInt()
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field(() => DecimalScalar, { description: 'Operating budget of the pole’s team, in euros.' })
  @IsAmount()
  budget!: string;

  @Field(() => DecimalScalar, {
    description: 'Share of the budget funded privately, from 0 to 1 with four decimals at most.',
  })
  @IsFraction()
  privateFundingShare!: string;

  @Field(() => Int, { description: 'Staff of the pole’s team, 0 or more.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  staff!: number;

  @Field(() => DecimalScalar, {
    description:
      'Full-time equivalents on European affairs, 0 to 9999.99 with two decimals at most.',
  })
  @IsAmount()
  europeTeamFte!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'People recruited into the Europe team during the year, 0 to 1,000; null if not reported.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000)
  europeTeamHires?: number | null;

  @Field(() => Int, { description: 'Members at the end of the year, as reported; 0 or more.' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  membersCount!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` of the year’s figures you read: required when they exist (update), ' +
      'left out when they do not (creation).',
  })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}
