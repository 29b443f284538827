import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseUrl(value: unknown): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return value;
    } catch {
      // refused below
    }
  }
  throw new GraphQLError(
    `URL must be an http(s) address such as "https://www.example.fr", got ${JSON.stringify(value)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/**
 * A web address, as graphql-scalars' `URL` but answered exactly as stored: graphql-scalars
 * would rewrite "https://example.fr" as "https://example.fr/" and fail a whole field on one
 * malformed legacy value.
 */
export const UrlScalar = new GraphQLScalarType<string, string>({
  name: 'URL',
  description: 'An http(s) web address, e.g. "https://www.aerospace-valley.com".',
  serialize: (value) => String(value),
  parseValue: parseUrl,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseUrl(ast.value);
    throw new GraphQLError('URL must be a string such as "https://www.example.fr"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
