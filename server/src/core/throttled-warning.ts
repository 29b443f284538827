/**
 * A warning said at most once per `intervalMs` (the first at once): an outage that fails every
 * request is logged, not once per request.
 */
export function throttledWarning(
  intervalMs: number,
  write: (message: string) => void = (message) => console.warn(message),
  now: () => number = Date.now,
): (message: string) => void {
  let lastMs = Number.NEGATIVE_INFINITY;
  return (message) => {
    const at = now();
    if (at - lastMs < intervalMs) return;
    lastMs = at;
    write(message);
  };
}
