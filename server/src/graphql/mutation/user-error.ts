import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { type Refusal, UserErrorCode } from '../../core/refusal';

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
    URL_NOT_ALLOWED: {
      description:
        'A webhook URL the server will not call: not https:// (http:// only to localhost in ' +
        'development), or a private-network address (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`).',
    },
  },
});

@ObjectType({
  description:
    'A problem with a mutation’s input, returned as data (as in Shopify’s Admin API): ' +
    'show `message` to the user next to the input named by `field`.',
})
export class UserError implements Refusal {
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
