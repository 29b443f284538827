import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';

import type { WebhooksConfig } from '../config/config';
import { inTransaction } from '../database/transactions';
import { createContext } from '../graphql/context';
import type { LiveEventEnvelope, LiveEventType } from '../graphql/subscriptions/live-events';
import type { Logger } from '../observability/logger';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook.entity';
import { WebhookDeliveryStatus } from './webhook.enums';
import { webhookReader } from './webhook.service';
import { webhookBody, webhookDocuments } from './webhook-body';
import { failedForDays, nextAttemptAt } from './webhook-retry';
import { webhookHeaders } from './webhook-signature';
import { guardedLookup, refusedWebhookTarget, type WebhookUrlPolicy } from './webhook-url-policy';

/** Deliveries claimed per round of the worker. */
/** How often a worker deletes the deliveries past their keeping time. */
const PRUNE_EVERY_MS = 60_000;
const BATCH = 20;

export interface WebhookWorkerDependencies {
  dataSource: DataSource;
  schema: GraphQLSchema;
  config: WebhooksConfig;
  policy: WebhookUrlPolicy;
  logger: Logger;
}

/** What one POST gave. */
interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * Sends the outbox: every `pollMs` it claims due deliveries (a conditional UPDATE, so of
 * several server processes exactly one sends each), reads each body with its webhook's scope,
 * signs and POSTs it, and records the attempt. A failure is retried with exponential backoff
 * until the retry window closes; a claim whose process died is taken over once it lapses, so
 * a restart loses nothing (at least once: the receiver deduplicates on `webhook-id`).
 */
export class WebhookDeliveryWorker {
  /** This process's name on the rows it claims. */
  readonly workerId = randomUUID();
  private readonly documents: Record<LiveEventType, DocumentNode>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private prunedAtMs = 0;

