/**
 * Dates of the synthetic dataset as whole days since 1970-01-01 (UTC). Integer days keep the
 * generator free of time zones and daylight saving, so every machine builds the same rows.
 */

const MILLISECONDS_PER_DAY = 86_400_000;

/** The day of `year`-`month`-`day` (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY;
}

/** The first day of `year`. */
export function firstDayOfYear(year: number): number {
  return dayOf(year, 1, 1);
}

/** The last day of `year`. */
export function lastDayOfYear(year: number): number {
  return dayOf(year, 12, 31);
}

/** The day a `YYYY-MM-DD` string names. */
export function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `YYYY-MM-DD` of a day. */
export function isoDate(day: number): string {
  return new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar year of a day. */
export function yearOfDay(day: number): number {
  return new Date(day * MILLISECONDS_PER_DAY).getUTCFullYear();
}

/** The instant `seconds` after midnight UTC of `day`. */
export function instantOf(day: number, seconds = 0): Date {
  return new Date(day * MILLISECONDS_PER_DAY + seconds * 1000);
}
