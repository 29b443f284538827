import 'reflect-metadata';

import { globalId } from '../helpers/graphql-ids';
import { SCORED_CRITERION } from '../helpers/labelling-phases';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN } from '../helpers/tokens';
import { type UserError } from '../helpers/write-assertions';

const JOIN_POLE = `mutation JoinPole($input: JoinPoleInput!) {
  joinPole(input: $input) { membership { id } userErrors { field message code } }
}`;
const OPEN_PHASE = `mutation OpenLabellingPhase($input: OpenLabellingPhaseInput!) {
  openLabellingPhase(input: $input) { phase { number } userErrors { field message code } }
}`;

/**
 * Rules that "check, then insert" break when writers race (MySQL/MariaDB run transactions side
 * by side; SQLite's single writer hides the race): the database must hold them.
 */
describe.each(testDatabaseKinds())('rules held under concurrent writes on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'races');
    api = await createTestEnvironment(database, {}, { as: ADMIN });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('20 concurrent joinPole for one member and pole make exactly one active membership', async () => {
    // A member with no membership of this pole, ever.
    const [pair] = (await database.dataSource.query(
      'SELECT m.id AS memberId, p.id AS poleId FROM member m CROSS JOIN pole p ' +
        'WHERE NOT EXISTS (SELECT 1 FROM membership s WHERE s.memberId = m.id AND s.poleId = p.id) ' +
        'ORDER BY m.id, p.id LIMIT 1',
    )) as { memberId: number; poleId: number }[];
    const input = {
      memberId: globalId('Member', pair.memberId),
      poleId: globalId('Pole', pair.poleId),
      startDate: '2026-01-01',
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.query<{ joinPole: { membership: { id: string } | null; userErrors: UserError[] } }>(
          JOIN_POLE,
          { input },
        ),
      ),
    );
    // Every request got an answer as data: no deadlock, no raw database error.
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    const payloads = answers.map((answer) => answer.data!.joinPole);
    expect(payloads.filter((payload) => payload.membership !== null)).toHaveLength(1);
    const refusals = payloads.filter((payload) => payload.membership === null);
    expect(refusals).toHaveLength(19);
    for (const refusal of refusals) {
      expect(refusal.userErrors).toEqual([
        expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'poleId'] }),
      ]);
    }
    const [row] = (await database.dataSource.query(
      'SELECT COUNT(*) AS n FROM membership WHERE memberId = ? AND poleId = ? AND endDate IS NULL',
      [pair.memberId, pair.poleId],
    )) as { n: number | string }[];
    expect(Number(row.n)).toBe(1);
  });

  it('5 concurrent openLabellingPhase with the same years open exactly one phase', async () => {
    const answers = await Promise.all(
      [21, 22, 23, 24, 25].map((number) =>
        api.query<{
          openLabellingPhase: { phase: { number: number } | null; userErrors: UserError[] };
        }>(OPEN_PHASE, {
          input: {
            number,
            name: `Phase ${number}`,
            startYear: 2091,
            endYear: 2094,
            description: 'Concurrent opening.',
            criteria: [SCORED_CRITERION],
          },
        }),
      ),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    const payloads = answers.map((answer) => answer.data!.openLabellingPhase);
    expect(payloads.filter((payload) => payload.phase !== null)).toHaveLength(1);
    for (const payload of payloads.filter((candidate) => candidate.phase === null)) {
      expect(payload.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID', field: ['input', 'startYear'] }),
      ]);
    }
    const [row] = (await database.dataSource.query(
      'SELECT COUNT(*) AS n FROM labelling_phase WHERE startYear <= 2094 AND endYear >= 2091',
    )) as { n: number | string }[];
    expect(Number(row.n)).toBe(1);
  });

  it('a concurrent joinPole that loses the race names the rule in its refusal', async () => {
    // The rule's own message comes from the unique index when the check could not see the winner.
    const [pair] = (await database.dataSource.query(
      'SELECT m.id AS memberId, p.id AS poleId FROM member m CROSS JOIN pole p ' +
        'WHERE NOT EXISTS (SELECT 1 FROM membership s WHERE s.memberId = m.id AND s.poleId = p.id) ' +
        'ORDER BY m.id DESC, p.id DESC LIMIT 1',
    )) as { memberId: number; poleId: number }[];
    const input = {
      memberId: globalId('Member', pair.memberId),
      poleId: globalId('Pole', pair.poleId),
      startDate: '2026-02-01',
    };
    const answers = await Promise.all(
      Array.from({ length: 2 }, () =>
        api.query<{ joinPole: { userErrors: UserError[] } }>(JOIN_POLE, { input }),
      ),
    );
    const messages = answers.flatMap((answer) =>
      answer.data!.joinPole.userErrors.map((error) => error.message),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/already belongs to this pole/);
  });
});
