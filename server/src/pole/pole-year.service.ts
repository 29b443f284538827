import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { toUnits } from '../core/scaled-decimal';
import { referencedId } from '../database/unit-of-work/references';
import { checkExpectedVersion, writeAtVersion } from '../database/unit-of-work/upsert-at-version';
import { Pole } from './pole.entity';
import { PoleYear } from './pole-year.entity';
import type { RecordPoleYearInput } from './pole-year.input';

/** The widest value of `europeTeamFte`, a DECIMAL(6,2), in hundredths. */
const MAX_FTE_HUNDREDTHS = 9999_99;

/**
 * Records a pole's figures for a year: creates them the first time; afterwards updates them,
 * and then the caller must say which version it read, so that two people correcting the same
 * year cannot overwrite each other unknowingly.
 */
export async function recordPoleYear(
  { manager, audit, caller }: MutationScope,
  input: RecordPoleYearInput,
): Promise<{ poleYear: PoleYear }> {
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  assertMayWrite(caller, 'managePole', { poleId });
  const existing = await manager.findOneBy(PoleYear, { poleId, year: input.year });
  const expectedVersion = input.expectedVersion ?? null;
  checkExpectedVersion(PoleYear, existing, expectedVersion, {
    exists: (version) =>
      `The pole's figures for ${input.year} exist already (version ${version}): ` +
      'send expectedVersion to update them',
    missing: `The pole has no figures for ${input.year} yet: leave expectedVersion out to create them`,
  });
  const currentYear = new Date().getUTCFullYear();
  if (input.year > currentYear) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'year'],
      `${input.year} has not begun: figures are reported, not planned`,
    );
  }
  if (toUnits(input.europeTeamFte, 2) > MAX_FTE_HUNDREDTHS) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'europeTeamFte'],
      'europeTeamFte must be at most 9999.99 full-time equivalents',
    );
  }
  const figures = {
    budget: input.budget,
    privateFundingShare: input.privateFundingShare,
    staff: input.staff,
    europeTeamFte: input.europeTeamFte,
    europeTeamHires: input.europeTeamHires ?? null,
    membersCount: input.membersCount,
  };
  const poleYear = await writeAtVersion(
    manager,
    audit,
    PoleYear,
    existing,
    expectedVersion,
    { poleId, year: input.year },
    figures,
  );
  return { poleYear };
}
