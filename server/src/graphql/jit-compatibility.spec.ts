import { buildSchema, type GraphQLInterfaceType, parse } from 'graphql';

import { JitCompatibility, MAX_COMPILED_VARIABLE_FIELDS } from './jit-compatibility';

const SDL = `
  interface Node { id: ID! }
  type Thing implements Node { id: ID! name: String }
  input ThingFilter { name: String and: [ThingFilter!] owner: OwnerFilter }
  input OwnerFilter { name: String things: ThingFilter }
  input Order { field: String! descending: Boolean }
  input Wide { ${Array.from({ length: 40 }, (_, i) => `f${i}: Int`).join(' ')} }
  input Wider { a: [Wide!] b: [Wide!] c: [Wide!] d: [Wide!] e: [Wide!] f: [Wide!] g: [Wide!] }
  type Query {
    things(filter: ThingFilter, orderBy: [Order!], first: Int): [Thing!]!
    node(id: ID!): Node
    wide(input: Wider): Int
  }
`;

function compatibility(resolveType?: (value: unknown) => unknown): JitCompatibility {
  const schema = buildSchema(SDL);
  if (resolveType) {
    (schema.getType('Node') as GraphQLInterfaceType).resolveType = resolveType as never;
  }
  return new JitCompatibility(schema);
}

describe('JitCompatibility', () => {
  it('lets graphql-jit compile plain variables and filters written in the document', () => {
    const check = compatibility();
    expect(
      check.reasonNotToCompile(
        parse(`query Page($first: Int, $orderBy: [Order!]) {
          things(first: $first, orderBy: $orderBy, filter: { and: [{ name: "x" }] }) { name }
        }`),
      ),
    ).toBeNull();
  });

  it('refuses a variable of a recursive input type, directly or through another type', () => {
    const check = compatibility();
    expect(
      check.reasonNotToCompile(parse('query F($f: ThingFilter) { things(filter: $f) { name } }')),
    ).toBe('variable $f has a recursive input type (ThingFilter)');
    expect(
      check.reasonNotToCompile(
        parse('query F($o: OwnerFilter) { things(filter: { owner: $o }) { name } }'),
      ),
    ).toBe('variable $o has a recursive input type (OwnerFilter)');
  });

  it('refuses variables whose coercion code would be too large', () => {
    // Wider: 7 lists (×2) of 41 fields each, plus itself: 7 × 82 + 1 = 575 fields; twice over.
    const check = compatibility();
    expect(check.reasonNotToCompile(parse('query W($w: Wider) { wide(input: $w) }'))).toBeNull();
    expect(
      check.reasonNotToCompile(
        parse('query W($w: Wider, $v: Wider) { a: wide(input: $w) b: wide(input: $v) }'),
      ),
    ).toBe(`its variables expand to more than ${MAX_COMPILED_VARIABLE_FIELDS} input fields`);
  });

  it('refuses a document reaching an abstract type resolved asynchronously', () => {
    const document = parse('query N { node(id: "1") { id } things { id } }');
    expect(
      compatibility((value) => (value as { kind: string }).kind).reasonNotToCompile(document),
    ).toBeNull();
    expect(compatibility(async () => 'Thing').reasonNotToCompile(document)).toBe(
      'it reaches Node, whose runtime type is resolved asynchronously',
    );
    expect(
      compatibility(async () => 'Thing').reasonNotToCompile(parse('query T { things { id } }')),
    ).toBeNull();
  });
});