  constructor(private readonly deps: WebhookWorkerDependencies) {
    this.documents = webhookDocuments(deps.schema);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops claiming; waits for the deliveries in flight (each ends within the POST timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Deletes the finished deliveries (sent, given up, skipped) last changed more than
   * WEBHOOK_KEEP_DELIVERIES_DAYS before `nowMs`, with their attempts: the log stays bounded.
   * Pending and claimed deliveries are never deleted. Any process may run it: it is idempotent.
   */
  async prune(nowMs: number = Date.now()): Promise<number> {
    const cutoff = new Date(nowMs - this.deps.config.keepDeliveriesDays * 86_400_000);
    const finished = [
      WebhookDeliveryStatus.DELIVERED,
      WebhookDeliveryStatus.FAILED,
      WebhookDeliveryStatus.SKIPPED,
    ];
    return inTransaction(this.deps.dataSource, async (manager) => {
      const old = manager
        .createQueryBuilder(WebhookDelivery, 'delivery')
        .select('delivery.id', 'id')
        .where('delivery.status IN (:...finished)', { finished })
        .andWhere('delivery.updatedAt < :cutoff', { cutoff });
      await manager
        .createQueryBuilder()
        .delete()
        .from(WebhookAttempt)
        .where(`deliveryId IN (SELECT id FROM (${old.getQuery()}) AS old_delivery)`)
        .setParameters(old.getParameters())
        .execute();
      const deleted = await manager
        .createQueryBuilder()
        .delete()
        .from(WebhookDelivery)
        .where('status IN (:...finished)', { finished })
        .andWhere('updatedAt < :cutoff', { cutoff })
        .execute();
      return deleted.affected ?? 0;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.deps.logger.error({ err: error }, 'webhook delivery round failed'),
        )
        .finally(() => {
          this.running = null;
          this.schedule(this.deps.config.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One round: claims what is due and sends it. Returns how many deliveries it handled. */
  async runOnce(): Promise<number> {
    const now = Date.now();
    if (now - this.prunedAtMs >= PRUNE_EVERY_MS) {
      this.prunedAtMs = now;
      await this.prune(now);
    }
    const due = await this.deps.dataSource.manager
      .createQueryBuilder(WebhookDelivery, 'delivery')
      .select(['delivery.id'])
      .where(
        '(delivery.status = :pending AND delivery.nextAttemptAtMs <= :now) OR ' +
          '(delivery.status = :sending AND delivery.claimUntilMs < :now)',
        { pending: WebhookDeliveryStatus.PENDING, sending: WebhookDeliveryStatus.SENDING, now },
      )
      .orderBy('delivery.nextAttemptAtMs', 'ASC')
      .limit(BATCH)
      .getMany();
    let handled = 0;
    for (const { id } of due) {
      if (this.stopped) break;
      if (await this.claim(id, now)) {
        await this.deliver(id);
        handled += 1;
      }
    }
    return handled;
  }

  /** Takes a due delivery for this process, if no other process took it first. */
  private async claim(id: number, now: number): Promise<boolean> {
    const claimUntilMs = now + this.deps.config.timeoutMs + 30_000;
    const result = await inTransaction(this.deps.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ status: WebhookDeliveryStatus.SENDING, claimedBy: this.workerId, claimUntilMs })
        .where('id = :id', { id })
        .andWhere(
          '((status = :pending AND nextAttemptAtMs <= :now) OR ' +
            '(status = :sending AND claimUntilMs < :now))',
          { pending: WebhookDeliveryStatus.PENDING, sending: WebhookDeliveryStatus.SENDING, now },
        )
        .execute(),
    );
    return result.affected === 1;
  }

  private async deliver(id: number): Promise<void> {
    const { dataSource, logger } = this.deps;
    const delivery = await dataSource.manager.findOneByOrFail(WebhookDelivery, { id });
    const webhook = await dataSource.manager.findOneBy(Webhook, { id: delivery.webhookId });
    if (!webhook || !webhook.enabled) {
      await this.finish(delivery, WebhookDeliveryStatus.SKIPPED, 'the webhook is disabled');
      return;
    }
    let body = delivery.body;
    let result: AttemptResult;
    try {
      if (body === null) {
        const context = await createContext(
          { dataSource },
          { authorization: undefined, ip: 'webhook', caller: webhookReader(webhook) },
        );
        const envelope = JSON.parse(delivery.eventJson) as LiveEventEnvelope;
        const filter = webhook.filterJson
          ? (JSON.parse(webhook.filterJson) as Record<string, unknown>)
          : null;
        const read = await webhookBody(this.deps.schema, this.documents, context, envelope, filter);
        if (!read) {
          await this.finish(
            delivery,
            WebhookDeliveryStatus.SKIPPED,
            'not for this webhook: its scope may not read the record, or its filter does not hold',
          );
          return;
        }
        body = JSON.stringify(read);
      }
      result = await this.post(webhook, delivery.messageId, body);
    } catch (error) {
      result = { statusCode: null, durationMs: 0, error: String(error).slice(0, 500) };
    }
    await this.record(webhook, delivery, body, result);
    if (result.error) {
      logger.warn(
        { webhookId: webhook.id, deliveryId: delivery.id, error: result.error },
        'webhook delivery failed',
      );
    }
  }

  private async post(webhook: Webhook, messageId: string, body: string): Promise<AttemptResult> {
    const refused = await refusedWebhookTarget(webhook.url, this.deps.policy);
    if (refused)
      return { statusCode: null, durationMs: 0, error: `URL_NOT_ALLOWED: url ${refused}` };
    const started = performance.now();
    try {
      const statusCode = await postOnce(
        webhook.url,
        webhookHeaders(webhook.secret, messageId, body),
        body,
        this.deps.config.timeoutMs,
        guardedLookup(this.deps.policy),
      );
      const durationMs = Math.round(performance.now() - started);
      const ok = statusCode >= 200 && statusCode < 300;
      return {
        statusCode,
        durationMs,
        error: ok ? null : `the endpoint answered HTTP ${statusCode}`,
      };
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const timedOut = (error as Error).name === 'TimeoutError';
      const refused = (error as NodeJS.ErrnoException).code === 'URL_NOT_ALLOWED';
      return {
        statusCode: null,
        durationMs,
        error: timedOut
          ? `no answer within ${this.deps.config.timeoutMs} ms`
          : refused
            ? `URL_NOT_ALLOWED: url ${(error as Error).message}`
            : `the request failed: ${String(error)}`.slice(0, 500),
      };
    }
  }

  /** Ends a delivery without sending it. */
  private async finish(
    delivery: WebhookDelivery,
    status: WebhookDeliveryStatus,
    reason: string,
  ): Promise<void> {
    await inTransaction(this.deps.dataSource, (manager) =>
      manager.update(
        WebhookDelivery,
        { id: delivery.id, claimedBy: this.workerId },
        { status, lastError: reason, claimedBy: null, claimUntilMs: null },
      ),
    );
  }

  /** Keeps the attempt, then settles the delivery (done, retry later, or given up) and its webhook. */
  private async record(
    webhook: Webhook,
    delivery: WebhookDelivery,
    body: string | null,
    result: AttemptResult,
  ): Promise<void> {
    const now = Date.now();
    const failedAttempts = delivery.attemptCount + 1;
    const next = result.error
      ? nextAttemptAt(this.deps.config, committedAtMs(delivery), failedAttempts, now)
      : null;
    const status = !result.error
      ? WebhookDeliveryStatus.DELIVERED
      : next === null
        ? WebhookDeliveryStatus.FAILED
        : WebhookDeliveryStatus.PENDING;
    await inTransaction(this.deps.dataSource, async (manager) => {
      await manager.insert(WebhookAttempt, { deliveryId: delivery.id, ...result });
      await manager.update(
        WebhookDelivery,
        { id: delivery.id, claimedBy: this.workerId },
        {
          status,
          body,
          attemptCount: failedAttempts,
          nextAttemptAtMs: next ?? now,
          lastError: result.error,
          claimedBy: null,
          claimUntilMs: null,
        },
      );
      if (!result.error) {
        if (webhook.failingSinceMs !== null) {
          await manager.update(Webhook, { id: webhook.id }, { failingSinceMs: null });
        }
        return;
      }
      const failingSinceMs = webhook.failingSinceMs === null ? now : Number(webhook.failingSinceMs);
      const disable = failedForDays(failingSinceMs, this.deps.config.disableAfterDays, now);
      await manager.update(
        Webhook,
        { id: webhook.id },
        disable
          ? {
              failingSinceMs,
              enabled: false,
              disabledReason: `every delivery failed for ${this.deps.config.disableAfterDays} days`,
            }
          : { failingSinceMs },
      );
    });
  }
}

/** When the delivery's change was committed: the retry window counts from there. */
function committedAtMs(delivery: WebhookDelivery): number {
  return Date.parse((JSON.parse(delivery.eventJson) as LiveEventEnvelope).committedAt);
}

/**
 * One POST, answered by its status code. Through node:http(s) rather than fetch, so that the
 * connection resolves the host with `lookup` (the address connected to is the address checked);
 * redirects are not followed (a redirect could lead anywhere, a private network included).
 */
function postOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  lookup: LookupFunction,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    request.once('error', (error) => {
      // The abort of AbortSignal.timeout() arrives as an AbortError whose cause names the timeout.
      const cause = (error as Error & { cause?: Error }).cause;
      reject(cause?.name === 'TimeoutError' ? cause : error);
    });
    request.end(body);
  });
}
