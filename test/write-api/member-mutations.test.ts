import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { sirenWithCheckDigit } from '../../server/src/core/siren';
import { globalId } from '../helpers/graphql-ids';
import { rowCounts } from '../helpers/row-counts';
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
  type UserError,
  type WriteResult,
} from '../helpers/write-assertions';

interface MemberResult {
  id: string;
  name: string;
  siren: string;
  category: string;
  city: string;
  headcount: number | null;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  version: number;
  region: { code: string };
}
interface MembershipResult {
  id: string;
  startDate: string;
  endDate: string | null;
  yearlyFee: string | null;
  boardSeat: boolean;
  version: number;
  member: { id: string };
  pole: { id: string };
}
/** A mutation's payload: `record` holds the result, null when refused. */
type Payload<R extends string, T> = { userErrors: UserError[] } & { [key in R]: T | null };

const MEMBER_FIELDS =
  'id name siren category city headcount website contactName contactEmail version region { code }';
const MEMBERSHIP_FIELDS =
  'id startDate endDate yearlyFee boardSeat version member { id } pole { id }';
const ERRORS = USER_ERRORS;

const CREATE_MEMBER = `mutation CreateMember($input: CreateMemberInput!) {
  createMember(input: $input) { member { ${MEMBER_FIELDS} } ${ERRORS} }
}`;
const UPDATE_MEMBER = `mutation UpdateMember($input: UpdateMemberInput!) {
  updateMember(input: $input) { member { ${MEMBER_FIELDS} } ${ERRORS} }
}`;
const JOIN_POLE = `mutation JoinPole($input: JoinPoleInput!) {
  joinPole(input: $input) { membership { ${MEMBERSHIP_FIELDS} } ${ERRORS} }
}`;
const LEAVE_POLE = `mutation LeavePole($input: LeavePoleInput!) {
  leavePole(input: $input) { membership { ${MEMBERSHIP_FIELDS} } ${ERRORS} }
}`;
const WRITTEN_TABLES = ['member', 'membership', 'audit_log_entry'];

/** Row counts of the tables this suite's writes touch. */
const countRows = (dataSource: DataSource) => rowCounts(dataSource, WRITTEN_TABLES);

