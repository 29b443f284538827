import type { RequestHandler, Response } from 'express';

import { sendRequestError } from './http-limits';

/** Seconds a caller refused for lack of room is told to wait. */
const RETRY_AFTER_SECONDS = 1;

export interface ExecutionGateLimits {
  maxConcurrentExecutions: number;
  maxQueuedExecutions: number;
  executionQueueTimeoutMs: number;
}

/**
 * Bounds the GraphQL requests executed at once: up to `maxConcurrentExecutions` run, up to
 * `maxQueuedExecutions` wait (in arrival order, at most `executionQueueTimeoutMs`), and the
 * rest are answered HTTP 503 with Retry-After at once, so a flood costs memory for a
 * bounded number of requests only.
 */
export class ExecutionGate {
  private running = 0;
  private readonly queue: { admit: () => void; response: Response }[] = [];

  constructor(private readonly limits: ExecutionGateLimits) {}

  get state(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  middleware(): RequestHandler {
    return (_request, response, next) => {
      const release = () => {
        this.running -= 1;
        this.admitNext();
      };
      const admit = () => {
        this.running += 1;
        let released = false;
        const once = () => {
          if (!released) {
            released = true;
            release();
          }
        };
        response.once('finish', once);
        response.once('close', once);
        next();
      };
      if (this.running < this.limits.maxConcurrentExecutions) return admit();
      if (this.queue.length >= this.limits.maxQueuedExecutions) {
        return refuse(response, 'The server is at its limit of concurrent requests.');
      }
      const entry = { admit, response };
      this.queue.push(entry);
      const leave = () => {
        const index = this.queue.indexOf(entry);
        if (index >= 0) this.queue.splice(index, 1);
        return index >= 0;
      };
      const timer = setTimeout(() => {
        if (leave()) refuse(response, 'The request waited too long for the server to be free.');
      }, this.limits.executionQueueTimeoutMs);
      timer.unref();
      entry.admit = () => {
        clearTimeout(timer);
        admit();
      };
      // A caller that hangs up while waiting gives its place back.
      response.once('close', () => {
        clearTimeout(timer);
        leave();
      });
    };
  }

  private admitNext(): void {
    while (this.running < this.limits.maxConcurrentExecutions && this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.response.writableEnded || next.response.destroyed) continue;
      next.admit();
    }
  }
}

function refuse(response: Response, message: string): void {
  response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  sendRequestError(response, 503, `${message} Retry in ${RETRY_AFTER_SECONDS} s.`, {
    code: 'SERVICE_UNAVAILABLE',
  });
}
