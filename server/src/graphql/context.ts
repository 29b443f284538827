import type { DataSource } from 'typeorm';

import type { Caller } from '../auth/roles';
import type { LoaderRegistry } from './loader-registry';

export type { Caller };

/** What every resolver receives. Built once per request, so nothing here is shared between callers. */
export interface GraphQLContext {
  dataSource: DataSource;
  requestId: string;
  loaders: LoaderRegistry;
  /** Who sends the request: anonymous or an API token's holder (see auth/). */
  caller: Caller;
}
