import { type DocumentNode, type FragmentDefinitionNode, Kind, parse } from '@0no-co/graphql.web';
// Types only: gql.tada is an optional peer, so its command-line tool and TypeScript plugin are
// not installed into every project that uses the SDK. Its runtime is the few lines below.
import type { initGraphQLTada } from 'gql.tada';

import type { introspection } from './generated/graphql-env.js';

/** gql.tada's view of the PoleGraph schema: custom scalars as strings, fragments unmasked. */
export interface PoleGraphTadaSetup {
  introspection: introspection;
  scalars: {
    /** ISO 8601 instant, e.g. "2024-03-27T10:15:30.000Z". */
    DateTime: string;
    /** Calendar date, e.g. "2024-03-27". */
    Date: string;
    /** Exact decimal as a string, e.g. "1250000.50": never a float. */
    Decimal: string;
    /** An http(s) address, e.g. "https://www.aerospace-valley.com". */
    URL: string;
    ID: string;
  };
  // Scripts read fragments' fields directly; masking serves component trees, not them.
  disableMasking: true;
}

/**
 * Writes a GraphQL document against the PoleGraph schema with its result and variable types
 * inferred (gql.tada), no code generation needed. Pass the document to `client.request()` or
 * `paginate()`: a field the schema does not have makes that call a compile error, and so does a
 * variable of the wrong type.
 *
 * @example
 * const PoleNames = graphql(`
 *   query PoleNames($regionCode: String!) {
 *     region(code: $regionCode) { poles(first: 100) { nodes { slug name } } }
 *   }
 * `);
 * const { region } = await client.request(PoleNames, { regionCode: '84' });
 */
export const graphql: ReturnType<typeof initGraphQLTada<PoleGraphTadaSetup>> = Object.assign(
  (source: string, fragments?: readonly DocumentNode[]) => withFragments(source, fragments),
  {
    scalar: (_name: string, value: unknown) => value,
    persisted: (documentId: string, document?: DocumentNode) => ({
      kind: Kind.DOCUMENT,
      definitions: document ? document.definitions : [],
      documentId,
    }),
  },
) as never;

/** The document of `source`, followed by the fragment definitions of `fragments` (as gql.tada). */
function withFragments(source: string, fragments: readonly DocumentNode[] = []): DocumentNode {
  const definitions = [...parse(source).definitions];
  const added = new Set<FragmentDefinitionNode>();
  for (const fragment of fragments) {
    for (const definition of fragment.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !added.has(definition)) {
        definitions.push(definition);
        added.add(definition);
      }
    }
  }
  return { kind: Kind.DOCUMENT, definitions };
}
