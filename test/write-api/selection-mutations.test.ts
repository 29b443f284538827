import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { globalId } from '../helpers/graphql-ids';
import { SCORED_CRITERION } from '../helpers/labelling-phases';
import { rowCounts } from '../helpers/row-counts';
import { AUTHENTICATION_STATEMENTS, countStatements } from '../helpers/statement-counter';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN } from '../helpers/tokens';
import {
  auditEntries,
  expectRefusedWrite,
  USER_ERRORS,
  type WriteResult,
} from '../helpers/write-assertions';

type Result = WriteResult;

const ERRORS = USER_ERRORS;

const RECORD_POLE_YEAR = `mutation RecordPoleYear($input: RecordPoleYearInput!) {
  recordPoleYear(input: $input) {
    poleYear {
      year budget privateFundingShare staff europeTeamFte membersCount version pole { id }
    }
    ${ERRORS}
  }
}`;
const OPEN_PHASE = `mutation OpenLabellingPhase($input: OpenLabellingPhaseInput!) {
  openLabellingPhase(input: $input) {
    phase { number name startYear endYear criteria { code measurement indicator threshold } }
    ${ERRORS}
  }
}`;
const RECORD_EVALUATION = `mutation RecordEvaluation($input: RecordEvaluationInput!) {
  recordEvaluation(input: $input) {
    evaluation {
      id evaluatedOn comments version pole { id } phase { number } ministry { code } region { code }
      scores { score criterion { code } }
    }
    ${ERRORS}
  }
}`;
const DECIDE = `mutation DecideLabelling($input: DecideLabellingInput!) {
  decideLabelling(input: $input) {
    decision {
      id outcome durationYears decidedOn publishedOn rationale version pole { id } phase { number }
    }
    ${ERRORS}
  }
}`;
const AMEND = `mutation AmendLabellingDecision($input: AmendLabellingDecisionInput!) {
  amendLabellingDecision(input: $input) {
    decision {
      kind outcome durationYears validFrom validUntil decidedOn publishedOn version amendsDecisionId
    }
    ${ERRORS}
  }
}`;
const RECORD_CLUSTER_LABEL = `mutation RecordClusterLabel($input: RecordClusterLabelInput!) {
  recordClusterLabel(input: $input) {
    clusterLabel {
      level awardedOn validUntil scorePercent indicatorsPassed indicatorsTotal version pole { id }
    }
    ${ERRORS}
  }
}`;
/** The dashboard a ministry asks for, within the cost an operation may have (query-cost.ts). */
const DASHBOARD = `query SelectionDashboard($phase: Int!) {
  selection(phase: $phase) {
    phase { number }
    indicatorsYear
    criteria { code }
    rows {
      pole { id name region { code } }
      indicators {
        year activeMembers smeShare privateFundingShare
        collaborativeProjects europeanProjects fundingRaised
      }
      criteria { criterion { code measurement } value threshold met }
      evaluations { id evaluatedOn ministry { code } region { code } scores { score } }
      decision { outcome durationYears }
    }
  }
}`;

const WRITTEN_TABLES = [
  'pole_year',
  'labelling_phase',
  'criterion',
  'evaluation',
  'evaluation_score',
  'labelling_decision',
  'cluster_label',
  'audit_log_entry',
];

/** Row counts of the tables this suite's writes touch. */
const countRows = (dataSource: DataSource) => rowCounts(dataSource, WRITTEN_TABLES);

/** An exact decimal string as integer units of 10^-scale (test-side arithmetic, no floats). */
function units(text: string, scale: number): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
}

