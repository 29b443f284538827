import { type EntityManager, In } from 'typeorm';

import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import { Member } from '../member/member.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { Theme } from '../theme/theme.entity';

/**
 * The records an import file names by code, slug or SIREN, with their database ids, loaded once
 * per file: the small reference tables whole, members only for the SIRENs the file names.
 */
export interface ReferenceBook {
  regionIdByCode: ReadonlyMap<string, number>;
  poleIdBySlug: ReadonlyMap<string, number>;
  programmeIdByCode: ReadonlyMap<string, number>;
  themeIdByCode: ReadonlyMap<string, number>;
  memberIdBySiren: ReadonlyMap<string, number>;
}

/** Stays well under every driver's limit on parameters per statement. */
const SIRENS_PER_QUERY = 500;

export async function loadReferenceBook(
  manager: EntityManager,
  sirens: ReadonlySet<string>,
): Promise<ReferenceBook> {
  const [regions, poles, programmes, themes] = await Promise.all([
    manager.find(Region, { select: { id: true, code: true } }),
    manager.find(Pole, { select: { id: true, slug: true } }),
    manager.find(FundingProgramme, { select: { id: true, code: true } }),
    manager.find(Theme, { select: { id: true, code: true } }),
  ]);
  const memberIdBySiren = new Map<string, number>();
  const wanted = [...sirens].filter((siren) => /^\d{9}$/.test(siren));
  for (let start = 0; start < wanted.length; start += SIRENS_PER_QUERY) {
    const members = await manager.find(Member, {
      select: { id: true, siren: true },
      where: { siren: In(wanted.slice(start, start + SIRENS_PER_QUERY)) },
    });
    for (const member of members) memberIdBySiren.set(member.siren, member.id);
  }
  return {
    regionIdByCode: new Map(regions.map((region) => [region.code, region.id])),
    poleIdBySlug: new Map(poles.map((pole) => [pole.slug, pole.id])),
    programmeIdByCode: new Map(programmes.map((programme) => [programme.code, programme.id])),
    themeIdByCode: new Map(themes.map((theme) => [theme.code, theme.id])),
    memberIdBySiren,
  };
}
