/**
 * Calls `expired` once `ms` have passed, unless cancelled first; returns the cancel function.
 *
 * Timers run before the I/O of the same turn of the event loop: when the main thread was busy
 * past the deadline, the answer it waits for may be there already, unread. `expired` runs after
 * that I/O (setImmediate: the check phase follows the poll phase), so an answer that came in
 * time is handled first and cancels the deadline; only a read truly still running expires.
 */
export function deadline(ms: number, expired: () => void): () => void {
  let cancelled = false;
  const timer = setTimeout(() => {
    setImmediate(() => {
      if (!cancelled) expired();
    });
  }, ms);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
