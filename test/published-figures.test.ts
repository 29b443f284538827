import 'reflect-metadata';

import { loadPlaygroundExamples } from '../server/src/http/playground/playground.examples';
import { openSeededDatabase, type TestDatabase, testDatabaseKinds } from './helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from './helpers/test-environment';
import { ANALYST } from './helpers/tokens';

/**
 * Every figure of issue 14's table, asked of the GraphQL API as an analyst would, one named
 * operation per figure, against the seeded national dataset. Each check states its tolerance:
 * exact for real facts, a band for the synthetic figures that follow a published trend.
 */

/** The text of a playground example, so the test runs exactly what the playground shows. */
function example(fileName: string): string {
  const found = loadPlaygroundExamples().find((candidate) => candidate.fileName === fileName);
  if (!found) throw new Error(`No playground example ${fileName}`);
  return found.query;
}

const MINISTRIES = /* GraphQL */ `
  query MinistriesInSelectionAndTracking {
    ministries {
      code
      shortName
      leadsPolicy
    }
  }
`;

const REGIONS = /* GraphQL */ `
  query RegionsInSelectionAndTracking {
    regions {
      code
      name
      overseas
      inSelectionAndTracking
    }
  }
`;

const EMC2_LABEL = /* GraphQL */ `
  query Emc2ClusterExcellenceLabel {
    pole(slug: "emc2") {
      acronym
      clusterLabels {
        level
        renewal
        scorePercent
        indicatorsPassed
        indicatorsTotal
        auditStartedOn
        auditEndedOn
        auditorCount
        awardedOn
        validUntil
      }
    }
  }
`;

const EUROPE_TEAMS = /* GraphQL */ `
  query EuropeTeamsFte {
    poles(first: 100, filter: { status: { eq: LABELLED }, kind: { eq: COMPETITIVENESS_CLUSTER } }) {
      totalCount
      nodes {
        slug
        years {
          year
          europeTeamFte
        }
      }
    }
  }
`;

const EUROPE_TEAM_HIRES = /* GraphQL */ `
  query EuropeTeamHires {
    poles(first: 100) {
      totalCount
      nodes {
        slug
        years {
          year
          europeTeamHires
        }
      }
    }
  }
`;

const EUROPEAN_COORDINATORS = /* GraphQL */ `
  query EuropeanProjectCoordinators {
    members(filter: { coordinatedProject: { programme: { level: { eq: EUROPEAN } } } }) {
      totalCount
    }
  }
`;

const MEMBERS_BY_CATEGORY = /* GraphQL */ `
  query MembersByCategory {
    memberStats(groupBy: [CATEGORY]) {
      key {
        category
      }
      count
      share
    }
  }
`;

const THEMES = /* GraphQL */ `
  query ThematicSpecialisations {
    themes {
      code
    }
  }
`;

const FRANCE_2030 = /* GraphQL */ `
  query France2030Projects {
    projects(
      filter: { programme: { code: { in: ["FRANCE_2030_IDEMO_REG", "FRANCE_2030_AAP"] } } }
    ) {
      totalCount
    }
  }
`;

const FINANCIAL_AUTONOMY = /* GraphQL */ `
  query FinancialAutonomyCriterion {
    labellingPhase(number: 5) {
      endYear
      criteria {
        code
        indicator
        threshold
      }
    }
  }
`;

interface PhaseFigures {
  number: number;
  startYear: number;
  endYear: number;
  publishedLabelledCount: number | null;
  polesLabelledAfterMergers: number;
  labelled: { totalCount: number };
  fourYears: { totalCount: number };
  twoYears: { totalCount: number };
  newPoles: { totalCount: number };
  oneYear: { totalCount: number };
  laterDecisions: {
    nodes: {
      kind: string;
      decidedOn: string;
      validFrom: string | null;
      validUntil: string | null;
      extensionCondition: string | null;
      conditionMetOn: string | null;
      pole: { name: string };
    }[];
  };
}

const kinds = testDatabaseKinds();

