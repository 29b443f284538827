import { HeavyOperationLane } from './heavy-operation-lane';

describe('HeavyOperationLane', () => {
  it('runs up to its capacity at once and admits the others in arrival order', async () => {
    const lane = new HeavyOperationLane(2);
    const first = await lane.enter();
    const second = await lane.enter();
    const admitted: string[] = [];
    const third = lane.enter().then((leave) => (admitted.push('third'), leave));
    const fourth = lane.enter().then((leave) => (admitted.push('fourth'), leave));
    await Promise.resolve();
    expect(lane.state).toEqual({ running: 2, waiting: 2 });
    expect(admitted).toEqual([]);

    first();
    first(); // giving a place back twice frees it once
    const leaveThird = await third;
    expect(admitted).toEqual(['third']);
    expect(lane.state).toEqual({ running: 2, waiting: 1 });

    second();
    const leaveFourth = await fourth;
    expect(admitted).toEqual(['third', 'fourth']);
    leaveThird();
    leaveFourth();
    expect(lane.state).toEqual({ running: 0, waiting: 0 });
  });

  it('lets an operation whose client went away leave the queue without running', async () => {
    const lane = new HeavyOperationLane(1);
    const leaveFirst = await lane.enter();
    const client = new AbortController();
    const abandoned = lane.enter(client.signal);
    const admitted: string[] = [];
    const next = lane.enter().then((leave) => (admitted.push('next'), leave));
    await Promise.resolve();
    expect(lane.state).toEqual({ running: 1, waiting: 2 });

    client.abort(new Error('client closed the connection'));
    await expect(abandoned).rejects.toThrow('client closed the connection');
    expect(lane.state).toEqual({ running: 1, waiting: 1 });

    leaveFirst();
    const leaveNext = await next;
    expect(admitted).toEqual(['next']);
    leaveNext();
    expect(lane.state).toEqual({ running: 0, waiting: 0 });
    await expect(lane.enter(client.signal)).rejects.toThrow('client closed the connection');
    expect(lane.state).toEqual({ running: 0, waiting: 0 });
  });
});
