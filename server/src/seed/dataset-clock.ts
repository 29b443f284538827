import { dayOf, instantOf } from './calendar';

/**
 * The synthetic dataset describes the network as it stood on this day: no status change, no
 * decision and no membership is dated after it, whatever day the seed runs.
 */
export const AS_OF_DAY = dayOf(2026, 9, 30);

/**
 * The instant stamped as `createdAt`/`updatedAt` on rows that have no date of their own (the
 * reference data, members, pole figures). A constant, not the clock, so that two seeds write
 * byte-identical rows.
 */
export const SEED_INSTANT = instantOf(dayOf(2026, 10, 1), 6 * 3600);

/** The instant a record dated `day` is stamped with: 09:00 UTC that day. */
export function stampOf(day: number): Date {
  return instantOf(day, 9 * 3600);
}
