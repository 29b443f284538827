import { accessScopeOf } from '../../auth/access-scope';
import { DomainError } from '../../core/domain-error';
import { toGlobalId } from '../../core/global-id';
import type { CollectionSpec } from '../../database/query/collection-spec';
import { fetchPages } from '../../database/query/relay-pages';
import type { GraphQLContext } from '../context';
import type { LiveEventEnvelope, LiveEventType } from './live-events';

/**
 * Events waiting for one subscriber (each is re-read before it is sent). A subscriber that
 * falls further behind is dropped rather than buffered without bound.
 */
export const MAX_PENDING_EVENTS = 256;

export class SlowSubscriberError extends Error {
  constructor() {
    super(`More than ${MAX_PENDING_EVENTS} events are waiting for this subscriber: it was dropped`);
  }
}

/** What ends a subscription whose server could not hear the other servers for a while. */
export const eventsMissed = (): DomainError =>
  new DomainError(
    'EVENTS_MISSED',
    'Live updates were interrupted (this server could not reach Redis for a while): events may have been missed. Re-read what you show, then subscribe again.',
  );

/**
 * The record of `spec` with database id `id`, as the caller of `context` would read it through
 * the list with `filter`: null when the caller may not see it or the filter does not hold.
 * The same list engine as `projects(filter:)`, so rights and filters are exactly those of reads.
 */
export async function readThroughList<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  id: number,
  filter: Record<string, unknown> | null | undefined,
): Promise<T | null> {
  const byId = { id: { eq: toGlobalId(spec.typeName, id) } };
  const pages = await fetchPages<T>(
    context.dataSource,
    spec,
    { filter: filter ? { and: [filter, byId] } : byId, first: 1 },
    {
      defaultOrder: spec.defaultOrder,
      access: accessScopeOf(context.caller),
      kept: context.keptTotals,
    },
  );
  return pages.get(null)?.nodes[0] ?? null;
}

/**
 * Compiles a subscription's filter once, at subscribe, so that a bad one is refused at once
 * with its path (`filter.leadPole.id.eq`), as the same filter in a query would be.
 */
export async function checkListFilter(
  context: GraphQLContext,
  spec: CollectionSpec,
  filter: Record<string, unknown> | null | undefined,
): Promise<void> {
  if (!filter) return;
  await fetchPages(
    context.dataSource,
    spec,
    { filter, first: 0 },
    {
      defaultOrder: spec.defaultOrder,
      access: accessScopeOf(context.caller),
      kept: context.keptTotals,
    },
  );
}

/**
 * The events of `type` as this subscriber may see them: each is turned into a payload by
 * `deliver` (null: not for this subscriber) with the subscriber's own context, after commit.
 * Events are handled one at a time, in order; `return()` stops listening at once.
 */
export function liveStream<TPayload>(
  context: GraphQLContext,
  type: LiveEventType,
  deliver: (envelope: LiveEventEnvelope) => Promise<TPayload | null>,
): AsyncIterableIterator<TPayload> {
  if (!context.liveEvents) throw new Error('This server serves no subscriptions');
  const pending: LiveEventEnvelope[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let overflow = false;
  let interrupted = false;
  const stopListening = context.liveEvents.listen(
    (envelope) => {
      if (finished || envelope.event.type !== type) return;
      if (pending.length >= MAX_PENDING_EVENTS) overflow = true;
      else pending.push(envelope);
      wake?.();
    },
    () => {
      interrupted = true;
      wake?.();
    },
  );
  const finish = (): IteratorResult<TPayload> => {
    finished = true;
    stopListening();
    wake?.();
    return { value: undefined, done: true };
  };

  const iterator: AsyncIterableIterator<TPayload> = {
    async next() {
      while (!finished) {
        if (overflow) {
          finish();
          throw new SlowSubscriberError();
        }
        const envelope = pending.shift();
        if (!envelope) {
          // What was heard before the gap is sent first.
          if (interrupted) {
            finish();
            throw eventsMissed();
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        // Every event reads the committed state afresh, not what an earlier event cached.
        context.loaders.clearAll();
        const payload = await deliver(envelope);
        if (payload === null || finished) continue;
        await context.subscription?.beforeDelivery();
        return { value: payload, done: false };
      }
      return { value: undefined, done: true };
    },
    async return() {
      return finish();
    },
    async throw(error?: unknown) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
