/**
 * SIREN numbers identify French companies: 9 digits whose last one is a Luhn check digit.
 * Standalone so that input validation can reuse `isValidSiren` outside the seed.
 */

/** The Luhn sum of `digits`, doubling every second digit from the right when `doubleLast`. */
function luhnSum(digits: string, doubleLast: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, double = doubleLast; i >= 0; i -= 1, double = !double) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** True when `siren` is exactly 9 digits and passes the Luhn check. */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnSum(siren, false) % 10 === 0;
}

/** Completes 8 digits with the Luhn check digit that makes a valid SIREN. */
export function sirenWithCheckDigit(first8: string): string {
  if (!/^\d{8}$/.test(first8)) throw new RangeError(`Expected 8 digits, got "${first8}"`);
  // The check digit will sit in the rightmost place, so the current last digit gets doubled.
  const checkDigit = (10 - (luhnSum(first8, true) % 10)) % 10;
  return `${first8}${checkDigit}`;
}
