import { createClient } from 'redis';

import type { RedisConfig } from '../../config/config';
import { closeWithin, REDIS_CLOSE_GRACE_MS } from '../../core/close-within';
import type { AfterCommitListener } from '../../database/unit-of-work/unit-of-work';
import { type LiveEventEnvelope, liveEventsOf } from './live-events';

export type LiveEventListener = (envelope: LiveEventEnvelope) => void;

/**
 * Told the record types whose rows a committed write changed (to drop what it keeps of them);
 * `undefined`: any may have changed (the bus could not hear the other processes for a while).
 */
export type ChangedTypesListener = (typeNames: readonly string[] | undefined) => void;

/** Where subscriptions listen for committed changes. */
export interface LiveEventSource {
  /**
   * Calls `listener` for every event, and `missed` when events may have been missed (this
   * process could not hear the others for a while); returns the function that stops both.
   */
  listen(listener: LiveEventListener, missed?: () => void): () => void;
}

/** Where committed changes are published, and heard by every process that serves subscribers. */
export interface LiveEventBus extends LiveEventSource {
  publish(envelopes: readonly LiveEventEnvelope[]): void;
  /**
   * Tells every process the record types a committed write changed, so that they drop what they
   * keep of them: this one at once (before the write's answer is sent), the others as soon as
   * they hear.
   */
  publishChangedTypes(typeNames: readonly string[]): void;
  /** Calls `listener` with the types every process's writes changed, this one's included. */
  onChangedTypes(listener: ChangedTypesListener): void;
  /**
   * Whether this process hears now every write the others commit: false while Redis cannot be
   * reached (what it keeps between requests is then not trusted).
   */
  hearsOtherWrites(): boolean;
  /** Subscriptions listening in this process. */
  listenerCount(): number;
  /** Subscriptions that started listening since the process started (never decreases). */
  listenersAdded(): number;
  close(): Promise<void>;
}

/** Listeners of this process; both buses deliver through it. */
class LocalListeners implements LiveEventSource {
  private readonly listeners = new Set<LiveEventListener>();
  private readonly missedListeners = new Set<() => void>();
  private readonly changedTypesListeners: ChangedTypesListener[] = [];
  private added = 0;

  onChangedTypes(listener: ChangedTypesListener): void {
    this.changedTypesListeners.push(listener);
  }

  protected deliverChangedTypes(typeNames: readonly string[] | undefined): void {
    for (const listener of this.changedTypesListeners) listener(typeNames);
  }

  listen(listener: LiveEventListener, missed?: () => void): () => void {
    this.listeners.add(listener);
    if (missed) this.missedListeners.add(missed);
    this.added += 1;
    return () => {
      this.listeners.delete(listener);
      if (missed) this.missedListeners.delete(missed);
    };
  }

  /** Tells every listener that events may have been missed. */
  protected deliverMissed(): void {
    for (const missed of [...this.missedListeners]) missed();
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  listenersAdded(): number {
    return this.added;
  }

  deliver(envelope: LiveEventEnvelope): void {
    for (const listener of this.listeners) {
      try {
        listener(envelope);
      } catch (error) {
        // One subscriber's failure must not keep the event from the others.
        console.warn(`[live] a listener failed: ${String(error)}`);
      }
    }
  }
}

/** The embedded default: events stay in the process that committed them. */
export class InProcessEventBus extends LocalListeners implements LiveEventBus {
  publish(envelopes: readonly LiveEventEnvelope[]): void {
    for (const envelope of envelopes) this.deliver(envelope);
  }

  publishChangedTypes(typeNames: readonly string[]): void {
    this.deliverChangedTypes(typeNames);
  }

  /** There are no others. */
  hearsOtherWrites(): boolean {
    return true;
  }

  async close(): Promise<void> {}
}

/**
 * Redis pub/sub (`REDIS_URL`): every process publishes to one channel and hears every event
 * from it, its own included, so a subscriber receives a change whichever process made it.
 * Pub/sub keeps no history: a process that is down misses what happened meanwhile (the
 * webhooks' outbox is the durable path).
 */
function createConnection(url: string) {
  return createClient({ url, socket: { connectTimeout: 3000 } });
}

type RedisConnection = ReturnType<typeof createConnection>;

export class RedisEventBus extends LocalListeners implements LiveEventBus {
  /** Set once both channels are subscribed; the subscriber's readiness says the rest. */
  private subscribed = false;
  /** Since the subscriber lost Redis, until it is back (said once each way in the log). */
  private deaf = false;

