import { LoaderRegistry } from './loader-registry';

describe('LoaderRegistry: records kept for a request', () => {
  const region = (id: number) => ({ id, name: `Region ${id}` });

  it('answers a record read with the same columns, and nothing for other columns', () => {
    const loaders = new LoaderRegistry();
    loaders.remember('Region', 'id,name', new Map([[1, region(1)]]), false);
    expect(loaders.recall('Region', 'id,name', 1)).toEqual(region(1));
    expect(loaders.recall('Region', 'code,id', 1)).toBeUndefined();
    expect(loaders.recall('Pole', 'id,name', 1)).toBeUndefined();
  });

  it('tells an id read and not found (null) from an id never read (undefined)', () => {
    const loaders = new LoaderRegistry();
    loaders.remember('Member', 'id', new Map([[7, null]]), false);
    expect(loaders.recall('Member', 'id', 7)).toBeNull();
    expect(loaders.recall('Member', 'id', 8)).toBeUndefined();
  });

  it('adds later reads of the same columns; a whole table answers null for any other id', () => {
    const loaders = new LoaderRegistry();
    loaders.remember('Member', 'id', new Map([[1, { id: 1 }]]), false);
    loaders.remember('Member', 'id', new Map([[2, { id: 2 }]]), false);
    expect(loaders.recall('Member', 'id', 1)).toEqual({ id: 1 });
    expect(loaders.recall('Member', 'id', 2)).toEqual({ id: 2 });
    loaders.remember('Region', 'id,name', new Map([[1, region(1)]]), true);
    expect(loaders.recall('Region', 'id,name', 99)).toBeNull();
  });

  it('forgets everything after a write (clearAll)', () => {
    const loaders = new LoaderRegistry();
    loaders.remember('Region', 'id,name', new Map([[1, region(1)]]), true);
    loaders.clearAll();
    expect(loaders.recall('Region', 'id,name', 1)).toBeUndefined();
  });
});
