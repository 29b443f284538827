/**
 * Money and shares are generated as integers of their smallest unit (cents, hundredths of a
 * percent, ten-thousandths of a fraction) and only turned into decimal strings at the end, so
 * no amount ever goes through float arithmetic.
 */

/** Formats `units` of 10^-`scale` as a decimal string: (123456, 2) → "1234.56". */
export function formatScaled(units: number, scale: number): string {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new RangeError(`Expected a non-negative safe integer, got ${units}`);
  }
  const digits = String(units).padStart(scale + 1, '0');
  if (scale === 0) return digits;
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** An amount in euros from integer cents: 125050 → "1250.50". */
export function formatCents(cents: number): string {
  return formatScaled(cents, 2);
}

/**
 * floor(`value` × `numerator` / `denominator`) in exact integer arithmetic (the product must stay
 * below 2^53, which amounts in cents times a per-mille rate easily do).
 */
export function scaleDown(value: number, numerator: number, denominator: number): number {
  const product = value * numerator;
  if (!Number.isSafeInteger(product)) throw new RangeError(`${value} × ${numerator} is not exact`);
  return (product - (product % denominator)) / denominator;
}

/**
 * Splits `total` units among weights so that the parts add up to exactly `total`, each part at
 * least its `minimum` (largest-remainder method, ties to the earlier part).
 */
export function splitByWeights(
  total: number,
  weights: readonly number[],
  minimums: readonly number[],
): number[] {
  const floor = minimums.reduce((sum, minimum) => sum + minimum, 0);
  const spare = total - floor;
  if (spare < 0) throw new RangeError(`Minimums ${floor} exceed the total ${total}`);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const parts = weights.map(
    (weight, index) => (minimums[index] ?? 0) + scaleDown(spare, weight, weightSum),
  );
  const remainders = weights.map((weight, index) => ({
    index,
    remainder: (spare * weight) % weightSum,
  }));
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/**
 * Reads a decimal string as integer units of 10^-`scale`: ("1250.5", 2) → 125050. Digits past
 * `scale` are refused rather than rounded, so a value is never silently changed.
 */
export function toUnits(text: string, scale: number): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match || (match[3]?.length ?? 0) > scale) {
    throw new RangeError(`"${text}" is not a decimal with at most ${scale} decimals`);
  }
  const units = Number(match[2] + (match[3] ?? '').padEnd(scale, '0'));
  if (!Number.isSafeInteger(units)) throw new RangeError(`"${text}" is too large`);
  return match[1] === '-' ? -units : units;
}

/** Units of 10^-`scale` as a BigInt, for comparisons of any size. */
function bigUnits(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -units : units;
}

/** Compares two decimal strings exactly: -1, 0 or 1, whatever their number of decimals. */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const difference = bigUnits(a, scale) - bigUnits(b, scale);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

/**
 * A number as the database returned it, as a decimal string with exactly `scale` decimals:
 * SQLite hands back floats (formatted at once, so no arithmetic ever runs on them), MySQL
 * DECIMAL strings (padded or cut to `scale`).
 */
export function formatDecimal(value: unknown, scale: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value.toFixed(scale);
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole, fraction = ''] = text.split('.');
  return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0').slice(0, scale)}`;
}