  private constructor(
    private readonly publisher: RedisConnection,
    private readonly subscriber: RedisConnection,
    private readonly channel: string,
    private readonly changedTypesChannel: string,
  ) {
    super();
  }

  static async connect(url: string, keyPrefix: string): Promise<RedisEventBus> {
    // A connection in subscriber mode takes no other command: one for each role.
    const publisher = createConnection(url);
    const subscriber = createConnection(url);
    const bus = new RedisEventBus(
      publisher,
      subscriber,
      `${keyPrefix}live-events`,
      `${keyPrefix}changed-types`,
    );
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: unknown) => console.warn(`[live] Redis: ${String(error)}`));
    }
    // Ready again after a cut: node-redis subscribes again before it says so. What the others
    // wrote meanwhile went unheard: everything kept is dropped, and the subscriptions served
    // here are told they may have missed events.
    subscriber.on('ready', () => {
      if (!bus.subscribed) return;
      const missed = bus.deaf;
      if (missed) {
        console.warn('[live] Redis is back: the writes of other processes are heard again');
      }
      bus.deaf = false;
      bus.deliverChangedTypes(undefined);
      if (missed) bus.deliverMissed();
    });
    subscriber.on('reconnecting', () => {
      if (!bus.subscribed || bus.deaf) return;
      bus.deaf = true;
      console.warn('[live] Redis cannot be reached: nothing is kept between requests meanwhile');
    });
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe(bus.channel, (message) => bus.receive(message));
      await subscriber.subscribe(bus.changedTypesChannel, (message) =>
        bus.receiveChangedTypes(message),
      );
      bus.subscribed = true;
    } catch (error) {
      await bus.close();
      throw new Error(`Live updates cannot reach Redis: ${String(error)}`);
    }
    return bus;
  }

  publish(envelopes: readonly LiveEventEnvelope[]): void {
    for (const envelope of envelopes) {
      this.publisher
        .publish(this.channel, JSON.stringify(envelope))
        .catch((error: unknown) => console.warn(`[live] publish failed: ${String(error)}`));
    }
  }

  publishChangedTypes(typeNames: readonly string[]): void {
    // Here at once: this process's next read must see its own write; the echo drops it again.
    this.deliverChangedTypes(typeNames);
    this.publisher
      .publish(this.changedTypesChannel, JSON.stringify(typeNames))
      .catch((error: unknown) => console.warn(`[live] publish failed: ${String(error)}`));
  }

  hearsOtherWrites(): boolean {
    return this.subscribed && this.subscriber.isReady;
  }

  private receiveChangedTypes(message: string): void {
    let typeNames: unknown;
    try {
      typeNames = JSON.parse(message);
    } catch {
      return;
    }
    if (Array.isArray(typeNames)) this.deliverChangedTypes(typeNames.map(String));
  }

  private receive(message: string): void {
    let envelope: LiveEventEnvelope;
    try {
      envelope = JSON.parse(message) as LiveEventEnvelope;
    } catch {
      return;
    }
    this.deliver(envelope);
  }

  async close(): Promise<void> {
    // Publishes still queued for a Redis out of reach are given up after the grace.
    await Promise.all(
      [this.subscriber, this.publisher].map((client) => closeWithin(client, REDIS_CLOSE_GRACE_MS)),
    );
  }
}

/** Redis when `redisUrl` is set, in-process otherwise. */
export function openLiveEventBus(config: RedisConfig): Promise<LiveEventBus> {
  return config.url
    ? RedisEventBus.connect(config.url, config.keyPrefix)
    : Promise.resolve(new InProcessEventBus());
}

/**
 * What every committed write tells the processes (the unit of work's after-commit listener of
 * the server and of the import command): its live events, and the record types it changed.
 */
export function publishCommitted(bus: LiveEventBus): AfterCommitListener {
  return (change) => {
    bus.publish(liveEventsOf(change));
    const changedTypes = [...new Set(change.changes.map((entry) => entry.recordType))];
    if (changedTypes.length > 0) bus.publishChangedTypes(changedTypes);
  };
}
