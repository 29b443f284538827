import type { DataSource } from 'typeorm';
import type { LoaderRegistry } from './loader-registry';

/** What every resolver receives. Built once per request, so nothing here is shared between callers. */
export interface GraphQLContext {
  dataSource: DataSource;
  requestId: string;
  loaders: LoaderRegistry;
}
