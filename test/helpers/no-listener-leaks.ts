/**
 * Node warns when an emitter (a response, a socket) gets an eleventh listener for one event: a
 * listener added per chunk, per retry or per wait and never removed. In the end-to-end suites
 * that warning fails the suite, with where the listeners were added (the warnings are collected
 * by leak-watching-environment.ts).
 */
const leaks = (globalThis as { listenerLeaks?: string[] }).listenerLeaks;
// Without the environment that collects them, this check would pass whatever happened.
if (!leaks) throw new Error('The e2e suites run in test/helpers/leak-watching-environment.ts');

afterAll(async () => {
  // Node emits its warnings on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  if (leaks.length > 0) {
    throw new Error(`Listeners piled up on an emitter:\n${leaks.splice(0).join('\n\n')}`);
  }
});
