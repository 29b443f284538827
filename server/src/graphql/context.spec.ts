import type { DataSource } from 'typeorm';

import { anonymousCaller } from '../auth/roles';
import { createContext } from './context';

describe('createContext', () => {
  const request = (abandoned: () => AbortSignal) => ({
    authorization: undefined,
    ip: '127.0.0.1',
    caller: anonymousCaller('127.0.0.1'),
    abandoned,
  });

  it('makes the abandonment signal only when asked, even after Apollo copies the context', async () => {
    const made = jest.fn(() => new AbortController().signal);
    const context = await createContext({ dataSource: {} as DataSource }, request(made));
    // What Apollo Server does with the context of every operation (ApolloServer.js, cloneObject).
    const copy = Object.assign(Object.create(Object.getPrototypeOf(context) as object), context);
    expect(made).not.toHaveBeenCalled();

    const signal = (copy as typeof context).abandoned?.();
    expect(made).toHaveBeenCalledTimes(1);
    expect(context.abandoned?.()).toBe(signal);
    expect(made).toHaveBeenCalledTimes(1);
  });
});
