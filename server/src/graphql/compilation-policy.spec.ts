import { CompilationPolicy, NOT_COMPILABLE } from './compilation-policy';

describe('CompilationPolicy', () => {
  it('interprets a document on its first run and compiles it on its second', () => {
    const policy = new CompilationPolicy<string>(10);
    expect(policy.plan('a')).toEqual({ kind: 'interpret' });
    expect(policy.plan('a')).toEqual({ kind: 'compile' });
    policy.remember('a', 'compiled a');
    expect(policy.plan('a')).toEqual({ kind: 'compiled', query: 'compiled a' });
    expect(policy.plan('a')).toEqual({ kind: 'compiled', query: 'compiled a' });
  });

  it('interprets for good a document the compiler refused', () => {
    const policy = new CompilationPolicy<string>(10);
    policy.plan('a');
    expect(policy.plan('a')).toEqual({ kind: 'compile' });
    policy.remember('a', NOT_COMPILABLE);
    expect(policy.plan('a')).toEqual({ kind: 'interpret' });
    expect(policy.plan('a')).toEqual({ kind: 'interpret' });
  });

  it('never compiles a stream of distinct documents, nor lets it evict compiled ones', () => {
    const policy = new CompilationPolicy<string>(3);
    policy.plan('hot');
    policy.plan('hot');
    policy.remember('hot', 'compiled hot');
    for (let i = 0; i < 100; i++) {
      expect(policy.plan(`one-off ${i}`)).toEqual({ kind: 'interpret' });
    }
    expect(policy.plan('hot')).toEqual({ kind: 'compiled', query: 'compiled hot' });
    expect(policy.size).toEqual({ seenOnce: 3, compiled: 1 });
  });

  it('keeps at most its capacity of compiled documents, dropping the least recently used', () => {
    const policy = new CompilationPolicy<string>(2);
    for (const key of ['a', 'b', 'c']) {
      policy.plan(key);
      policy.plan(key);
      policy.remember(key, `compiled ${key}`);
    }
    expect(policy.size.compiled).toBe(2);
    // `a` was dropped: it starts again as a document seen once.
    expect(policy.plan('a')).toEqual({ kind: 'interpret' });
    expect(policy.plan('c')).toEqual({ kind: 'compiled', query: 'compiled c' });
  });
});
