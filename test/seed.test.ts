import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { isValidSiren, sirenWithCheckDigit } from '../server/src/core/siren';
import { MemberCategory } from '../server/src/member/member.enums';
import { type DatasetChecksum, datasetChecksum } from '../server/src/seed/dataset-checksum';
import { SeededRandom } from '../server/src/seed/random';
import { POLES } from '../server/src/seed/reference';
import { isDatabaseEmpty, seedDatabase, type SeedSummary } from '../server/src/seed/seed';
import { MEMBER_CATEGORY_SHARES } from '../server/src/seed/synthetic-members';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from './helpers/test-databases';

/** Seeding takes seconds per database; leave room for a slow CI machine. */
const SEED_TIMEOUT_MS = 300_000;

async function rows<T>(dataSource: DataSource, sql: string): Promise<T[]> {
  return (await dataSource.query(sql)) as T[];
}

async function count(dataSource: DataSource, sql: string): Promise<number> {
  const [row] = await rows<{ n: number | string }>(dataSource, sql);
  return Number(row?.n ?? Number.NaN);
}

describe('isValidSiren', () => {
  it('accepts nine digits whose last one is the Luhn check digit', () => {
    expect(['443061841', '732829320', '552100554'].map(isValidSiren)).toEqual([true, true, true]);
  });

  it('refuses a wrong check digit, a wrong length and anything but digits', () => {
    expect(
      ['443061842', '44306184', '4430618410', '44306184a', ' 443061841', ''].map(isValidSiren),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('is met by sirenWithCheckDigit for any eight digits', () => {
    const random = new SeededRandom(7);
    const sirens = Array.from({ length: 1000 }, () =>
      sirenWithCheckDigit(String(random.int(0, 99_999_999)).padStart(8, '0')),
    );
    expect(sirens.filter((siren) => !isValidSiren(siren))).toEqual([]);
  });
});

describe('SeededRandom', () => {
  it('draws the same sequence from the same seed', () => {
    const draws = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 20 }, () => random.int(1, 1000));
    };
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('samples distinct elements', () => {
    const sample = new SeededRandom(1).sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(sample).size).toBe(5);
  });
});

describe('seedDatabase', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let firstSummary: SeedSummary;
  let firstChecksum: DatasetChecksum;
  let secondChecksum: DatasetChecksum;

  beforeAll(async () => {
    first = await createEmptyDatabase('sqlite', 'seed-a');
    second = await createEmptyDatabase('sqlite', 'seed-b');
    firstSummary = await seedDatabase(first.dataSource);
    await seedDatabase(second.dataSource);
    firstChecksum = await datasetChecksum(first.dataSource);
    secondChecksum = await datasetChecksum(second.dataSource);
  }, SEED_TIMEOUT_MS);

  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('writes the same rows from the same seed into two databases', () => {
    expect(secondChecksum.counts).toEqual(firstChecksum.counts);
    expect(secondChecksum.sha256).toBe(firstChecksum.sha256);
    expect(firstSummary.counts).toEqual(firstChecksum.counts);
  });

  it('loads a national-scale dataset', async () => {
    const { counts } = firstChecksum;
    expect(counts.member).toBeGreaterThanOrEqual(18_000);
    expect(counts.membership).toBeGreaterThanOrEqual(22_500);
    expect(counts.membership).toBeLessThanOrEqual(27_500);
    expect(counts.project).toBeGreaterThanOrEqual(10_000);
    const european = await count(
      first.dataSource,
      `SELECT COUNT(*) AS n FROM project p JOIN funding_programme f ON f.id = p.programmeId
       WHERE f.level = 'EUROPEAN'`,
    );
    // 195 in 2019, 15 % more each year and 15 % fewer each year before (published trend).
    expect(european).toBeGreaterThanOrEqual(3_300);
    expect(european).toBeLessThanOrEqual(4_000);
  });

  it('gives every project 2 to 12 partners, one coordinator and shares making 100 %', async () => {
    const wrong = await rows(
      first.dataSource,
      `SELECT projectId, COUNT(*) AS partners,
              SUM(CASE WHEN role = 'COORDINATOR' THEN 1 ELSE 0 END) AS coordinators,
              ROUND(SUM(budgetSharePercent) * 100) AS hundredths
       FROM project_partner GROUP BY projectId
       HAVING COUNT(*) < 2 OR COUNT(*) > 12
           OR SUM(CASE WHEN role = 'COORDINATOR' THEN 1 ELSE 0 END) <> 1
           OR ROUND(SUM(budgetSharePercent) * 100) <> 10000`,
    );
    expect(wrong).toEqual([]);
    const withoutPartners = await count(
      first.dataSource,
      `SELECT COUNT(*) AS n FROM project p
       WHERE NOT EXISTS (SELECT 1 FROM project_partner pp WHERE pp.projectId = p.id)`,
    );
    expect(withoutPartners).toBe(0);
    const coordinatorElsewhere = await count(
      first.dataSource,
      `SELECT COUNT(*) AS n FROM project p
       JOIN project_partner pp ON pp.projectId = p.id AND pp.role = 'COORDINATOR'
       WHERE p.coordinatorId IS NULL OR pp.memberId <> p.coordinatorId`,
    );
    expect(coordinatorElsewhere).toBe(0);
  });

  it('meets the share of each member category within one point', async () => {
    const byCategory = await rows<{ category: MemberCategory; n: number }>(
      first.dataSource,
      'SELECT category, COUNT(*) AS n FROM member GROUP BY category',
    );
    const total = byCategory.reduce((sum, row) => sum + Number(row.n), 0);
    const gaps = Object.fromEntries(
      byCategory.map((row) => [
        row.category,
        Math.abs((100 * Number(row.n)) / total - MEMBER_CATEGORY_SHARES[row.category]) <= 1,
      ]),
    );
    expect(gaps).toEqual(
      Object.fromEntries(Object.values(MemberCategory).map((category) => [category, true])),
    );
  });

  it('gives every member a distinct, valid SIREN', async () => {
    const sirens = await rows<{ siren: string }>(first.dataSource, 'SELECT siren FROM member');
    expect(sirens.filter(({ siren }) => !isValidSiren(siren))).toEqual([]);
    expect(new Set(sirens.map(({ siren }) => siren)).size).toBe(sirens.length);
  });

  it('records a status history from DRAFT to each project’s current status', async () => {
    const { dataSource } = first;
    expect(
      await count(
        dataSource,
        `SELECT COUNT(*) AS n FROM project_status_change
         WHERE fromStatus IS NULL AND toStatus = 'DRAFT'`,
      ),
    ).toBe(firstChecksum.counts.project);
    const lastChangeElsewhere = await count(
      dataSource,
      `SELECT COUNT(*) AS n FROM project p JOIN project_status_change c ON c.projectId = p.id
       WHERE c.changedAt = (SELECT MAX(c2.changedAt) FROM project_status_change c2
                            WHERE c2.projectId = p.id)
         AND c.toStatus <> p.status`,
    );
    expect(lastChangeElsewhere).toBe(0);
    const brokenChain = await count(
      dataSource,
      `SELECT COUNT(*) AS n FROM project_status_change c
       JOIN project_status_change previous
         ON previous.projectId = c.projectId AND previous.id = c.id - 1
       WHERE c.fromStatus IS NOT NULL
         AND (c.fromStatus <> previous.toStatus OR c.changedAt <= previous.changedAt)`,
    );
    expect(brokenChain).toBe(0);
  });

  it('keeps project dates and money coherent', async () => {
    const incoherent = await count(
      first.dataSource,
      `SELECT COUNT(*) AS n FROM project
       WHERE submittedOn > decisionOn OR decisionOn > startOn OR startOn > endOn
          OR publicFundingRequested > totalBudget OR publicFundingGranted > publicFundingRequested
          OR totalBudget < 300000 OR totalBudget > 8000000
          OR (publicFundingGranted IS NULL) <> (
               status IN ('DRAFT', 'SUBMITTED', 'LABELLED', 'REJECTED')
               OR (status = 'ABANDONED' AND decisionOn IS NULL))`,
    );
    expect(incoherent).toBe(0);
  });

  it('counts members of each pole year from the memberships running on 31 December', async () => {
    const mismatches = await count(
      first.dataSource,
      `SELECT COUNT(*) AS n FROM pole_year py
       WHERE py.membersCount <> (
         SELECT COUNT(*) FROM membership m
         WHERE m.poleId = py.poleId
           AND m.startDate <= ${yearEnd('py.year')}
           AND (m.endDate IS NULL OR m.endDate >= ${yearEnd('py.year')}))`,
    );
    expect(mismatches).toBe(0);
  });

  it('refuses a database that already holds data', async () => {
    expect(await isDatabaseEmpty(first.dataSource)).toBe(false);
    await expect(seedDatabase(first.dataSource)).rejects.toThrow(
      `already holds data (${POLES.length} pole(s))`,
    );
  });

  it(
    'seeds the same rows again after deleting them with reset',
    async () => {
      await seedDatabase(second.dataSource, { reset: true });
      expect((await datasetChecksum(second.dataSource)).sha256).toBe(firstChecksum.sha256);
    },
    SEED_TIMEOUT_MS,
  );

  // The same seed on MySQL/MariaDB, when the run has one (TEST_DATABASE_URL).
  if (testDatabaseKinds().includes('mysql'))
    describe('on MySQL/MariaDB', () => {
      let mysql: TestDatabase;

      beforeAll(async () => {
        mysql = await createEmptyDatabase('mysql', 'seed');
        await seedDatabase(mysql.dataSource);
      }, SEED_TIMEOUT_MS);

      afterAll(async () => {
        await mysql?.drop();
      });

      it('writes the same rows as on SQLite', async () => {
        const checksum = await datasetChecksum(mysql.dataSource);
        expect(checksum.counts).toEqual(firstChecksum.counts);
        expect(checksum.sha256).toBe(firstChecksum.sha256);
      });
    });
});

/** 31 December of the year in `column`, as a YYYY-MM-DD string both databases compare to dates. */
function yearEnd(column: string): string {
  return `(${column} || '-12-31')`;
}
