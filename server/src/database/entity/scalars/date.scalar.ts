import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * A calendar date with no time zone (`2023-03-27`). graphql-scalars calls it `LocalDate`; our
 * users know it as `Date`, so it keeps graphql-scalars' validation under that name.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description:
    'A calendar date in ISO 8601 form, `YYYY-MM-DD` (e.g. 2023-03-27), with no time zone.',
});

/** An instant, ISO 8601 with time zone (`2023-03-27T10:15:00.000Z`). */
export const DateTimeScalar = DateTimeResolver;
