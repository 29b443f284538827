import { initGraphQLTada } from 'gql.tada';

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
export const graphql = initGraphQLTada<PoleGraphTadaSetup>();
