import 'reflect-metadata';

import { MemberCategory } from '../server/src/member/member.enums';
import { FUNDING_PROGRAMMES } from '../server/src/seed/reference';
import { planReferenceIds } from '../server/src/seed/reference-seed';
import { generateSyntheticDataset } from '../server/src/seed/synthetic-seed';

/**
 * `--scale N` multiplies the synthetic counts and keeps the published shares and growth rates.
 * Checked in memory (no database) at scales 1 and 2, on the dataset the seed would insert.
 */
describe('the synthetic dataset at a larger scale', () => {
  const ids = planReferenceIds();
  const europeanProgrammeIds = new Set(
    FUNDING_PROGRAMMES.filter((programme) => programme.level === 'EUROPEAN').map(
      (programme) => ids.programmeIdByCode.get(programme.code) as number,
    ),
  );

  function figures(scale: number) {
    const { membersData, projects } = generateSyntheticDataset(ids, scale);
    const european = projects.projects.filter((project) =>
      europeanProgrammeIds.has(project.programmeId),
    );
    const byYear = new Map<number, number>();
    for (const project of european) {
      const year = project.createdAt.getUTCFullYear();
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
    }
    const members = membersData.members.length;
    const share = (...categories: MemberCategory[]) =>
      membersData.categories.filter((category) => categories.includes(category)).length / members;
    return {
      members,
      projects: projects.projects.length,
      europeanGrowth: ((byYear.get(2025) ?? 0) / (byYear.get(2019) ?? 1)) ** (1 / 6) - 1,
      europeanPhase4: [2019, 2020, 2021, 2022].reduce((sum, y) => sum + (byYear.get(y) ?? 0), 0),
      europeanCoordinators: new Set(european.map((project) => project.coordinatorId)).size,
      micro: share(MemberCategory.MICRO),
      sme: share(MemberCategory.SME),
      research: share(MemberCategory.RESEARCH),
      midAndLarge: share(MemberCategory.MID_SIZE, MemberCategory.LARGE),
    };
  }

  it('multiplies counts by the scale and keeps shares and growth rates', () => {
    const one = figures(1);
    const two = figures(2);
    expect(two.members).toBe(one.members * 2);
    expect(two.projects).toBe(one.projects * 2);
    // Rounding per year moves a count by at most one project a year.
    expect(Math.abs(two.europeanPhase4 - one.europeanPhase4 * 2)).toBeLessThanOrEqual(4);
    expect(two.europeanCoordinators).toBe(one.europeanCoordinators * 2);
    expect(one.europeanCoordinators).toBe(116);
    for (const figure of [one, two]) {
      expect(figure.europeanGrowth).toBeCloseTo(0.15, 2);
      expect(figure.micro).toBeCloseTo(0.31, 2);
      expect(figure.sme).toBeCloseTo(0.31, 2);
      expect(figure.research).toBeCloseTo(0.08, 2);
      expect(figure.midAndLarge).toBeCloseTo(0.18, 2);
    }
    // Generating 54,000 members and 30,000 projects takes seconds, more on a busy machine.
  }, 600_000);
});