describe.each(testDatabaseKinds())('member mutations on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let region: { id: string; code: string };
  let otherRegion: { id: string; code: string };
  let poles: string[];
  let sequence = 0;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'members');
    api = await createTestEnvironment(database, {}, { as: ADMIN });
    const regions = (await database.dataSource.query(
      'SELECT id, code FROM region ORDER BY code LIMIT 2',
    )) as { id: number; code: string }[];
    [region, otherRegion] = regions.map((row) => ({
      id: globalId('Region', row.id),
      code: row.code,
    }));
    const poleRows = (await database.dataSource.query(
      'SELECT id FROM pole ORDER BY id LIMIT 2',
    )) as {
      id: number;
    }[];
    poles = poleRows.map((row) => globalId('Pole', row.id));
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** A valid SIREN that no member holds yet. */
  async function freshSiren(): Promise<string> {
    for (;;) {
      sequence += 1;
      const siren = sirenWithCheckDigit(`99${String(sequence).padStart(6, '0')}`);
      const [row] = (await database.dataSource.query(
        'SELECT COUNT(*) AS n FROM member WHERE siren = ?',
        [siren],
      )) as { n: number }[];
      if (Number(row.n) === 0) return siren;
    }
  }

  async function send<T>(document: string, input: Record<string, unknown>): Promise<T> {
    const response = await api.query<T>(document, { input });
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function createMember(overrides: Record<string, unknown> = {}) {
    const input = {
      name: 'Capteurs de Provence',
      siren: await freshSiren(),
      category: 'SME',
      regionId: region.id,
      city: 'Aix-en-Provence',
      headcount: 42,
      website: 'https://capteurs.example.fr',
      contactName: 'Camille Martin',
      contactEmail: 'camille.martin@capteurs.example.fr',
      ...overrides,
    };
    const data = await send<{ createMember: Payload<'member', MemberResult> }>(
      CREATE_MEMBER,
      input,
    );
    return {
      input,
      ...data.createMember,
    };
  }

  async function joinPole(input: Record<string, unknown>) {
    const data = await send<{ joinPole: Payload<'membership', MembershipResult> }>(
      JOIN_POLE,
      input,
    );
    return data.joinPole;
  }

  async function leavePole(input: Record<string, unknown>) {
    const data = await send<{ leavePole: Payload<'membership', MembershipResult> }>(
      LEAVE_POLE,
      input,
    );
    return data.leavePole;
  }

  async function updateMember(input: Record<string, unknown>) {
    const data = await send<{ updateMember: Payload<'member', MemberResult> }>(
      UPDATE_MEMBER,
      input,
    );
    return data.updateMember;
  }

  async function latestAudit(recordType: string) {
    const [latest] = await auditEntries(api, recordType, 1);
    return latest;
  }

  /** Asserts one user error with `code` on `field`, and that nothing was written. */
  function expectRefused(attempt: () => Promise<WriteResult>, code: string, field: string[]) {
    // createMember's helper adds the `input` it sent beside the payload: not part of it.
    const payload = () => attempt().then(({ input: _input, ...rest }) => rest as WriteResult);
    return expectRefusedWrite(database.dataSource, WRITTEN_TABLES, payload, code, field);
  }

  describe('createMember', () => {
    it('creates the member at version 1, with its audit entry', async () => {
      const before = await countRows(database.dataSource);
      const { input, member, userErrors } = await createMember();
      expect(userErrors).toEqual([]);
      expect(member).toEqual({
        id: expect.any(String),
        name: 'Capteurs de Provence',
        siren: input.siren,
        category: 'SME',
        city: 'Aix-en-Provence',
        headcount: 42,
        website: 'https://capteurs.example.fr',
        contactName: 'Camille Martin',
        contactEmail: 'camille.martin@capteurs.example.fr',
        version: 1,
        region: { code: region.code },
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        member: before.member + 1,
        audit_log_entry: before.audit_log_entry + 1,
      });
      const audit = await latestAudit('Member');
      expect(audit).toMatchObject({
        operation: 'createMember',
        actor: 'Test administrator',
        recordGlobalId: member!.id,
      });
      expect(audit.changes).toEqual(
        expect.arrayContaining([
          { field: 'siren', before: null, after: input.siren },
          { field: 'name', before: null, after: 'Capteurs de Provence' },
        ]),
      );
    });

    it('finds the region by its INSEE code', async () => {
      const { member, userErrors } = await createMember({
        regionId: undefined,
        regionCode: otherRegion.code,
      });
      expect(userErrors).toEqual([]);
      expect(member!.region).toEqual({ code: otherRegion.code });
    });

    it('refuses a SIREN that is already a member’s, on input.siren', async () => {
      const { input } = await createMember();
      const error = await expectRefused(() => createMember({ siren: input.siren }), 'DUPLICATE', [
        'input',
        'siren',
      ]);
      expect(error.message).toContain(String(input.siren));
    });

    it.each([
      [
        'a SIREN with a wrong check digit',
        () => ({ siren: '123456780' }),
        'INVALID',
        ['input', 'siren'],
      ],
      ['a negative headcount', () => ({ headcount: -1 }), 'INVALID', ['input', 'headcount']],
      [
        'a website that is no URL',
        () => ({ website: 'capteurs' }),
        'INVALID',
        ['input', 'website'],
      ],
      [
        'an e-mail that is no e-mail',
        () => ({ contactEmail: 'camille@' }),
        'INVALID',
        ['input', 'contactEmail'],
      ],
      ['a one-letter name', () => ({ name: 'C' }), 'INVALID', ['input', 'name']],
      [
        'both regionId and regionCode',
        () => ({ regionCode: region.code }),
        'INVALID',
        ['input', 'regionCode'],
      ],
      ['no region at all', () => ({ regionId: undefined }), 'INVALID', ['input', 'regionId']],
      [
        'an unknown region code',
        () => ({ regionId: undefined, regionCode: '99' }),
        'NOT_FOUND',
        ['input', 'regionCode'],
      ],
      [
        'an unknown region id',
        () => ({ regionId: globalId('Region', 999999) }),
        'NOT_FOUND',
        ['input', 'regionId'],
      ],
      [
        'a pole id given as region',
        () => ({ regionId: poles[0] }),
        'INVALID',
        ['input', 'regionId'],
      ],
    ])(
      'refuses %s, naming the field, and writes nothing',
      async (_label, overrides, code, field) => {
        await expectRefused(() => createMember(overrides()), code, field);
      },
    );
  });

  describe('updateMember', () => {
    it('changes the named fields at the expected version, empties nullable ones, and audits before/after', async () => {
      const { member } = await createMember();
      const { member: updated, userErrors } = await updateMember({
        id: member!.id,
        expectedVersion: 1,
        name: 'Capteurs de Provence SAS',
        headcount: null,
        regionCode: otherRegion.code,
      });
      expect(userErrors).toEqual([]);
      expect(updated).toEqual({
        ...member,
        name: 'Capteurs de Provence SAS',
        headcount: null,
        region: { code: otherRegion.code },
        version: 2,
      });
      const audit = await latestAudit('Member');
      expect(audit.operation).toBe('updateMember');
      expect(audit.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', before: 'Capteurs de Provence', after: 'Capteurs de Provence SAS' },
          { field: 'headcount', before: '42', after: null },
        ]),
      );
      expect(audit.changes.map((change) => change.field)).not.toContain('city');
    });

    it('refuses a stale version and changes nothing', async () => {
      const { member } = await createMember();
      await updateMember({ id: member!.id, expectedVersion: 1, city: 'Marseille' });
      const error = await expectRefused(
        () => updateMember({ id: member!.id, expectedVersion: 1, city: 'Toulon' }),
        'STALE_VERSION',
        ['input', 'expectedVersion'],
      );
      expect(error.message).toContain('read it again');
    });

    it('reports a stale version before the other rules', async () => {
      const { input: taken } = await createMember();
      const { member } = await createMember();
      await updateMember({ id: member!.id, expectedVersion: 1, city: 'Marseille' });
      await expectRefused(
        () => updateMember({ id: member!.id, expectedVersion: 1, siren: taken.siren }),
        'STALE_VERSION',
        ['input', 'expectedVersion'],
      );
    });

    it.each([
      ['the SIREN of another member', 'DUPLICATE', ['input', 'siren']],
      ['an emptied name', 'INVALID', ['input', 'name']],
      ['an unknown member', 'NOT_FOUND', ['input', 'id']],
    ])('refuses %s, and writes nothing', async (label, code, field) => {
      const { input: taken } = await createMember();
      const { member } = await createMember();
      const changes: Record<string, Record<string, unknown>> = {
        'the SIREN of another member': { id: member!.id, siren: taken.siren },
        'an emptied name': { id: member!.id, name: null },
        'an unknown member': { id: globalId('Member', 999999), city: 'Nice' },
      };
      await expectRefused(
        () => updateMember({ expectedVersion: 1, ...changes[label] }),
        code,
        field,
      );
    });
  });

  describe('joinPole and leavePole', () => {
    it('opens a membership, ends it, and lets the member join again afterwards', async () => {
      const { member } = await createMember();
      const before = await countRows(database.dataSource);
      const joined = await joinPole({
        memberId: member!.id,
        poleId: poles[0],
        startDate: '2024-01-15',
        yearlyFee: '1200.00',
        boardSeat: true,
      });
      expect(joined).toEqual({
        membership: {
          id: expect.any(String),
          startDate: '2024-01-15',
          endDate: null,
          yearlyFee: '1200.00',
          boardSeat: true,
          version: 1,
          member: { id: member!.id },
          pole: { id: poles[0] },
        },
        userErrors: [],
      });
      expect(await countRows(database.dataSource)).toEqual({
        ...before,
        membership: before.membership + 1,
        audit_log_entry: before.audit_log_entry + 1,
      });

      const left = await leavePole({
        membershipId: joined.membership!.id,
        endDate: '2025-06-30',
        expectedVersion: 1,
      });
      expect(left.userErrors).toEqual([]);
      expect(left.membership).toEqual({ ...joined.membership, endDate: '2025-06-30', version: 2 });
      const audit = await latestAudit('Membership');
      expect(audit).toMatchObject({
        operation: 'leavePole',
        recordGlobalId: joined.membership!.id,
      });
      // `active` (the database's one-active-membership key) ends with the membership.
      expect(audit.changes).toEqual([
        { field: 'active', before: 'true', after: null },
        { field: 'endDate', before: null, after: '2025-06-30' },
      ]);

      const again = await joinPole({
        memberId: member!.id,
        poleId: poles[0],
        startDate: '2025-07-01',
      });
      expect(again.userErrors).toEqual([]);
      expect(again.membership).toMatchObject({
        endDate: null,
        yearlyFee: null,
        boardSeat: false,
        version: 1,
      });
    });

    it('refuses a second active membership of the same pole (DUPLICATE on input.poleId)', async () => {
      const { member } = await createMember();
      await joinPole({ memberId: member!.id, poleId: poles[0], startDate: '2024-01-15' });
      await expectRefused(
        () => joinPole({ memberId: member!.id, poleId: poles[0], startDate: '2025-01-01' }),
        'DUPLICATE',
        ['input', 'poleId'],
      );
      const other = await joinPole({
        memberId: member!.id,
        poleId: poles[1],
        startDate: '2025-01-01',
      });
      expect(other.userErrors).toEqual([]);
    });

    it('refuses a membership starting within an earlier one of the same pole', async () => {
      const { member } = await createMember();
      const { membership } = await joinPole({
        memberId: member!.id,
        poleId: poles[0],
        startDate: '2020-01-01',
      });
      await leavePole({ membershipId: membership!.id, endDate: '2022-12-31', expectedVersion: 1 });
      await expectRefused(
        () => joinPole({ memberId: member!.id, poleId: poles[0], startDate: '2022-12-31' }),
        'INVALID',
        ['input', 'startDate'],
      );
    });

    it.each([
      [
        'an unknown member',
        { memberId: globalId('Member', 999999) },
        'NOT_FOUND',
        ['input', 'memberId'],
      ],
      ['an unknown pole', { poleId: globalId('Pole', 999999) }, 'NOT_FOUND', ['input', 'poleId']],
      ['a negative fee', { yearlyFee: '-10.00' }, 'INVALID', ['input', 'yearlyFee']],
    ])('joinPole refuses %s', async (_label, overrides, code, field) => {
      const { member } = await createMember();
      await expectRefused(
        () =>
          joinPole({
            memberId: member!.id,
            poleId: poles[0],
            startDate: '2024-01-15',
            ...overrides,
          }),
        code,
        field,
      );
    });

    describe('leavePole refuses', () => {
      let membership: MembershipResult;
      beforeEach(async () => {
        const { member } = await createMember();
        membership = (
          await joinPole({ memberId: member!.id, poleId: poles[0], startDate: '2024-01-15' })
        ).membership!;
      });

      it('an end before the start (INVALID on input.endDate)', async () => {
        const error = await expectRefused(
          () =>
            leavePole({ membershipId: membership.id, endDate: '2024-01-14', expectedVersion: 1 }),
          'INVALID',
          ['input', 'endDate'],
        );
        expect(error.message).toContain('2024-01-15');
      });

      it('an unknown membership (NOT_FOUND on input.membershipId)', async () => {
        await expectRefused(
          () =>
            leavePole({
              membershipId: globalId('Membership', 999999),
              endDate: '2025-01-01',
              expectedVersion: 1,
            }),
          'NOT_FOUND',
          ['input', 'membershipId'],
        );
      });

      it('a membership that already ended (INVALID on input.membershipId)', async () => {
        await leavePole({ membershipId: membership.id, endDate: '2024-12-31', expectedVersion: 1 });
        const error = await expectRefused(
          () =>
            leavePole({ membershipId: membership.id, endDate: '2025-12-31', expectedVersion: 2 }),
          'INVALID',
          ['input', 'membershipId'],
        );
        expect(error.message).toContain('already ended on 2024-12-31');
      });

      it('a stale version (STALE_VERSION), checked before the other rules', async () => {
        await leavePole({ membershipId: membership.id, endDate: '2024-12-31', expectedVersion: 1 });
        await expectRefused(
          () =>
            leavePole({ membershipId: membership.id, endDate: '2025-12-31', expectedVersion: 1 }),
          'STALE_VERSION',
          ['input', 'expectedVersion'],
        );
      });
    });
  });
});