describe.each(kinds)('published figures through the API (%s)', (kind) => {
  let database: TestDatabase;
  let env: TestEnvironment;

  /** Runs a named operation as an analyst and returns its data; any error fails the test. */
  async function ask<T>(document: string): Promise<T> {
    const response = await env.query<T>(document);
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    env = await createTestEnvironment(database, {}, { as: ANALYST });
  });

  afterAll(async () => {
    await env?.close();
    await database?.drop();
  });

  it('11 ministries, Economy (with Industry and Digital) leading, SGPI and SGDSN among them (exact)', async () => {
    const { ministries } = await ask<{
      ministries: { code: string; shortName: string; leadsPolicy: boolean }[];
    }>(MINISTRIES);
    expect(ministries).toHaveLength(11);
    expect(ministries.map((ministry) => ministry.code)).toEqual(
      expect.arrayContaining(['ECO', 'ESR', 'SGPI', 'SGDSN', 'ARMEES', 'SANTE', 'TE', 'AGRI']),
    );
    expect(ministries.filter((ministry) => ministry.leadsPolicy).map((m) => m.code)).toEqual([
      'ECO',
    ]);
    expect(ministries.find((ministry) => ministry.code === 'ECO')?.shortName).toMatch(/Numérique/);
    expect(ministries.some((ministry) => /^Numérique$/i.test(ministry.shortName))).toBe(false);
  });

  it('15 regions in selection and tracking: the 13 metropolitan and two overseas (exact)', async () => {
    const { regions } = await ask<{
      regions: { code: string; overseas: boolean; inSelectionAndTracking: boolean }[];
    }>(REGIONS);
    const taking = regions.filter((region) => region.inSelectionAndTracking);
    expect(taking).toHaveLength(15);
    expect(taking.filter((region) => !region.overseas)).toHaveLength(13);
    expect(taking.filter((region) => region.overseas).map((region) => region.code)).toContain('04');
  });

  it('EMC2 holds a renewed ECEI GOLD label: 87 %, 27 of 31, audited 11-13 Oct 2021 (exact)', async () => {
    const { pole } = await ask<{ pole: { clusterLabels: Record<string, unknown>[] } }>(EMC2_LABEL);
    expect(pole.clusterLabels).toEqual([
      {
        level: 'GOLD',
        renewal: true,
        scorePercent: '87.00',
        indicatorsPassed: 27,
        indicatorsTotal: 31,
        auditStartedOn: '2021-10-11',
        auditEndedOn: '2021-10-13',
        auditorCount: 2,
        awardedOn: '2022-01-05',
        validUntil: '2023-12-31',
      },
    ]);
    // Gold needs at least 80 %: 27 of 31 indicators is 87 %.
    expect(Math.round((27 / 31) * 100)).toBe(87);
  });

  it('labelled poles by phase: 71; 56 (48 + 8) then 54 after mergers; 55 (47 + 4 + 2 + 2) then 57 (exact)', async () => {
    const { labellingPhases } = await ask<{ labellingPhases: PhaseFigures[] }>(
      example('10-labelled-poles-by-phase.graphql'),
    );
    const phase = (number: number) => labellingPhases.find((p) => p.number === number)!;
    expect(phase(1).publishedLabelledCount).toBe(71);

    const four = phase(4);
    expect(four.publishedLabelledCount).toBe(56);
    expect(four.labelled.totalCount).toBe(56);
    expect(four.fourYears.totalCount).toBe(48);
    expect(four.oneYear.totalCount).toBe(8);
    expect(four.polesLabelledAfterMergers).toBe(54);

    const five = phase(5);
    expect(five.endYear).toBe(2026);
    expect(five.publishedLabelledCount).toBe(55);
    expect(five.fourYears.totalCount).toBe(47);
    expect(five.twoYears.totalCount).toBe(4);
    expect(five.oneYear.totalCount).toBe(2);
    expect(five.newPoles.totalCount).toBe(2);
    // The two water poles labelled on 8 Jan 2024 make 57.
    expect(five.labelled.totalCount).toBe(57);
    expect(five.laterDecisions.nodes).toEqual([
      {
        kind: 'EXTENSION',
        decidedOn: '2023-12-28',
        validFrom: '2024-01-01',
        validUntil: '2026-12-31',
        extensionCondition: 'REQUESTED_MERGER',
        conditionMetOn: '2025-06-05',
        pole: { name: expect.stringContaining('Energies Renouvelables') },
      },
    ]);
  });

  it('European projects: ~1,000 in phase IV (±15 %), 1,500+ since 2019, ~15 %/year (10-20 %), +50 % (±10 points)', async () => {
    const { projectStats } = await ask<{
      projectStats: { key: { year: number | null }; count: number }[];
    }>(example('11-european-projects-by-year.graphql'));
    const byYear = new Map(projectStats.map((group) => [group.key.year, group.count]));
    const sum = (from: number, to: number) => {
      let total = 0;
      for (let year = from; year <= to; year += 1) total += byYear.get(year) ?? 0;
      return total;
    };
    const phase4 = sum(2019, 2022);
    expect(phase4).toBeGreaterThanOrEqual(850);
    expect(phase4).toBeLessThanOrEqual(1_150);
    expect(sum(2019, 2026)).toBeGreaterThanOrEqual(1_500);
    // 2025 is the last whole year of submissions.
    const yearlyGrowth = ((byYear.get(2025) ?? 0) / (byYear.get(2019) ?? 1)) ** (1 / 6) - 1;
    expect(yearlyGrowth).toBeGreaterThanOrEqual(0.1);
    expect(yearlyGrowth).toBeLessThanOrEqual(0.2);
    const sincePhase4 = (byYear.get(2022) ?? 0) / (byYear.get(2019) ?? 1) - 1;
    expect(sincePhase4).toBeGreaterThanOrEqual(0.4);
    expect(sincePhase4).toBeLessThanOrEqual(0.6);
    // Growing every year, not flat or falling.
    for (let year = 2020; year <= 2025; year += 1) {
      expect(byYear.get(year) ?? 0).toBeGreaterThan(byYear.get(year - 1) ?? 0);
    }
  });

  it('about 1 bn€ granted to the European projects of phase IV (±20 %)', async () => {
    const { projectStats } = await ask<{
      projectStats: { key: { year: number }; sum: { publicFundingGranted: string | null } }[];
    }>(example('15-european-funding-phase-4.graphql'));
    expect(projectStats.map((group) => group.key.year)).toEqual([2019, 2020, 2021, 2022]);
    const granted = projectStats.reduce(
      (total, group) => total + Number(group.sum.publicFundingGranted ?? 0),
      0,
    );
    expect(granted).toBeGreaterThanOrEqual(800_000_000);
    expect(granted).toBeLessThanOrEqual(1_200_000_000);
  });

  it('Europe teams of 1 to 8 FTE per labelled pole since phase IV (exact bounds)', async () => {
    const { poles } = await ask<{
      poles: {
        totalCount: number;
        nodes: { slug: string; years: { year: number; europeTeamFte: string }[] | null }[];
      };
    }>(EUROPE_TEAMS);
    expect(poles.totalCount).toBeLessThanOrEqual(100);
    const fte = poles.nodes.flatMap((pole) =>
      (pole.years ?? []).filter((row) => row.year >= 2019).map((row) => Number(row.europeTeamFte)),
    );
    expect(fte.length).toBeGreaterThan(300);
    expect(Math.min(...fte)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...fte)).toBeLessThanOrEqual(8);
    // The whole published range is used, not a corner of it.
    expect(Math.min(...fte)).toBeLessThan(1.5);
    expect(Math.max(...fte)).toBeGreaterThan(7.5);
  });

  it('120+ recruitments into Europe teams since 2019, counted by 40 poles (exact)', async () => {
    const { poles } = await ask<{
      poles: {
        totalCount: number;
        nodes: { slug: string; years: { year: number; europeTeamHires: number | null }[] | null }[];
      };
    }>(EUROPE_TEAM_HIRES);
    expect(poles.nodes).toHaveLength(poles.totalCount);
    const reported = poles.nodes
      .map((pole) => (pole.years ?? []).filter((row) => row.europeTeamHires !== null))
      .filter((years) => years.length > 0);
    expect(reported).toHaveLength(40);
    const rows = reported.flat();
    expect(rows.every((row) => row.year >= 2019)).toBe(true);
    expect(rows.reduce((total, row) => total + row.europeTeamHires!, 0)).toBe(122);
  });

  it('116 members coordinate European projects (exact at scale 1)', async () => {
    const { members } = await ask<{ members: { totalCount: number } }>(EUROPEAN_COORDINATORS);
    expect(members.totalCount).toBe(116);
  });

  it('18,000+ members: 31 % micro, 31 % SMEs, 8 % research, 18 % mid-size and large (±1 point)', async () => {
    const { memberStats } = await ask<{
      memberStats: { key: { category: string }; count: number; share: string }[];
    }>(MEMBERS_BY_CATEGORY);
    const total = memberStats.reduce((sum, group) => sum + group.count, 0);
    expect(total).toBeGreaterThanOrEqual(18_000);
    const share = (...categories: string[]) =>
      memberStats
        .filter((group) => categories.includes(group.key.category))
        .reduce((sum, group) => sum + group.count, 0) / total;
    expect(Math.abs(share('MICRO') - 0.31)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(share('SME') - 0.31)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(share('RESEARCH') - 0.08)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(share('MID_SIZE', 'LARGE') - 0.18)).toBeLessThanOrEqual(0.01);
  });

  it('30 thematic specialisations (exact)', async () => {
    const { themes } = await ask<{ themes: { code: string }[] }>(THEMES);
    expect(themes).toHaveLength(30);
  });

  it('800+ France 2030 projects accompanied by the poles (at least 800, at most 1,000)', async () => {
    const { projects } = await ask<{ projects: { totalCount: number } }>(FRANCE_2030);
    expect(projects.totalCount).toBeGreaterThanOrEqual(800);
    expect(projects.totalCount).toBeLessThanOrEqual(1_000);
  });

  it('financial autonomy: at least 50 % private funding (exact)', async () => {
    const { labellingPhase } = await ask<{
      labellingPhase: {
        endYear: number;
        criteria: { code: string; indicator: string | null; threshold: string }[];
      };
    }>(FINANCIAL_AUTONOMY);
    expect(
      labellingPhase.criteria.find((criterion) => criterion.code === 'PRIVATE_FUNDING'),
    ).toEqual({ code: 'PRIVATE_FUNDING', indicator: 'PRIVATE_FUNDING_SHARE', threshold: '0.5000' });
  });

  it('follows poles across their mergers (Polymeris, Aquanova, DERBI-Cémater, Cap Digital)', async () => {
    const { poles } = await ask<{
      poles: { nodes: { name: string; predecessors: { name: string; mergedOn: string }[] }[] };
    }>(example('12-pole-history-across-mergers.graphql'));
    const history = Object.fromEntries(
      poles.nodes.map((pole) => [
        pole.name,
        pole.predecessors
          .map((predecessor) => `${predecessor.name} ${predecessor.mergedOn}`)
          .sort(),
      ]),
    );
    expect(history).toEqual({
      'Cap Digital': ['Pôle des Industries du Commerce 2019-12-31'],
      Polymeris: ['Elastopôle 2020-12-31', 'Plastipolis 2020-12-31'],
      Aquanova: ['DREAM Eau & Milieux 2024-06-30', 'Hydreos 2024-06-30'],
      'DERBI-Cémater': [
        'Cemater 2025-01-01',
        "Développement des Energies Renouvelables dans le Bâtiment et l'Industrie 2025-01-01",
      ],
    });
  });

  it('shows the clusters of Centre-Val de Loire that are not labelled poles', async () => {
    const { poles } = await ask<{ poles: { nodes: { name: string; kind: string }[] } }>(
      example('13-regional-ecosystem.graphql'),
    );
    expect(
      poles.nodes
        .filter((pole) => pole.kind === 'OTHER_CLUSTER')
        .map((pole) => pole.name)
        .sort(),
    ).toEqual(
      [
        'AREA Centre-Val de Loire',
        'Agreentech Valley',
        'Aérocentre',
        'Nékoé',
        'Polepharma',
        'Shop Expert Valley',
      ].sort(),
    );
    expect(poles.nodes.some((pole) => pole.kind === 'COMPETITIVENESS_CLUSTER')).toBe(true);
  });
});
