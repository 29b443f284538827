/**
 * `@Confidential()` marks a GraphQL field only callers with the record's detail right may read
 * (the policy's DETAIL_FIELDS name the same fields: test/access/detail-fields.test.ts ties them).
 * The mark is only recorded here; graphql/confidential-fields.ts guards the marked fields of the
 * built schema, on an entity's field or on a resolver class's field resolver alike:
 *
 *     @Confidential()
 *     @Field(() => DecimalScalar, { nullable: true, description: '…' })
 *     totalBudget!: string | null;
 */
export interface ConfidentialMark {
  /** The class that declares the field: an object type, or a resolver class. */
  target: object;
  /** Its property or method name. */
  property: string;
}

const marks: ConfidentialMark[] = [];

export function Confidential(): (prototype: object, property: string | symbol) => void {
  return (prototype, property) => {
    if (typeof property !== 'string') throw new Error('@Confidential() needs a named field');
    marks.push({ target: prototype.constructor, property });
  };
}

/** Every field marked so far (decorators run when their classes are loaded). */
export function confidentialMarks(): readonly ConfidentialMark[] {
  return marks;
}
