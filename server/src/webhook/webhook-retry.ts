/** When a failed delivery is tried again, and when it is given up. */
export interface RetrySchedule {
  /** Wait before the first retry, in milliseconds; each next one waits twice as long. */
  firstRetryMs: number;
  /** A delivery still failing this long after it was written is given up. */
  retryForMs: number;
}

/** No retry waits longer than an hour, however many came before. */
export const MAX_RETRY_DELAY_MS = 3_600_000;

/** Wait after the `failedAttempts`-th failure (1 for the first): exponential, capped. */
export function retryDelayMs(schedule: RetrySchedule, failedAttempts: number): number {
  const doubled = schedule.firstRetryMs * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(doubled, Math.max(MAX_RETRY_DELAY_MS, schedule.firstRetryMs));
}

/**
 * When to try again after the `failedAttempts`-th failure of a delivery written at
 * `createdAtMs`, or null when the next try would come after the retry window (given up).
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  createdAtMs: number,
  failedAttempts: number,
  now: number,
): number | null {
  const next = now + retryDelayMs(schedule, failedAttempts);
  return next - createdAtMs > schedule.retryForMs ? null : next;
}

/** Whether an endpoint failing since `failingSinceMs` has failed for `days` days in a row. */
export function failedForDays(failingSinceMs: number | null, days: number, now: number): boolean {
  return failingSinceMs !== null && now - failingSinceMs >= days * 86_400_000;
}
