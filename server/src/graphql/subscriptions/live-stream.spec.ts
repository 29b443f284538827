import type { GraphQLContext } from '../context';
import { InProcessEventBus } from './live-event-bus';
import type { LiveEventEnvelope } from './live-events';
import { liveStream } from './live-stream';

/** A bus on which the test says when events may have been missed (Redis was out of reach). */
class InterruptedBus extends InProcessEventBus {
  interrupt(): void {
    this.deliverMissed();
  }
}

const updated = (projectId: number): LiveEventEnvelope => ({
  event: { type: 'projectUpdated', projectId },
  operation: 'updateProject',
  requestId: 'r',
  committedAt: '2026-12-01T00:00:00Z',
});

describe('liveStream', () => {
  const streamOn = (bus: InterruptedBus) => {
    const context = { liveEvents: bus, loaders: { clearAll: () => undefined } };
    return liveStream(context as unknown as GraphQLContext, 'projectUpdated', async (envelope) =>
      envelope.event.type === 'projectUpdated' ? envelope.event.projectId : 0,
    );
  };

  it('sends what it heard before a gap, then ends with EVENTS_MISSED and stops listening', async () => {
    const bus = new InterruptedBus();
    const stream = streamOn(bus);
    bus.publish([updated(1), updated(2)]);
    bus.interrupt();
    bus.publish([updated(3)]);
    expect(await stream.next()).toEqual({ value: 1, done: false });
    expect(await stream.next()).toEqual({ value: 2, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
    await expect(stream.next()).rejects.toMatchObject({ code: 'EVENTS_MISSED' });
    expect(bus.listenerCount()).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('wakes a subscriber waiting for its next event when a gap is told', async () => {
    const bus = new InterruptedBus();
    const stream = streamOn(bus);
    const waiting = stream.next();
    bus.interrupt();
    await expect(waiting).rejects.toMatchObject({ code: 'EVENTS_MISSED' });
  });

  it('is not told of gaps once ended', async () => {
    const bus = new InterruptedBus();
    const stream = streamOn(bus);
    await stream.return!();
    bus.interrupt();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
