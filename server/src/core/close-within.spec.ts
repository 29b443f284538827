import { type Closable, closeWithin } from './close-within';

function client(closes: Promise<unknown>): Closable & { destroyed: boolean } {
  return {
    isOpen: true,
    destroyed: false,
    close: () => closes,
    destroy() {
      this.destroyed = true;
    },
  };
}

describe('closeWithin', () => {
  it('closes gracefully when the client finishes within the grace', async () => {
    const graceful = client(Promise.resolve());
    await closeWithin(graceful, 1000);
    expect(graceful.destroyed).toBe(false);
  });

  it('destroys a client whose graceful close does not end, or fails', async () => {
    const stuck = client(new Promise(() => undefined));
    const started = Date.now();
    await closeWithin(stuck, 50);
    expect(stuck.destroyed).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    const failing = client(Promise.reject(new Error('closed')));
    await closeWithin(failing, 1000);
    expect(failing.destroyed).toBe(true);
  });
});
