import type { UnitOfWork } from '../database/unit-of-work/unit-of-work';
import type { Caller } from './roles';

/** What a write's service receives: its unit of work (transaction, audit trail) and its caller. */
export interface MutationScope extends UnitOfWork {
  caller: Caller;
}
