import type { ColumnOptions, ValueTransformer } from 'typeorm';

import { formatDecimal } from '../../core/scaled-decimal';

/**
 * Money and shares stay decimal strings in TypeScript. MySQL returns DECIMAL as a string;
 * SQLite has no decimal type and hands back a number, which we format at once, so the rest of
 * the code only ever sees strings like "1250000.50".
 */
function decimalTransformer(scale: number): ValueTransformer {
  return {
    to: (value: string | null | undefined) => value,
    from: (value: string | number | null) => formatDecimal(value, scale),
  };
}

/** A DECIMAL(precision, scale) column read and written as a string. */
export function decimalColumn(
  precision: number,
  scale: number,
  options: ColumnOptions = {},
): ColumnOptions {
  return { type: 'decimal', precision, scale, transformer: decimalTransformer(scale), ...options };
}

/** An amount in euros: DECIMAL(14,2). */
export const moneyColumn = (options: ColumnOptions = {}) => decimalColumn(14, 2, options);

/** A percentage from 0 to 100 with two decimals: DECIMAL(5,2). */
export const percentColumn = (options: ColumnOptions = {}) => decimalColumn(5, 2, options);

/** A fraction from 0 to 1 with four decimals: DECIMAL(5,4). */
export const fractionColumn = (options: ColumnOptions = {}) => decimalColumn(5, 4, options);

/** A threshold or measured value: DECIMAL(18,4). */
export const measureColumn = (options: ColumnOptions = {}) => decimalColumn(18, 4, options);
