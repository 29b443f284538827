import {
  ArrayMaxSize,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { DateScalar } from '../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { IsAmount, IsPercent } from '../graphql/mutation/validators';
import { PartnerRole } from './project.enums';

@InputType({ description: 'A member joining a project’s consortium.' })
export class ProjectPartnerInput {
  @Field(() => ID, { description: 'Global id of the member.' })
  memberId!: string;

  @Field(() => PartnerRole, { description: 'Coordinator (one at most), partner or subcontractor.' })
  role!: PartnerRole;

  @Field(() => DecimalScalar, {
    description: 'Share of the budget this partner carries, in percent (0–100).',
  })
  @IsPercent()
  budgetSharePercent!: string;
}

/**
 * Fields a project is created with and may be updated with; optional here (an update changes
 * what it names), required again in CreateProjectInput where a project cannot do without them.
 */
@InputType({ description: 'Fields of a project.' })
abstract class ProjectFieldsInput {
  @Field(() => String, { nullable: true, description: 'Full title (3 to 300 characters).' })
  @IsOptional()
  @Length(3, 300)
  title?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Public summary (10,000 characters at most).',
  })
  @IsOptional()
  @MaxLength(10_000)
  summary?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the funding programme.' })
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the lead pole (pôle porteur).' })
  leadPoleId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Global ids of the co-labelling poles (replace the current ones).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  coLabellingPoleIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Global ids of the themes (replace the current ones).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  themeIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Submission date.' })
  submittedOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Funding decision date (on or after submission).',
  })
  decisionOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Start date (on or after the decision).',
  })
  startOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'End date (on or after the start).' })
  endOn?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total budget in euros.' })
  @IsOptional()
  @IsAmount()
  totalBudget?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Public funding requested in euros (at most the budget).',
  })
  @IsOptional()
  @IsAmount()
  publicFundingRequested?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Public funding granted in euros (at most the budget).',
  })
  @IsOptional()
  @IsAmount()
  publicFundingGranted?: string | null;
}

@InputType({
  description: 'A new project, created in DRAFT with its consortium in one transaction.',
})
export class CreateProjectInput extends ProjectFieldsInput {
  @Field({ description: 'Full title (3 to 300 characters).' })
  declare title: string;

  @Field({ description: 'Public summary (10,000 characters at most).' })
  declare summary: string;

  @Field(() => ID, { description: 'Global id of the funding programme.' })
  declare programmeId: string;

  @Field(() => ID, { description: 'Global id of the lead pole (pôle porteur).' })
  declare leadPoleId: string;

  @Field(() => DecimalScalar, { description: 'Total budget in euros.' })
  declare totalBudget: string;

  @Field(() => DecimalScalar, {
    description: 'Public funding requested in euros (at most the budget).',
  })
  declare publicFundingRequested: string;

  @Field({ description: 'Unique acronym: letters, digits and dashes, 2 to 40 characters.' })
  @Length(2, 40)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]*$/, {
    message: 'acronym may only hold letters, digits and dashes',
  })
  acronym!: string;

  @Field(() => [ProjectPartnerInput], {
    defaultValue: [],
    description:
      'The consortium: distinct members, one coordinator at most, shares adding up to 100 at most.',
  })
  @ValidateNested()
  @ArrayMaxSize(50)
  partners!: ProjectPartnerInput[];
}

@InputType({ description: 'Changes to a project; fields left out stay as they are.' })
export class UpdateProjectInput extends ProjectFieldsInput {
  @Field(() => ID, { description: 'Global id of the project.' })
  id!: string;

  @Field(() => Int, {
    description: 'The `version` you read; the update is refused if the project changed since.',
  })
  expectedVersion!: number;
}

@InputType({ description: 'A member to add to a project’s consortium.' })
export class AddProjectPartnerInput extends ProjectPartnerInput {
  @Field(() => ID, { description: 'Global id of the project.' })
  projectId!: string;

  @Field(() => Int, { description: 'The project’s `version` you read.' })
  expectedVersion!: number;
}

@InputType({ description: 'A member to remove from a project’s consortium.' })
export class RemoveProjectPartnerInput {
  @Field(() => ID, { description: 'Global id of the project.' })
  projectId!: string;

  @Field(() => Int, { description: 'The project’s `version` you read.' })
  expectedVersion!: number;

  @Field(() => ID, { description: 'Global id of the member to remove.' })
  memberId!: string;
}
