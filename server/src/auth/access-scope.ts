import type { AccessScope } from '../database/query/sql-builder';
import { detailCondition, isDetailField, rowCondition } from './permission-policy';
import type { Caller } from './roles';

/** What a request is told about its reads of hidden data (`extensions.warnings`). */
export interface AccessWarning {
  code: 'FILTER_ON_HIDDEN_DATA';
  path: string[];
  message: string;
}

/** The permission policy as the list engine asks for it; one per request. */
export interface RequestAccess extends AccessScope {
  readonly warnings: readonly AccessWarning[];
}

export function accessScopeOf(caller: Caller): RequestAccess {
  const warnings: AccessWarning[] = [];
  const seen = new Set<string>();
  return {
    warnings,
    rows: (typeName, alias) => rowCondition(caller, typeName, alias),
    field: (typeName, field, alias) =>
      isDetailField(typeName, field) ? detailCondition(caller, typeName, alias) : null,
    detail: (typeName, alias) => detailCondition(caller, typeName, alias),
    noteHidden: (path) => {
      const key = path.join('.');
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push({
        code: 'FILTER_ON_HIDDEN_DATA',
        path: [...path],
        message:
          `${key} reads confidential data: rows whose detail you may not read never match it. ` +
          'Counts and sums under this filter cover only what you may see.',
      });
    },
  };
}
