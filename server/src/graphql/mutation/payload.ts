import { type ClassType, Field, ObjectType } from 'type-graphql';

import { UserError } from './user-error';

/**
 * `<Name>Payload { <field>: <Type>, userErrors: [UserError!]! }`: what every mutation returns.
 * The record is null when `userErrors` is not empty.
 */
export function payloadType<T extends object>(
  name: string,
  field: string,
  recordType: () => ClassType<T>,
  description: string,
  ...extraFields: { field: string; type: () => ClassType; description: string }[]
): ClassType {
  class Payload {}
  ObjectType(`${name}Payload`, {
    description: `What \`${name[0].toLowerCase()}${name.slice(1)}\` returns.`,
  })(Payload);
  Field(recordType, { nullable: true, description })(Payload.prototype, field);
  for (const extra of extraFields) {
    Field(extra.type, { nullable: true, description: `${extra.description} Null when refused.` })(
      Payload.prototype,
      extra.field,
    );
  }
  Field(() => [UserError], {
    description:
      'Why the input was refused; empty on success. Nothing is written when it is not empty.',
  })(Payload.prototype, 'userErrors');
  return Payload;
}
