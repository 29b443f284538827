/**
 * At most `capacity` heavy operations execute at once; the others wait, in arrival order, for a
 * place. A heavy operation (the national overview: 55 poles × 10 projects × partners) holds its
 * rows, entities and answer in memory while it runs: ten of them at once, as ten connections
 * asked, took the server from ~180 MB to 340–450 MB RSS and answered fewer of them (14 against
 * 19 in 8 s with two at a time), the CPU going to garbage collection. Light operations never
 * wait here; the execution gate (http/execution-gate.ts) bounds the whole.
 */
export class HeavyOperationLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  get state(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Resolves once the operation may run, with the function that gives its place back (once).
   * Rejects with `signal.reason` if the signal aborts first (the client went away): the
   * operation leaves the queue without ever running.
   */
  async enter(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.running < this.capacity) {
      this.running += 1;
    } else {
      // The place is handed over by `leave`, so `running` already counts this operation.
      await new Promise<void>((resolve, reject) => {
        const admit = () => {
          signal?.removeEventListener('abort', abandon);
          resolve();
        };
        const abandon = () => {
          const index = this.waiting.indexOf(admit);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal!.reason);
        };
        this.waiting.push(admit);
        signal?.addEventListener('abort', abandon, { once: true });
      });
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leave();
    };
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
