import type { AccessScope } from '../database/query/sql-builder';
import { detailCondition, isDetailField, rowCondition } from './permission-policy';
import type { Caller } from './roles';

/** The permission policy, as the list engine asks for it. */
export function accessScopeOf(caller: Caller): AccessScope {
  return {
    rows: (typeName, alias) => rowCondition(caller, typeName, alias),
    field: (typeName, field, alias) =>
      isDetailField(typeName, field) ? detailCondition(caller, typeName, alias) : null,
  };
}
