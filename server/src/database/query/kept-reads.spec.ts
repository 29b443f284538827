import type { CollectionSpec } from './collection-spec';
import { DATA_VERSION_CHECK_MS, KeptReads, type KeptReadsOptions } from './kept-reads';
import { ReferenceTables, sharedWith } from './reference-tables';
import { UNRESTRICTED } from './sql-builder';

/** A load whose results the test settles one by one, counting the loads. */
function controlledLoad() {
  const pending: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const load = jest.fn(
    () =>
      new Promise<string>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { load, pending };
}

describe('KeptReads', () => {
  let now = 0;
  const kept = (options: Partial<KeptReadsOptions> = {}) =>
    new KeptReads<string>({ ttlMs: 10_000, maxEntries: 100, now: () => now, ...options });
  beforeEach(() => {
    now = 1_000;
  });

  it('reads once for every request asking at the same moment, then answers without a read', async () => {
    const { load, pending } = controlledLoad();
    const reads = kept();
    const first = reads.read('a', load);
    const second = reads.read('a', load);
    expect(reads.current('a')).toBeUndefined();
    pending[0].resolve('A');
    expect([await first, await second]).toEqual(['A', 'A']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(reads.current('a')).toBe('A');
    expect(reads.current('b')).toBeUndefined();
  });

  it('reads again once ttlMs has passed, and keeps nothing with a ttl of 0', async () => {
    const { load, pending } = controlledLoad();
    const reads = kept({ ttlMs: 500 });
    const first = reads.read('a', load);
    pending[0].resolve('A');
    await first;
    now += 499;
    expect(reads.current('a')).toBe('A');
    now += 1;
    expect(reads.current('a')).toBeUndefined();
    void reads.read('a', load);
    expect(load).toHaveBeenCalledTimes(2);

    const none = kept({ ttlMs: 0 });
    void none.read('a', load);
    void none.read('a', load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('drops what it is told changed, and does not keep a read that was under way then', async () => {
    const { load, pending } = controlledLoad();
    const reads = kept();
    const before = reads.read('a', load);
    void reads.read('b', load);
    // A write commits while the read that may have begun before it is under way.
    reads.invalidate(['a', 'z']);
    const after = reads.read('a', load);
    expect(load).toHaveBeenCalledTimes(3);
    pending[0].resolve('old');
    pending[1].resolve('B');
    pending[2].resolve('new');
    expect([await before, await after]).toEqual(['old', 'new']);
    expect(reads.current('a')).toBe('new');
    expect(reads.current('b')).toBe('B');
    reads.invalidate();
    expect([reads.current('a'), reads.current('b')]).toEqual([undefined, undefined]);
  });

  it('does not keep a failed read: the next request reads again', async () => {
    const { load, pending } = controlledLoad();
    const reads = kept();
    const failing = reads.read('a', load);
    pending[0].reject(new Error('SERVICE_UNAVAILABLE'));
    await expect(failing).rejects.toThrow('SERVICE_UNAVAILABLE');
    const retried = reads.read('a', load);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1].resolve('A');
    expect(await retried).toBe('A');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const reads = kept({ maxEntries: 2 });
    await reads.read('a', async () => 'A');
    await reads.read('b', async () => 'B');
    await reads.read('a', async () => 'never read');
    await reads.read('c', async () => 'C');
    expect([reads.current('a'), reads.current('b'), reads.current('c')]).toEqual([
      'A',
      undefined,
      'C',
    ]);
  });

  it('drops everything when the database says another connection committed, even during a read', async () => {
    let version = 7;
    const dataVersion = jest.fn(() => version);
    const { load, pending } = controlledLoad();
    const reads = kept({ dataVersion });
    const first = reads.read('a', load);
    // Committed elsewhere while the read runs, seen at the next check.
    version = 8;
    pending[0].resolve('maybe old');
    await first;
    expect(reads.current('a')).toBe('maybe old');
    now += DATA_VERSION_CHECK_MS - 1;
    expect(reads.current('a')).toBe('maybe old');
    now += 1;
    expect(reads.current('a')).toBeUndefined();
    const second = reads.read('a', load);
    pending[1].resolve('new');
    await second;
    // Asked at most once per DATA_VERSION_CHECK_MS.
    const asked = dataVersion.mock.calls.length;
    for (let ms = 1; ms < DATA_VERSION_CHECK_MS; ms += 1) {
      expect(reads.current('a')).toBe('new');
      now += 1;
    }
    expect(dataVersion).toHaveBeenCalledTimes(asked);
    now += 1;
    expect(reads.current('a')).toBe('new');
    expect(dataVersion).toHaveBeenCalledTimes(asked + 1);
  });

  it('takes the version anew when this process commits: what it reads next stays kept', async () => {
    let version = 7;
    const { load, pending } = controlledLoad();
    const reads = kept({ dataVersion: () => version });
    const first = reads.read('a', load);
    pending[0].resolve('A');
    await first;
    // This process commits (its own connection: the version moves), and says so at once.
    version = 8;
    reads.committedHere();
    expect(reads.current('a')).toBeUndefined();
    // Read again within the same check interval, then asked past it: still kept.
    const second = reads.read('a', load);
    pending[1].resolve('A2');
    await second;
    now += DATA_VERSION_CHECK_MS;
    expect(reads.current('a')).toBe('A2');
    expect(load).toHaveBeenCalledTimes(2);
    // A commit elsewhere afterwards is still seen.
    version = 9;
    now += DATA_VERSION_CHECK_MS;
    expect(reads.current('a')).toBeUndefined();
  });

  it('keeps nothing and serves nothing kept while the other processes cannot be heard', async () => {
    const { load, pending } = controlledLoad();
    let hearing = true;
    const reads = kept({ hearsOtherWrites: () => hearing });
    const first = reads.read('a', load);
    pending[0].resolve('A');
    await first;
    expect(reads.current('a')).toBe('A');

    // Redis cut: what was kept may be changed by a write nobody will tell of.
    hearing = false;
    expect(reads.current('a')).toBeUndefined();
    const deaf = reads.read('a', load);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1].resolve('A2');
    expect(await deaf).toBe('A2');
    void reads.read('a', load);
    expect(load).toHaveBeenCalledTimes(3);
    pending[2].resolve('A3');

    // Heard again: kept again (the bus drops what came before: invalidate()).
    hearing = true;
    expect(reads.current('a')).toBeUndefined();
    const heard = reads.read('a', load);
    pending[3].resolve('A4');
    await heard;
    expect(reads.current('a')).toBe('A4');
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('trusts nothing it keeps while the database cannot tell its version', async () => {
    let failing = false;
    const reads = kept({
      dataVersion: () => {
        if (failing) throw new Error('SQLITE_IOERR');
        return 1;
      },
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await reads.read('a', async () => 'A');
      expect(reads.current('a')).toBe('A');
      failing = true;
      now += DATA_VERSION_CHECK_MS;
      expect(reads.current('a')).toBeUndefined();
      await reads.read('a', async () => 'A again');
      now += DATA_VERSION_CHECK_MS;
      expect(reads.current('a')).toBeUndefined();
      // Said once, not at every check.
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain('SQLITE_IOERR');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('ReferenceTables', () => {
  it('keeps frozen tables: a resolver cannot change a row for every other request', async () => {
    const read = jest.fn(async () => [{ id: 1, name: 'Bretagne' }]);
    const tables = new ReferenceTables(read, { ttlMs: 10_000 });
    const spec = { typeName: 'Region' } as CollectionSpec;
    const { rows, byId } = await tables.table<{ id: number; name: string }>(spec);
    expect(byId.get(1)).toBe(rows[0]);
    expect(tables.current(spec)).toEqual({ rows, byId });
    expect(() => {
      (rows[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(() => (rows as { id: number; name: string }[]).push({ id: 2, name: 'x' })).toThrow(
      TypeError,
    );
    tables.invalidate(['Region']);
    expect(tables.current(spec)).toBeUndefined();
  });
});

describe('sharedWith', () => {
  const spec = { typeName: 'Region' } as CollectionSpec;

  it('shares the kept tables only with callers who see every row and every field', () => {
    expect(sharedWith(UNRESTRICTED, spec)).toBe(true);
    expect(sharedWith({ ...UNRESTRICTED, rows: () => 't0.`code` = 84' }, spec)).toBe(false);
    expect(sharedWith({ ...UNRESTRICTED, detail: () => '1 = 0' }, spec)).toBe(false);
  });
});
