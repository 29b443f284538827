import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  STALE_VERSION = 'STALE_VERSION',
  FORBIDDEN_TRANSITION = 'FORBIDDEN_TRANSITION',
  REFERENCE_IN_USE = 'REFERENCE_IN_USE',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input. Nothing was written when a mutation returns any.',
  valuesConfig: {
    INVALID: { description: 'A value breaks a rule (format, range, order of dates, sums).' },
    NOT_FOUND: { description: 'A referenced record does not exist.' },
    DUPLICATE: { description: 'A record with the same unique key already exists.' },
    STALE_VERSION: {
      description:
        'The record changed since you read it: read it again and resend with its new `version`.',
    },
    FORBIDDEN_TRANSITION: {
      description: 'The project status cannot go from its current value to the one asked.',
    },
    REFERENCE_IN_USE: {
      description: 'The record is still referenced by others and cannot be removed.',
    },
  },
});

@ObjectType({
  description:
    'A problem with a mutation’s input, returned as data (as in Shopify’s Admin API): ' +
    'show `message` to the user next to the input named by `field`.',
})
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description:
      'Path of the offending input field, e.g. ["input", "partners", "2", "budgetSharePercent"].',
  })
  field!: string[] | null;

  @Field({ description: 'What is wrong, in words a person understands.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of problem, for programs.' })
  code!: UserErrorCode;
}

/** Thrown by services for expected refusals; the mutation runner returns them as `userErrors`. */
export class UserInputProblems extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((error) => error.message).join('; '));
    this.name = 'UserInputProblems';
  }
}

export function userError(code: UserErrorCode, field: string[] | null, message: string): UserError {
  return Object.assign(new UserError(), { code, field, message });
}

/** Throws one user error at once. */
export function refuse(code: UserErrorCode, field: string[] | null, message: string): never {
  throw new UserInputProblems([userError(code, field, message)]);
}
