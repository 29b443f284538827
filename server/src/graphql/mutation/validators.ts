import { ValidateBy, type ValidationOptions } from 'class-validator';

import { isValidSiren } from '../../core/siren';

/** A decimal string within [min, max] with at most `scale` decimals. */
function isDecimalBetween(value: unknown, scale: number, min: number, max: number): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(value);
  if (!match || (match[2]?.length ?? 0) > scale) return false;
  const number = Number(value);
  return number >= min && number <= max;
}

/** An amount in euros: ≥ 0, two decimals at most, below a trillion. */
export const IsAmount = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value) => isDecimalBetween(value, 2, 0, 999_999_999_999.99),
        defaultMessage: (args) =>
          `${args?.property} must be an amount in euros of at least 0 with at most two decimals, e.g. "125000.50"`,
      },
    },
    options,
  );

/** A percentage from 0 to 100 with two decimals at most. */
export const IsPercent = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPercent',
      validator: {
        validate: (value) => isDecimalBetween(value, 2, 0, 100),
        defaultMessage: (args) =>
          `${args?.property} must be a percentage from 0 to 100, e.g. "12.50"`,
      },
    },
    options,
  );

/** A share from 0 to 1 with four decimals at most. */
export const IsFraction = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isFraction',
      validator: {
        validate: (value) => isDecimalBetween(value, 4, 0, 1),
        defaultMessage: (args) => `${args?.property} must be a share from 0 to 1, e.g. "0.5500"`,
      },
    },
    options,
  );

/** A SIREN: nine digits whose last one is the Luhn check digit. */
export const IsSiren = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSiren',
      validator: {
        validate: (value) => typeof value === 'string' && isValidSiren(value),
        defaultMessage: (args) =>
          `siren must be 9 digits with a valid check digit (Luhn key); "${String(args?.value).slice(0, 20)}" is not`,
      },
    },
    options,
  );