/** Integer units of 10^-scale as a decimal string: (12345n, 2) → "123.45". */
function fixed(value: bigint, scale: number): string {
  const digits = String(value).padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A decimal value read from either database as a string with `scale` decimals. */
function decimal(value: unknown, scale: number): string {
  if (typeof value === 'number') return value.toFixed(scale);
  const [whole, fraction = ''] = String(value).split('.');
  return `${whole}.${fraction.padEnd(scale, '0').slice(0, scale)}`;
}

const CURRENT_YEAR = new Date().getUTCFullYear();

describe.each(testDatabaseKinds())('selection mutations and dashboard on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let phase5: { id: number; startYear: number; endYear: number };
  /** A pole evaluated and decided on in phase 5: the one the dashboard test recomputes. */
  let pole: { id: number; globalId: string };
  let otherPoles: string[];
  let scoreCodes: string[];
  let regionCode: string;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'selection');
    api = await createTestEnvironment(database, {}, { as: ADMIN });
    const query = <T>(sql: string, params: unknown[] = []) =>
      database.dataSource.query(sql, params) as Promise<T[]>;
    [phase5] = await query<{ id: number; startYear: number; endYear: number }>(
      'SELECT id, startYear, endYear FROM labelling_phase WHERE number = 5',
    );
    const [evaluated] = await query<{ poleId: number }>(
      'SELECT e.poleId FROM evaluation e ' +
        'JOIN labelling_decision d ON d.poleId = e.poleId AND d.phaseId = e.phaseId ' +
        'WHERE e.phaseId = ? ORDER BY e.poleId LIMIT 1',
      [phase5.id],
    );
    pole = { id: Number(evaluated.poleId), globalId: globalId('Pole', Number(evaluated.poleId)) };
    otherPoles = (
      await query<{ id: number }>('SELECT id FROM pole WHERE id <> ? ORDER BY id LIMIT 3', [
        pole.id,
      ])
    ).map((row) => globalId('Pole', row.id));
    scoreCodes = (
      await query<{ code: string }>(
        "SELECT code FROM criterion WHERE phaseId = ? AND measurement = 'SCORE' ORDER BY code",
        [phase5.id],
      )
    ).map((row) => row.code);
    [{ code: regionCode }] = await query<{ code: string }>(
      'SELECT code FROM region ORDER BY code LIMIT 1',
    );
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  async function send(document: string, input: Record<string, unknown>): Promise<Result> {
    const response = await api.query<Record<string, Result>>(document, { input });
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0];
  }

  /** Asserts one user error with `code` on `field`, and that nothing was written. */
  function expectRefused(
    document: string,
    input: Record<string, unknown>,
    code: string,
    field: string[],
  ) {
    return expectRefusedWrite(
      database.dataSource,
      WRITTEN_TABLES,
      () => send(document, input),
      code,
      field,
    );
  }

  describe('recordPoleYear', () => {
    const figures = {
      year: CURRENT_YEAR,
      budget: '480000.00',
      privateFundingShare: '0.6200',
      staff: 6,
      europeTeamFte: '1.50',
      membersCount: 210,
    };

    it('creates the year’s figures, then updates them at the expected version', async () => {
      const before = await countRows(database.dataSource);
      const created = await send(RECORD_POLE_YEAR, { poleId: pole.globalId, ...figures });
      expect(created).toEqual({
        poleYear: { ...figures, version: 1, pole: { id: pole.globalId } },
        userErrors: [],
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        pole_year: before.pole_year + 1,
        audit_log_entry: before.audit_log_entry + 1,
      });

      const updated = await send(RECORD_POLE_YEAR, {
        poleId: pole.globalId,
        ...figures,
        budget: '500000.00',
        expectedVersion: 1,
      });
      expect(updated).toEqual({
        poleYear: { ...figures, budget: '500000.00', version: 2, pole: { id: pole.globalId } },
        userErrors: [],
      });
      const [audit] = await auditEntries(api, 'PoleYear');
      expect(audit.operation).toBe('recordPoleYear');
      expect(audit.changes).toEqual([{ field: 'budget', before: '480000.00', after: '500000.00' }]);

      // Back to the first budget, for the dashboard test below.
      await send(RECORD_POLE_YEAR, { poleId: pole.globalId, ...figures, expectedVersion: 2 });
    });

    it.each([
      [
        'existing figures without expectedVersion',
        { year: 2020 },
        'INVALID',
        ['input', 'expectedVersion'],
      ],
      [
        'a stale expectedVersion',
        { year: 2020, expectedVersion: 7 },
        'STALE_VERSION',
        ['input', 'expectedVersion'],
      ],
      [
        'an expectedVersion for figures that do not exist',
        { year: 2001, expectedVersion: 1 },
        'INVALID',
        ['input', 'expectedVersion'],
      ],
      ['a year that has not begun', { year: CURRENT_YEAR + 1 }, 'INVALID', ['input', 'year']],
      [
        'a private share above 1',
        { year: 2001, privateFundingShare: '1.2000' },
        'INVALID',
        ['input', 'privateFundingShare'],
      ],
      ['a negative staff', { year: 2001, staff: -1 }, 'INVALID', ['input', 'staff']],
      [
        'too many European FTEs',
        { year: 2001, europeTeamFte: '10000.00' },
        'INVALID',
        ['input', 'europeTeamFte'],
      ],
      [
        'an unknown pole',
        { year: 2001, poleId: globalId('Pole', 999999) },
        'NOT_FOUND',
        ['input', 'poleId'],
      ],
    ])('refuses %s', async (_label, overrides, code, field) => {
      await expectRefused(
        RECORD_POLE_YEAR,
        { poleId: pole.globalId, ...figures, ...overrides },
        code,
        field,
      );
    });
  });

  describe('openLabellingPhase', () => {
    const criteria = [
      {
        code: 'MEMBERS',
        name: 'Nombre de membres',
        description: 'Masse critique.',
        measurement: 'INDICATOR',
        indicator: 'MEMBERS_COUNT',
        threshold: '180',
      },
      {
        code: 'PRIVATE_FUNDING',
        name: 'Autonomie financière',
        description: 'Recettes privées.',
        measurement: 'INDICATOR',
        indicator: 'PRIVATE_FUNDING_SHARE',
        threshold: '0.55',
      },
      SCORED_CRITERION,
    ];
    const phase = (overrides: Record<string, unknown> = {}) => ({
      number: 40,
      name: 'Phase XL',
      startYear: 2040,
      endYear: 2043,
      description: 'Une phase de test.',
      criteria,
      ...overrides,
    });

    it('opens the phase with its criteria in one go, audited', async () => {
      const before = await countRows(database.dataSource);
      const result = await send(
        OPEN_PHASE,
        phase({ number: 6, name: 'Phase VI', startYear: 2027, endYear: 2030 }),
      );
      expect(result).toEqual({
        phase: {
          number: 6,
          name: 'Phase VI',
          startYear: 2027,
          endYear: 2030,
          criteria: [
            {
              code: 'MEMBERS',
              measurement: 'INDICATOR',
              indicator: 'MEMBERS_COUNT',
              threshold: '180.0000',
            },
            {
              code: 'PRIVATE_FUNDING',
              measurement: 'INDICATOR',
              indicator: 'PRIVATE_FUNDING_SHARE',
              threshold: '0.5500',
            },
            { code: 'STRATEGY', measurement: 'SCORE', indicator: null, threshold: '60.0000' },
          ],
        },
        userErrors: [],
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        labelling_phase: before.labelling_phase + 1,
        criterion: before.criterion + 3,
        audit_log_entry: before.audit_log_entry + 4,
      });
      const [audit] = await auditEntries(api, 'LabellingPhase');
      expect(audit.operation).toBe('openLabellingPhase');
      expect(audit.changes).toEqual(
        expect.arrayContaining([{ field: 'number', before: null, after: '6' }]),
      );
    });

    const criterion = (index: number, overrides: Record<string, unknown>) =>
      criteria.map((item, position) => (position === index ? { ...item, ...overrides } : item));

    it.each([
      ['an existing number', { number: 5 }, 'DUPLICATE', ['input', 'number']],
      [
        'an end before the start',
        { startYear: 2045, endYear: 2044 },
        'INVALID',
        ['input', 'endYear'],
      ],
      [
        'years another phase covers',
        { startYear: 2026, endYear: 2029 },
        'INVALID',
        ['input', 'startYear'],
      ],
      ['no criterion', { criteria: [] }, 'INVALID', ['input', 'criteria']],
      [
        'two criteria with one code',
        { criteria: criterion(1, { code: 'MEMBERS' }) },
        'DUPLICATE',
        ['input', 'criteria', '1', 'code'],
      ],
      [
        'a malformed code',
        { criteria: criterion(0, { code: 'members count' }) },
        'INVALID',
        ['input', 'criteria', '0', 'code'],
      ],
      [
        'an INDICATOR criterion without indicator',
        { criteria: criterion(0, { indicator: null }) },
        'INVALID',
        ['input', 'criteria', '0', 'indicator'],
      ],
      [
        'a SCORE criterion with an indicator',
        { criteria: criterion(2, { indicator: 'SME_SHARE' }) },
        'INVALID',
        ['input', 'criteria', '2', 'indicator'],
      ],
      [
        'a share threshold above 1',
        { criteria: criterion(1, { threshold: '55' }) },
        'INVALID',
        ['input', 'criteria', '1', 'threshold'],
      ],
      [
        'a score threshold above 100',
        { criteria: criterion(2, { threshold: '101' }) },
        'INVALID',
        ['input', 'criteria', '2', 'threshold'],
      ],
      [
        'a negative threshold',
        { criteria: criterion(0, { threshold: '-1' }) },
        'INVALID',
        ['input', 'criteria', '0', 'threshold'],
      ],
    ])('refuses %s', async (_label, overrides, code, field) => {
      await expectRefused(OPEN_PHASE, phase(overrides), code, field);
    });
  });

  describe('recordEvaluation', () => {
    const evaluation = (overrides: Record<string, unknown> = {}) => ({
      poleId: pole.globalId,
      phaseNumber: 5,
      ministryCode: 'ECO',
      evaluatedOn: '2022-10-15',
      comments: 'Feuille de route solide, animation à renforcer.',
      scores: [
        { criterionCode: scoreCodes[0], score: '71.50' },
        { criterionCode: scoreCodes[1], score: '64' },
      ],
      ...overrides,
    });

    it('records a ministry’s evaluation with its scores, audited', async () => {
      const before = await countRows(database.dataSource);
      const result = await send(RECORD_EVALUATION, evaluation());
      expect(result).toEqual({
        evaluation: {
          id: expect.any(String),
          evaluatedOn: '2022-10-15',
          comments: 'Feuille de route solide, animation à renforcer.',
          version: 1,
          pole: { id: pole.globalId },
          phase: { number: 5 },
          ministry: { code: 'ECO' },
          region: null,
          scores: expect.arrayContaining([
            { score: '71.50', criterion: { code: scoreCodes[0] } },
            { score: '64.00', criterion: { code: scoreCodes[1] } },
          ]),
        },
        userErrors: [],
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        evaluation: before.evaluation + 1,
        evaluation_score: before.evaluation_score + 2,
        audit_log_entry: before.audit_log_entry + 3,
      });
      const [audit] = await auditEntries(api, 'Evaluation');
      expect(audit).toMatchObject({
        operation: 'recordEvaluation',
        recordGlobalId: (result.evaluation as { id: string }).id,
      });
    });

    it('records a region’s evaluation', async () => {
      const result = await send(
        RECORD_EVALUATION,
        evaluation({ ministryCode: null, regionCode, scores: [] }),
      );
      expect(result.userErrors).toEqual([]);
      expect(result.evaluation).toMatchObject({
        ministry: null,
        region: { code: regionCode },
        scores: [],
      });
    });

    it.each([
      ['both a ministry and a region', () => ({ regionCode }), 'INVALID', ['input', 'regionCode']],
      ['no evaluator', () => ({ ministryCode: null }), 'INVALID', ['input', 'ministryCode']],
      [
        'an unknown ministry',
        () => ({ ministryCode: 'NOPE' }),
        'NOT_FOUND',
        ['input', 'ministryCode'],
      ],
      [
        'an unknown region',
        () => ({ ministryCode: null, regionCode: '999' }),
        'NOT_FOUND',
        ['input', 'regionCode'],
      ],
      ['an unknown phase', () => ({ phaseNumber: 42 }), 'NOT_FOUND', ['input', 'phaseNumber']],
      [
        'an unknown pole',
        () => ({ poleId: globalId('Pole', 999999) }),
        'NOT_FOUND',
        ['input', 'poleId'],
      ],
      [
        'a criterion of no such code',
        () => ({ scores: [{ criterionCode: 'NOPE', score: '50' }] }),
        'NOT_FOUND',
        ['input', 'scores', '0', 'criterionCode'],
      ],
      [
        'an INDICATOR criterion',
        () => ({ scores: [{ criterionCode: 'MEMBERS', score: '50' }] }),
        'INVALID',
        ['input', 'scores', '0', 'criterionCode'],
      ],
      [
        'a criterion scored twice',
        () => ({
          scores: [
            { criterionCode: scoreCodes[0], score: '50' },
            { criterionCode: scoreCodes[0], score: '60' },
          ],
        }),
        'DUPLICATE',
        ['input', 'scores', '1', 'criterionCode'],
      ],
      [
        'a score above 100',
        () => ({ scores: [{ criterionCode: scoreCodes[0], score: '100.01' }] }),
        'INVALID',
        ['input', 'scores', '0', 'score'],
      ],
    ])('refuses %s', async (_label, overrides, code, field) => {
      await expectRefused(RECORD_EVALUATION, evaluation(overrides()), code, field);
    });
  });

  describe('decideLabelling', () => {
    const decision = (overrides: Record<string, unknown> = {}) => ({
      poleId: pole.globalId,
      phaseNumber: 50,
      outcome: 'LABELLED',
      durationYears: 4,
      decidedOn: '2049-12-15',
      rationale: 'Labellisé pour la durée de la phase.',
      ...overrides,
    });

    beforeAll(async () => {
      const opened = await send(OPEN_PHASE, {
        number: 50,
        name: 'Phase L',
        startYear: 2050,
        endYear: 2053,
        description: 'Une phase pour les décisions de test.',
        criteria: [SCORED_CRITERION],
      });
      expect(opened.userErrors).toEqual([]);
    });

    it('creates the decision, then changes it at the expected version, audited', async () => {
      const before = await countRows(database.dataSource);
      const created = await send(DECIDE, decision());
      expect(created).toEqual({
        decision: {
          id: expect.any(String),
          outcome: 'LABELLED',
          durationYears: 4,
          decidedOn: '2049-12-15',
          publishedOn: null,
          rationale: 'Labellisé pour la durée de la phase.',
          version: 1,
          pole: { id: pole.globalId },
          phase: { number: 50 },
        },
        userErrors: [],
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        labelling_decision: before.labelling_decision + 1,
        audit_log_entry: before.audit_log_entry + 1,
      });
      const changed = await send(
        DECIDE,
        decision({
          outcome: 'LABELLED_PROBATION',
          durationYears: 2,
          publishedOn: '2050-01-10',
          expectedVersion: 1,
        }),
      );
      expect(changed.userErrors).toEqual([]);
      expect(changed.decision).toMatchObject({
        outcome: 'LABELLED_PROBATION',
        durationYears: 2,
        publishedOn: '2050-01-10',
        version: 2,
      });
      const [audit] = await auditEntries(api, 'LabellingDecision');
      expect(audit.operation).toBe('decideLabelling');
      expect(audit.changes).toEqual([
        { field: 'durationYears', before: '4', after: '2' },
        { field: 'outcome', before: 'LABELLED', after: 'LABELLED_PROBATION' },
        { field: 'publishedOn', before: null, after: '2050-01-10' },
        // The label's validity follows its duration, from the phase's first day.
        { field: 'validUntil', before: '2053-12-31', after: '2051-12-31' },
      ]);
    });

    it('records a refusal without duration', async () => {
      const result = await send(
        DECIDE,
        decision({ poleId: otherPoles[0], outcome: 'NOT_LABELLED', durationYears: null }),
      );
      expect(result.userErrors).toEqual([]);
      expect(result.decision).toMatchObject({
        outcome: 'NOT_LABELLED',
        durationYears: null,
        version: 1,
      });
    });

    it.each([
      [
        'an existing decision without expectedVersion',
        () => ({}),
        'INVALID',
        ['input', 'expectedVersion'],
      ],
      [
        'a stale expectedVersion',
        () => ({ expectedVersion: 1 }),
        'STALE_VERSION',
        ['input', 'expectedVersion'],
      ],
      [
        'a stale expectedVersion before other rules',
        () => ({ expectedVersion: 1, durationYears: null }),
        'STALE_VERSION',
        ['input', 'expectedVersion'],
      ],
      [
        'an expectedVersion for a decision that does not exist',
        () => ({ poleId: otherPoles[1], expectedVersion: 1 }),
        'INVALID',
        ['input', 'expectedVersion'],
      ],
      [
        'a labelled outcome without duration',
        () => ({ poleId: otherPoles[1], durationYears: null }),
        'INVALID',
        ['input', 'durationYears'],
      ],
      [
        'a duration for a pole not labelled',
        () => ({ poleId: otherPoles[1], outcome: 'NOT_LABELLED' }),
        'INVALID',
        ['input', 'durationYears'],
      ],
      [
        'a duration of five years',
        () => ({ poleId: otherPoles[1], durationYears: 5 }),
        'INVALID',
        ['input', 'durationYears'],
      ],
      [
        'a publication before the decision',
        () => ({ poleId: otherPoles[1], publishedOn: '2049-12-14' }),
        'INVALID',
        ['input', 'publishedOn'],
      ],
      [
        'an unknown phase',
        () => ({ poleId: otherPoles[1], phaseNumber: 42 }),
        'NOT_FOUND',
        ['input', 'phaseNumber'],
      ],
      [
        'an unknown pole',
        () => ({ poleId: globalId('Pole', 999999) }),
        'NOT_FOUND',
        ['input', 'poleId'],
      ],
    ])('refuses %s', async (_label, overrides, code, field) => {
      await expectRefused(DECIDE, decision(overrides()), code, field);
    });
  });

  describe('amendLabellingDecision', () => {
    const databaseIdOf = (id: string) =>
      Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);
    /** DATE columns come back as 'YYYY-MM-DD' on both databases (mysql2's dateStrings). */
    const isoDay = (value: string) => String(value).slice(0, 10);
    /** A 1-year label the refusals try to amend (a refusal writes nothing). */
    let probation: string;
    /** A phase of its own: each test labels a pole of its own in it. */
    const label = async (poleGlobalId: string, durationYears: number) => {
      const created = await send(DECIDE, {
        poleId: poleGlobalId,
        phaseNumber: 51,
        outcome: durationYears === 4 ? 'LABELLED' : 'LABELLED_PROBATION',
        durationYears,
        decidedOn: '2053-12-15',
        rationale: 'Labellisé.',
      });
      expect(created.userErrors).toEqual([]);
      return (created.decision as { id: string }).id;
    };
    const amendment = (decisionId: string, overrides: Record<string, unknown> = {}) => ({
      decisionId,
      kind: 'EXTENSION',
      labelEndsOn: '2057-12-31',
      decidedOn: '2054-12-20',
      rationale: 'Condition remplie : feuille de route consolidée.',
      ...overrides,
    });

    beforeAll(async () => {
      const opened = await send(OPEN_PHASE, {
        number: 51,
        name: 'Phase A',
        startYear: 2054,
        endYear: 2057,
        description: 'Une phase pour les amendements de test.',
        criteria: [SCORED_CRITERION],
      });
      expect(opened.userErrors).toEqual([]);
      probation = await label(otherPoles[2], 1);
    });

    it('extends a 1-year label to the phase’s end and records the condition met, audited', async () => {
      const decisionId = await label(otherPoles[0], 1);
      const before = await countRows(database.dataSource);
      const extended = await send(
        AMEND,
        amendment(decisionId, { conditionMetOn: '2054-11-30', publishedOn: '2055-01-05' }),
      );
      expect(extended).toEqual({
        decision: {
          kind: 'EXTENSION',
          outcome: 'LABELLED',
          durationYears: 3,
          validFrom: '2055-01-01',
          validUntil: '2057-12-31',
          decidedOn: '2054-12-20',
          publishedOn: '2055-01-05',
          version: 1,
          amendsDecisionId: databaseIdOf(decisionId),
        },
        userErrors: [],
      });
      // The amended decision is kept, with the day its condition was met.
      const [amended] = (await database.dataSource.query(
        'SELECT conditionMetOn, version, validUntil FROM labelling_decision WHERE id = ?',
        [databaseIdOf(decisionId)],
      )) as { conditionMetOn: string; version: number; validUntil: string }[];
      expect({
        conditionMetOn: isoDay(amended!.conditionMetOn),
        version: Number(amended!.version),
        validUntil: isoDay(amended!.validUntil),
      }).toEqual({ conditionMetOn: '2054-11-30', version: 2, validUntil: '2054-12-31' });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        labelling_decision: before.labelling_decision + 1,
        audit_log_entry: before.audit_log_entry + 2,
      });
      const [latest] = await auditEntries(api, 'LabellingDecision');
      expect(latest.operation).toBe('amendLabellingDecision');
    });

    it('withdraws a label before its term, then refuses to amend it again', async () => {
      const decisionId = await label(otherPoles[1], 4);
      const withdrawn = await send(
        AMEND,
        amendment(decisionId, { kind: 'WITHDRAWAL', labelEndsOn: '2055-06-30' }),
      );
      expect(withdrawn.userErrors).toEqual([]);
      expect(withdrawn.decision).toMatchObject({
        kind: 'WITHDRAWAL',
        outcome: 'NOT_LABELLED',
        durationYears: null,
        validFrom: null,
        validUntil: '2055-06-30',
      });
      await expectRefused(AMEND, amendment(decisionId, { decidedOn: '2055-01-01' }), 'INVALID', [
        'input',
        'decisionId',
      ]);
    });

    it.each([
      ['an extension beyond the phase', { labelEndsOn: '2058-12-31' }, 'labelEndsOn'],
      [
        'an extension that ends before the label does',
        { labelEndsOn: '2054-06-30' },
        'labelEndsOn',
      ],
      ['an amendment decided before the decision', { decidedOn: '2053-01-01' }, 'decidedOn'],
      ['an INITIAL kind', { kind: 'INITIAL' }, 'kind'],
    ])('refuses %s', async (_label, overrides, name) => {
      await expectRefused(AMEND, amendment(probation, overrides), 'INVALID', ['input', name]);
    });

    it('refuses an unknown decision', async () => {
      await expectRefused(AMEND, amendment(globalId('LabellingDecision', 999999)), 'NOT_FOUND', [
        'input',
        'decisionId',
      ]);
    });
  });

  describe('recordClusterLabel', () => {
    const label = (overrides: Record<string, unknown> = {}) => ({
      poleId: pole.globalId,
      level: 'GOLD',
      awardedOn: '2025-03-01',
      validUntil: '2027-02-28',
      scorePercent: '85.00',
      indicatorsPassed: 30,
      indicatorsTotal: 31,
      ...overrides,
    });

    it('records a gold label, audited', async () => {
      const before = await countRows(database.dataSource);
      const result = await send(RECORD_CLUSTER_LABEL, label());
      expect(result).toEqual({
        clusterLabel: {
          level: 'GOLD',
          awardedOn: '2025-03-01',
          validUntil: '2027-02-28',
          scorePercent: '85.00',
          indicatorsPassed: 30,
          indicatorsTotal: 31,
          version: 1,
          pole: { id: pole.globalId },
        },
        userErrors: [],
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        cluster_label: before.cluster_label + 1,
        audit_log_entry: before.audit_log_entry + 1,
      });
      const [audit] = await auditEntries(api, 'ClusterLabel');
      expect(audit.changes).toEqual(
        expect.arrayContaining([{ field: 'level', before: null, after: 'GOLD' }]),
      );
    });

    it('records a bronze label without score', async () => {
      const result = await send(
        RECORD_CLUSTER_LABEL,
        label({ level: 'BRONZE', scorePercent: null, indicatorsPassed: null, indicatorsTotal: 36 }),
      );
      expect(result.userErrors).toEqual([]);
    });

    it('refuses GOLD below 80 %, saying why', async () => {
      const error = await expectRefused(
        RECORD_CLUSTER_LABEL,
        label({ scorePercent: '79.99' }),
        'INVALID',
        ['input', 'scorePercent'],
      );
      expect(error.message).toMatch(/GOLD.*at least 80 %.*79\.99 % is below it/);
    });

    it.each([
      ['GOLD without a score', { scorePercent: null }, 'INVALID', ['input', 'scorePercent']],
      [
        'a score above 100',
        { level: 'SILVER', scorePercent: '100.50' },
        'INVALID',
        ['input', 'scorePercent'],
      ],
      [
        'a validity ending on the award day',
        { validUntil: '2025-03-01' },
        'INVALID',
        ['input', 'validUntil'],
      ],
      [
        'more indicators passed than assessed',
        { indicatorsPassed: 32 },
        'INVALID',
        ['input', 'indicatorsPassed'],
      ],
      [
        'no indicator assessed',
        { indicatorsPassed: 0, indicatorsTotal: 0 },
        'INVALID',
        ['input', 'indicatorsTotal'],
      ],
      ['an unknown pole', { poleId: globalId('Pole', 999999) }, 'NOT_FOUND', ['input', 'poleId']],
    ])('refuses %s', async (_label, overrides, code, field) => {
      await expectRefused(RECORD_CLUSTER_LABEL, label(overrides), code, field);
    });
  });

  describe('selection(phase:)', () => {
    interface DashboardRow {
      pole: { id: string; name: string };
      indicators: Record<string, unknown>;
      criteria: {
        criterion: { code: string; measurement: string };
        value: string | null;
        threshold: string;
        met: boolean | null;
      }[];
      evaluations: { id: string }[];
      decision: { outcome: string; durationYears: number | null } | null;
    }
    interface Dashboard {
      phase: { number: number };
      indicatorsYear: number;
      criteria: { code: string }[];
      rows: DashboardRow[];
    }

    async function dashboard(phase: number) {
      const { result, statements } = await countStatements(database.dataSource, () =>
        api.query<{ selection: Dashboard | null }>(DASHBOARD, { phase }),
      );
      expect(result.errors).toBeUndefined();
      return { selection: result.data!.selection, statements: statements.length };
    }

    it('is null for a phase that does not exist', async () => {
      expect((await dashboard(99)).selection).toBeNull();
    });

    it('lists the poles in the running, by name, with the criteria of the phase', async () => {
      const { selection } = await dashboard(5);
      const query = (sql: string) =>
        database.dataSource.query(sql, [phase5.id, phase5.id]) as Promise<
          { id: number; name: string }[]
        >;
      const expected = await query(
        "SELECT id, name FROM pole WHERE status = 'LABELLED' " +
          'OR id IN (SELECT poleId FROM evaluation WHERE phaseId = ?) ' +
          'OR id IN (SELECT poleId FROM labelling_decision WHERE phaseId = ?)',
      );
      expected.sort(
        (a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) || a.id - b.id,
      );
      expect(selection!.rows.map((row) => row.pole.id)).toEqual(
        expected.map((row) => globalId('Pole', row.id)),
      );
      const codes = (await database.dataSource.query(
        'SELECT code FROM criterion WHERE phaseId = ? ORDER BY code',
        [phase5.id],
      )) as {
        code: string;
      }[];
      expect(selection!.criteria.map((criterion) => criterion.code)).toEqual(
        codes.map((row) => row.code),
      );
      expect(selection!.indicatorsYear).toBe(
        Math.max(phase5.startYear, Math.min(phase5.endYear, CURRENT_YEAR)),
      );
    });

    it('matches, for one pole, a computation of its own from the tables', async () => {
      const { selection } = await dashboard(5);
      const year = selection!.indicatorsYear;
      const row = selection!.rows.find((candidate) => candidate.pole.id === pole.globalId)!;
      const query = <T>(sql: string, params: unknown[]) =>
        database.dataSource.query(sql, params) as Promise<T[]>;
      const endOfYear = `${year}-12-31`;

      // Members active on 31 December, and the SMEs among them.
      const categories = await query<{ category: string; memberId: number }>(
        'SELECT DISTINCT m.category, m.id AS memberId ' +
          'FROM membership ms JOIN member m ON m.id = ms.memberId ' +
          'WHERE ms.poleId = ? AND ms.startDate <= ? AND (ms.endDate IS NULL OR ms.endDate >= ?)',
        [pole.id, endOfYear, endOfYear],
      );
      const active = new Set(categories.map((entry) => Number(entry.memberId))).size;
      const smes = new Set(
        categories
          .filter((entry) => ['MICRO', 'SME'].includes(entry.category))
          .map((entry) => Number(entry.memberId)),
      ).size;
      const smeTenThousandths = Math.floor((2 * smes * 10000 + active) / (2 * active));
      const smeShare = fixed(BigInt(smeTenThousandths), 4);

      // Projects the pole leads or co-labels, submitted in the phase, labelled or beyond.
      const projects = await query<{ id: number; level: string; granted: unknown }>(
        'SELECT p.id, fp.level, p.publicFundingGranted AS granted ' +
          'FROM project p JOIN funding_programme fp ON fp.id = p.programmeId ' +
          'WHERE (p.leadPoleId = ? ' +
          'OR p.id IN (SELECT projectId FROM project_co_labelling_pole WHERE poleId = ?)) ' +
          'AND p.submittedOn >= ? AND p.submittedOn <= ? ' +
          "AND p.status IN ('LABELLED', 'FUNDED', 'IN_PROGRESS', 'COMPLETED')",
        [pole.id, pole.id, `${phase5.startYear}-01-01`, `${phase5.endYear}-12-31`],
      );
      const grantedCents = projects.reduce(
        (sum, project) =>
          sum + (project.granted === null ? 0n : units(decimal(project.granted, 2), 2)),
        0n,
      );
      const fundingRaised = fixed(grantedCents, 2);

      // The figures the pole reported for the year (recorded above for the current year).
      const [reported] = await query<{ share: unknown }>(
        'SELECT privateFundingShare AS share FROM pole_year WHERE poleId = ? AND year = ?',
        [pole.id, year],
      );
      const privateFundingShare = reported ? decimal(reported.share, 4) : null;

      if (year === CURRENT_YEAR) expect(privateFundingShare).toBe('0.6200');
      expect(row.indicators).toEqual({
        year,
        activeMembers: active,
        smeShare,
        privateFundingShare,
        collaborativeProjects: projects.length,
        europeanProjects: projects.filter((project) => project.level === 'EUROPEAN').length,
        fundingRaised,
      });

      // Average scores, in hundredths rounded half up.
      const scores = await query<{ code: string; score: unknown }>(
        'SELECT c.code, s.score FROM evaluation_score s ' +
          'JOIN evaluation e ON e.id = s.evaluationId ' +
          'JOIN criterion c ON c.id = s.criterionId WHERE e.poleId = ? AND e.phaseId = ?',
        [pole.id, phase5.id],
      );
      const averages = new Map<string, string>();
      for (const code of new Set(scores.map((score) => score.code))) {
        const mine = scores
          .filter((score) => score.code === code)
          .map((score) => Number(units(decimal(score.score, 2), 2)));
        const total = mine.reduce((sum, score) => sum + score, 0);
        const average = Math.floor((2 * total + mine.length) / (2 * mine.length));
        averages.set(code, fixed(BigInt(average), 2));
      }
      expect(averages.size).toBeGreaterThan(0);

      const criteria = await query<{
        code: string;
        measurement: string;
        indicator: string | null;
        threshold: unknown;
      }>(
        'SELECT code, measurement, indicator, threshold FROM criterion ' +
          'WHERE phaseId = ? ORDER BY code',
        [phase5.id],
      );
      const indicatorValues: Record<string, string | null> = {
        MEMBERS_COUNT: String(active),
        SME_SHARE: smeShare,
        PRIVATE_FUNDING_SHARE: privateFundingShare,
        EUROPEAN_PROJECTS: String(
          projects.filter((project) => project.level === 'EUROPEAN').length,
        ),
        COLLABORATIVE_PROJECTS: String(projects.length),
        FUNDING_RAISED: fundingRaised,
      };
      expect(row.criteria).toEqual(
        criteria.map((criterion) => {
          const threshold = decimal(criterion.threshold, 4);
          const value =
            criterion.measurement === 'SCORE'
              ? (averages.get(criterion.code) ?? null)
              : indicatorValues[criterion.indicator!];
          return {
            criterion: { code: criterion.code, measurement: criterion.measurement },
            value,
            threshold,
            met: value === null ? null : units(value, 4) >= units(threshold, 4),
          };
        }),
      );
      expect(row.criteria.some((criterion) => criterion.met === true)).toBe(true);

      const evaluations = await query<{ id: number }>(
        'SELECT id FROM evaluation WHERE poleId = ? AND phaseId = ? ORDER BY evaluatedOn, id',
        [pole.id, phase5.id],
      );
      expect(row.evaluations.map((evaluation) => evaluation.id)).toEqual(
        evaluations.map((evaluation) => globalId('Evaluation', evaluation.id)),
      );
      const [decision] = await query<{ outcome: string; durationYears: number | null }>(
        'SELECT outcome, durationYears FROM labelling_decision WHERE poleId = ? AND phaseId = ?',
        [pole.id, phase5.id],
      );
      expect(row.decision).toEqual({
        outcome: decision.outcome,
        durationYears: decision.durationYears,
      });
    });

    it('costs a bounded number of statements that does not grow with the number of poles', async () => {
      // Each measure follows a request that left the reference tables kept (READ_CACHE_MS);
      // a write drops them.
      await dashboard(5);
      const first = await dashboard(5);
      const outsiders = (await database.dataSource.query(
        "SELECT id FROM pole WHERE status <> 'LABELLED' " +
          'AND id NOT IN (SELECT poleId FROM evaluation WHERE phaseId = ?) ' +
          'AND id NOT IN (SELECT poleId FROM labelling_decision WHERE phaseId = ?) ORDER BY id',
        [phase5.id, phase5.id],
      )) as { id: number }[];
      expect(outsiders.length).toBeGreaterThan(0);
      for (const outsider of outsiders) {
        const decided = await send(DECIDE, {
          poleId: globalId('Pole', outsider.id),
          phaseNumber: 5,
          outcome: 'NOT_LABELLED',
          decidedOn: '2023-02-01',
          publishedOn: '2023-02-01',
          rationale: 'Non labellisé.',
        });
        expect(decided.userErrors).toEqual([]);
      }
      await dashboard(5);
      const second = await dashboard(5);
      expect(second.selection!.rows.length).toBe(first.selection!.rows.length + outsiders.length);
      expect(second.statements).toBe(first.statements);
      // After authentication: the phase, the poles, the criteria, four statements for the
      // indicators, one each for the average scores, the evaluations and the decisions, and one
      // per nested level asked (regions, ministries, scores): 13 at most (the phase, regions and
      // ministries are kept), whatever the number of poles.
      expect(first.statements).toBeLessThanOrEqual(AUTHENTICATION_STATEMENTS + 13);
      console.info(
        `[selection dashboard] ${kind}: ${first.statements} statements ` +
          `for ${first.selection!.rows.length} poles`,
      );
    });

    it('shows an anonymous caller only what the permission policy lets it see', async () => {
      const anonymous = await createTestEnvironment(database);
      try {
        const response = await anonymous.query<{ selection: Dashboard }>(
          `query PublicSelection($phase: Int!) {
            selection(phase: $phase) {
              rows { pole { id } criteria { criterion { code } value met } evaluations { id } }
            }
          }`,
          { phase: 5 },
        );
        expect(response.errors).toBeUndefined();
        const row = response.data!.selection.rows.find(
          (candidate) => candidate.pole.id === pole.globalId,
        )!;
        expect(row.evaluations).toEqual([]);
        const byCode = new Map(
          row.criteria.map((criterion) => [criterion.criterion.code, criterion]),
        );
        // Confidential figures and evaluation scores stay hidden; public indicators show.
        expect(byCode.get('PRIVATE_FUNDING')).toMatchObject({ value: null, met: null });
        expect(byCode.get('FUNDING_RAISED')).toMatchObject({ value: null, met: null });
        expect(byCode.get(scoreCodes[0])).toMatchObject({ value: null, met: null });
        expect(byCode.get('MEMBERS')!.value).not.toBeNull();
      } finally {
        await anonymous.close();
      }
    });
  });
});
