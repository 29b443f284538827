import type { EntityManager } from 'typeorm';

import type { Caller } from '../auth/roles';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { ViewerScope, ViewerScopeKind } from './viewer.types';

/** The region, ministry or pole a caller's role is limited to, with its code and name. */
export async function describeCallerScope(
  manager: EntityManager,
  caller: Caller,
): Promise<ViewerScope | null> {
  if (caller.kind === 'anonymous') return null;
  const scope = (kind: ViewerScopeKind, code: string, name: string) =>
    Object.assign(new ViewerScope(), { kind, code, name });
  if (caller.regionId !== null) {
    const region = await manager.findOneByOrFail(Region, { id: caller.regionId });
    return scope(ViewerScopeKind.REGION, region.code, region.name);
  }
  if (caller.ministryId !== null) {
    const ministry = await manager.findOneByOrFail(Ministry, { id: caller.ministryId });
    return scope(ViewerScopeKind.MINISTRY, ministry.code, ministry.name);
  }
  if (caller.poleId !== null) {
    const pole = await manager.findOneByOrFail(Pole, { id: caller.poleId });
    return scope(ViewerScopeKind.POLE, pole.slug, pole.name);
  }
  return null;
}
