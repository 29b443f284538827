import { IsEmail, IsInt, IsOptional, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { DateScalar } from '../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { IsAmount, IsSiren } from '../graphql/mutation/validators';
import { MemberCategory } from './member.enums';

/**
 * Fields a member is created with and may be updated with; optional here (an update changes
 * what it names), required again in CreateMemberInput where a member cannot do without them.
 * The region is named by `regionId` or by `regionCode`, never both.
 */
@InputType({ description: 'Fields of a member.' })
abstract class MemberFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Name of the organisation (2 to 200 characters).',
  })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => String, {
    nullable: true,
    description: 'SIREN number: 9 digits whose last one is the Luhn check digit; unique.',
  })
  @IsOptional()
  @IsSiren()
  siren?: string;

  @Field(() => MemberCategory, { nullable: true, description: 'The kind of organisation.' })
  category?: MemberCategory;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the region where the member is located (or give `regionCode`).',
  })
  regionId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'INSEE code of the region where the member is located, e.g. "84" (or give `regionId`).',
  })
  @IsOptional()
  @MaxLength(3)
  regionCode?: string;

  @Field(() => String, { nullable: true, description: 'City (80 characters at most).' })
  @IsOptional()
  @Length(1, 80)
  city?: string;

  @Field(() => Int, { nullable: true, description: 'Headcount (effectif salarié), 0 or more.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  headcount?: number | null;

  @Field(() => String, { nullable: true, description: 'Website address, http(s)://…' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(200)
  website?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the contact person (confidential).',
  })
  @IsOptional()
  @Length(1, 120)
  contactName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'E-mail of the contact person (confidential).',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string | null;
}

@InputType({ description: 'A new member (adhérent); its region by `regionId` or `regionCode`.' })
export class CreateMemberInput extends MemberFieldsInput {
  @Field({ description: 'Name of the organisation (2 to 200 characters).' })
  declare name: string;

  @Field({ description: 'SIREN number: 9 digits whose last one is the Luhn check digit; unique.' })
  declare siren: string;

  @Field(() => MemberCategory, { description: 'The kind of organisation.' })
  declare category: MemberCategory;

  @Field({ description: 'City (80 characters at most).' })
  declare city: string;
}

@InputType({ description: 'Changes to a member; fields left out stay as they are, null empties.' })
export class UpdateMemberInput extends MemberFieldsInput {
  @Field(() => ID, { description: 'Global id of the member.' })
  id!: string;

  @Field(() => Int, {
    description: 'The `version` you read; the update is refused if the member changed since.',
  })
  expectedVersion!: number;
}

@InputType({ description: 'A member joining a pole (adhésion).' })
export class JoinPoleInput {
  @Field(() => ID, { description: 'Global id of the member.' })
  memberId!: string;

  @Field(() => ID, { description: 'Global id of the pole.' })
  poleId!: string;

  @Field(() => DateScalar, { description: 'First day of the membership.' })
  startDate!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Yearly fee (cotisation) in euros.' })
  @IsOptional()
  @IsAmount()
  yearlyFee?: string | null;

  @Field({
    defaultValue: false,
    description: 'True when the member takes a seat on the pole’s board.',
  })
  boardSeat!: boolean;
}

@InputType({ description: 'The end of a membership.' })
export class LeavePoleInput {
  @Field(() => ID, { description: 'Global id of the membership.' })
  membershipId!: string;

  @Field(() => DateScalar, {
    description: 'Last day of the membership (on or after its first day).',
  })
  endDate!: string;

  @Field(() => Int, { description: 'The membership’s `version` you read.' })
  expectedVersion!: number;
}
