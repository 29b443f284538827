import type { DataSource } from 'typeorm';
import type { LoaderRegistry } from './loader-registry';

/** Who sends the request. Anonymous until API tokens exist. */
export interface Caller {
  /** Shown in audit logs and project histories. */
  name: string;
}

/** What every resolver receives. Built once per request, so nothing here is shared between callers. */
export interface GraphQLContext {
  dataSource: DataSource;
  requestId: string;
  loaders: LoaderRegistry;
  caller: Caller;
}
