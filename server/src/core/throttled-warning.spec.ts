import { throttledWarning } from './throttled-warning';

describe('throttledWarning', () => {
  it('says the first warning at once, then at most one per interval', () => {
    let now = 1_000;
    const said: string[] = [];
    const warn = throttledWarning(
      60_000,
      (message) => said.push(message),
      () => now,
    );
    warn('a');
    now += 59_999;
    warn('b');
    now += 1;
    warn('c');
    expect(said).toEqual(['a', 'c']);
  });
});
