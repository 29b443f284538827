/** How long a Redis client's graceful close may take at the stop. */
export const REDIS_CLOSE_GRACE_MS = 1000;

/** A client that closes gracefully (finishing what it sent) or at once (a Redis client). */
export interface Closable {
  readonly isOpen: boolean;
  close(): Promise<unknown>;
  destroy(): void;
}

/**
 * Closes `client` gracefully, or at once after `graceMs`: a graceful close waits for the
 * answers of the commands already queued, which never come while the server is out of reach
 * (a stop would wait for ever).
 */
export async function closeWithin(client: Closable, graceMs: number): Promise<void> {
  if (!client.isOpen) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([client.close().catch(() => 'late' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') client.destroy();
}
