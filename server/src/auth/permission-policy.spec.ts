import { assertMayWrite, mayWrite } from './permission-policy';
import { anonymousCaller, type Caller, Role } from './roles';

function token(
  role: Role,
  scope: Partial<Record<'regionId' | 'ministryId' | 'poleId', number>> = {},
): Caller {
  return {
    kind: 'token',
    name: `${role.toLowerCase()} token`,
    tokenId: 1,
    role,
    regionId: scope.regionId ?? null,
    ministryId: scope.ministryId ?? null,
    poleId: scope.poleId ?? null,
    ip: '127.0.0.1',
  };
}

const admin = token(Role.ADMIN);
const manager = token(Role.POLE_MANAGER, { poleId: 7 });
const officer = token(Role.REGION_OFFICER, { regionId: 84 });
const analyst = token(Role.MINISTRY_ANALYST, { ministryId: 3 });
const anonymous = anonymousCaller('127.0.0.1');

describe('mayWrite', () => {
  it('lets administrators do everything and anonymous callers nothing', () => {
    for (const action of ['manageMembers', 'decideLabelling', 'manageTokens'] as const) {
      expect([mayWrite(admin, action), mayWrite(anonymous, action)]).toEqual([true, false]);
    }
  });

  it('lets a pole manager change its own pole’s projects, not another’s', () => {
    expect(mayWrite(manager, 'manageProjectsOfPole', { poleId: 7 })).toBe(true);
    expect(mayWrite(manager, 'manageProjectsOfPole', { poleId: 8 })).toBe(false);
    expect(mayWrite(officer, 'manageProjectsOfPole', { poleId: 7 })).toBe(false);
  });

  it('lets a pole manager change a member its pole alone holds, not a shared one', () => {
    expect(mayWrite(manager, 'manageMembers', {})).toBe(true);
    expect(mayWrite(manager, 'manageMembers', { memberPoleIds: [7] })).toBe(true);
    expect(mayWrite(manager, 'manageMembers', { memberPoleIds: [7, 9] })).toBe(false);
    expect(mayWrite(manager, 'manageMembers', { memberPoleIds: [] })).toBe(false);
  });

  it('lets a pole manager admit only organisations no other pole holds', () => {
    expect(mayWrite(manager, 'admitMember', { poleId: 7, memberPoleIds: [] })).toBe(true);
    expect(mayWrite(manager, 'admitMember', { poleId: 7, memberPoleIds: [9] })).toBe(false);
    expect(mayWrite(manager, 'admitMember', { poleId: 9, memberPoleIds: [] })).toBe(false);
  });

  it('lets evaluators evaluate only in their own name, region officers only their region’s poles', () => {
    expect(mayWrite(analyst, 'recordEvaluation', { evaluatorMinistryId: 3 })).toBe(true);
    expect(mayWrite(analyst, 'recordEvaluation', { evaluatorMinistryId: 4 })).toBe(false);
    expect(mayWrite(officer, 'recordEvaluation', { evaluatorRegionId: 84, poleRegionId: 84 })).toBe(
      true,
    );
    expect(mayWrite(officer, 'recordEvaluation', { evaluatorRegionId: 84, poleRegionId: 11 })).toBe(
      false,
    );
    expect(
      mayWrite(officer, 'recordEvaluation', {
        evaluatorRegionId: 84,
        evaluatorMinistryId: 3,
        poleRegionId: 84,
      }),
    ).toBe(false);
    expect(mayWrite(manager, 'recordEvaluation', { evaluatorMinistryId: 3 })).toBe(false);
  });

  it('keeps labelling decisions and tokens to administrators', () => {
    for (const caller of [manager, officer, analyst]) {
      expect(mayWrite(caller, 'decideLabelling')).toBe(false);
      expect(mayWrite(caller, 'manageTokens')).toBe(false);
    }
  });
});

describe('assertMayWrite', () => {
  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to tokens, naming who may', () => {
    expect(() => assertMayWrite(anonymous, 'decideLabelling')).toThrow(
      expect.objectContaining({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/^Only administrators may do this\. Send an API token/),
      }),
    );
    expect(() => assertMayWrite(manager, 'decideLabelling')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only administrators may do this.' }),
    );
  });
});
