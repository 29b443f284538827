import type { MigrationInterface } from 'typeorm';

import { InitialSchema1795405121873 } from './migrations/1795405121873-InitialSchema';
import { AddAuditLog1795406737761 } from './migrations/1795406737761-AddAuditLog';
import { AddApiTokens1795407149982 } from './migrations/1795407149982-AddApiTokens';
import { DataRulesAndIdempotency1796003602874 } from './migrations/1796003602874-DataRulesAndIdempotency';
import { LabellingTermsMergersAndRegions1796004139142 } from './migrations/1796004139142-LabellingTermsMergersAndRegions';
import { EuropeTeamHires1796010000000 } from './migrations/1796010000000-EuropeTeamHires';
import { Webhooks1796014029965 } from './migrations/1796014029965-Webhooks';
import { FilterAndSortIndexes1796020000000 } from './migrations/1796020000000-FilterAndSortIndexes';
import { FewValuePageIndexes1796030000000 } from './migrations/1796030000000-FewValuePageIndexes';

/** Committed migrations, oldest first. MySQL and MariaDB schemas only change through these. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795405121873,
  AddAuditLog1795406737761,
  AddApiTokens1795407149982,
  DataRulesAndIdempotency1796003602874,
  LabellingTermsMergersAndRegions1796004139142,
  EuropeTeamHires1796010000000,
  Webhooks1796014029965,
  FilterAndSortIndexes1796020000000,
  FewValuePageIndexes1796030000000,
];
