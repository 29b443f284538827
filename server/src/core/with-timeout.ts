/**
 * `promise`, or a rejection with `message` once `ms` have passed (the promise itself goes on:
 * callers bound how long they wait, not the work). The timer is cleared either way.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
