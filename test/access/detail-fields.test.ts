import 'reflect-metadata';

import { type GraphQLSchema, isObjectType } from 'graphql';

import { DETAIL_FIELDS } from '../../server/src/auth/permission-policy';
import { COLLECTIONS, servedSchema } from '../../server/src/features';
import { confidentialFields } from '../../server/src/graphql/auth-checker';

/**
 * Two places say which fields are confidential: `DETAIL_FIELDS` of the permission policy (read by
 * filters, sorts, sums and statistics) and the `@Confidential()` marks that make the GraphQL
 * field null with FORBIDDEN. They must name the same fields, or one channel leaks what the other
 * hides. This spec ties them: every mark is in the policy, and every policy entry that is an output
 * field carries the mark; an entry that is not an output field must be a filter or sort key.
 */

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await servedSchema();
});

/** `Type.field` of every field marked `@Confidential()`, by its GraphQL names. */
function markedFields(): Set<string> {
  return new Set(confidentialFields().map(({ typeName, fieldName }) => `${typeName}.${fieldName}`));
}

describe('confidential fields have one meaning on every channel', () => {
  it('every @Confidential() field is a detail field of the policy', () => {
    const policy = new Set(
      Object.entries(DETAIL_FIELDS).flatMap(([type, fields]) =>
        [...fields].map((f) => `${type}.${f}`),
      ),
    );
    const marked = markedFields();
    expect(marked.size).toBeGreaterThan(5);
    expect([...marked].filter((field) => !policy.has(field)).sort()).toEqual([]);
  });

  it('every detail field of the policy that is an output field is marked, and nullable', () => {
    const marked = markedFields();
    const unmarked: string[] = [];
    const notNullable: string[] = [];
    for (const [typeName, fields] of Object.entries(DETAIL_FIELDS)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type))
        throw new Error(`DETAIL_FIELDS names ${typeName}, not an object type`);
      const outputFields = type.getFields();
      for (const field of fields) {
        const output = outputFields[field];
        if (!output) continue;
        if (!marked.has(`${typeName}.${field}`)) unmarked.push(`${typeName}.${field}`);
        // null + FORBIDDEN is how a hidden value reads: a non-null type would null its parent.
        if (output.type.toString().endsWith('!')) notNullable.push(`${typeName}.${field}`);
      }
    }
    expect(unmarked).toEqual([]);
    expect(notNullable).toEqual([]);
  });

  it('a detail field that is not an output field is a filter key or relation of its collection', () => {
    const stray: string[] = [];
    for (const [typeName, fields] of Object.entries(DETAIL_FIELDS)) {
      const type = schema.getType(typeName);
      const outputFields = isObjectType(type) ? type.getFields() : {};
      const spec = COLLECTIONS.get(typeName);
      const keys = new Set([
        ...Object.keys(spec?.scalars ?? {}),
        ...Object.keys(spec?.relations ?? {}),
      ]);
      for (const field of fields) {
        if (!outputFields[field] && !keys.has(field)) stray.push(`${typeName}.${field}`);
      }
    }
    expect(stray).toEqual([]);
  });
});
