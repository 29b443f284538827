import { Role, type TokenCaller } from './roles';

/**
 * The caller the import and export commands act as: an administrator, since whoever runs them
 * holds the database credentials anyway. `label` ("import members.csv") is what the audit log
 * and project histories show as the actor.
 */
export function commandLineCaller(label: string): TokenCaller {
  return {
    kind: 'token',
    // The audit log's actor column holds 120 characters.
    name: label.slice(0, 120),
    tokenId: 0,
    role: Role.ADMIN,
    regionId: null,
    ministryId: null,
    poleId: null,
    ip: 'cli',
  };
}
