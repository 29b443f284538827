import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Up to 18 integer digits and 6 decimals: wide enough for every amount and share we store. */
const DECIMAL_PATTERN = /^-?\d{1,18}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value.trim())) return value.trim();
  // Whole numbers are exact in JSON; fractional JSON numbers are not, so they must come as strings.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new GraphQLError(
    `Decimal must be a string such as "1250000.50" (a whole number may be sent as a number), got ${JSON.stringify(value)}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/**
 * Exact decimal numbers (amounts in euros, shares), always sent as strings so they never go
 * through a binary float, as in Shopify's `Decimal` and GitHub's money fields.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number sent as a string, e.g. "1250000.50" (montant en euros, part). ' +
    'Never a float, so no cent is ever lost.',
  serialize(value) {
    if (typeof value === 'number') return value.toFixed(2);
    return String(value);
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT)
      return parseDecimal(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('Decimal must be a string such as "1250000.50"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
