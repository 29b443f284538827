import { type EntityManager, IsNull, Not } from 'typeorm';

import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { insertRecord } from '../database/unit-of-work/insert-record';
import { refuseIfStale, updateIfCurrent } from '../database/unit-of-work/optimistic-update';
import { referencedId, referencedIdByCode } from '../database/unit-of-work/references';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { Member } from './member.entity';
import type {
  CreateMemberInput,
  JoinPoleInput,
  LeavePoleInput,
  UpdateMemberInput,
} from './member.input';
import { Membership, membershipActivity } from './membership.entity';

async function refuseTakenSiren(
  manager: EntityManager,
  siren: string,
  exceptId?: number,
): Promise<void> {
  const where = exceptId === undefined ? { siren } : { siren, id: Not(exceptId) };
  const holder = await manager.findOne(Member, { select: { id: true, name: true }, where });
  if (holder) {
    refuse(
      UserErrorCode.DUPLICATE,
      ['input', 'siren'],
      `SIREN ${siren} is already the member "${holder.name}"`,
    );
  }
}

/**
 * The region named by `regionId` or `regionCode` (exactly one of them; neither is fine on an
 * update, which then keeps the region): its database id, or undefined when none is named.
 */
async function namedRegionId(
  manager: EntityManager,
  input: Pick<CreateMemberInput, 'regionId' | 'regionCode'>,
  required: boolean,
): Promise<number | undefined> {
  const { regionId, regionCode } = input;
  if (regionId != null && regionCode != null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'regionCode'],
      'Name the region by regionId or by regionCode, not both',
    );
  }
  if (regionId != null) return referencedId(manager, Region, regionId, ['input', 'regionId']);
  if (regionCode != null) {
    return referencedIdByCode(manager, Region, regionCode, ['input', 'regionCode'], 'INSEE code');
  }
  if (required) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'regionId'],
      'A member needs a region: give regionId or regionCode',
    );
  }
  return undefined;
}

/** Creates a member; its SIREN must be new. */
export async function createMember(
  { manager, audit, caller }: MutationScope,
  input: CreateMemberInput,
): Promise<{ member: Member }> {
  assertMayWrite(caller, 'manageMembers');
  await refuseTakenSiren(manager, input.siren);
  const regionId = (await namedRegionId(manager, input, true))!;
  const member = await insertRecord(manager, Member, {
    name: input.name,
    siren: input.siren,
    category: input.category,
    regionId,
    city: input.city,
    headcount: input.headcount ?? null,
    website: input.website ?? null,
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
  });
  audit.record('Member', member.id, null, member);
  return { member };
}

/** Changes the fields the input names, if the member is still at `expectedVersion`. */
export async function updateMember(
  { manager, audit, caller }: MutationScope,
  input: UpdateMemberInput,
): Promise<{ member: Member }> {
  const id = await referencedId(manager, Member, input.id, ['input', 'id']);
  const member = await manager.findOneByOrFail(Member, { id });
  const memberships = await manager.find(Membership, {
    where: { memberId: id, endDate: IsNull() },
  });
  assertMayWrite(caller, 'manageMembers', {
    memberPoleIds: memberships.map((membership) => membership.poleId),
  });
  refuseIfStale(Member, member, input.expectedVersion);
  const changes: Partial<Member> = {};
  for (const name of [
    'name',
    'siren',
    'category',
    'city',
    'headcount',
    'website',
    'contactName',
    'contactEmail',
  ] as const) {
    if (input[name] !== undefined) Object.assign(changes, { [name]: input[name] });
  }
  for (const name of ['name', 'siren', 'category', 'city'] as const) {
    if (changes[name] === null) {
      refuse(UserErrorCode.INVALID, ['input', name], `${name} cannot be emptied`);
    }
  }
  if (changes.siren !== undefined && changes.siren !== member.siren) {
    await refuseTakenSiren(manager, changes.siren, member.id);
  }
  const regionId = await namedRegionId(manager, input, false);
  if (regionId !== undefined) changes.regionId = regionId;
  const updated = await updateIfCurrent(manager, Member, member, input.expectedVersion, changes);
  audit.record('Member', member.id, member, updated);
  return { member: updated };
}

/**
 * A member joins a pole. Refused when it is already an active member of it, or when the new
 * membership would start before an earlier one of the same pole ended: periods never overlap,
 * so a member counts once in the pole's figures of any day.
 */
export async function joinPole(
  { manager, audit, caller }: MutationScope,
  input: JoinPoleInput,
): Promise<{ membership: Membership }> {
  const memberId = await referencedId(manager, Member, input.memberId, ['input', 'memberId']);
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  const current = await manager.find(Membership, { where: { memberId, endDate: IsNull() } });
  assertMayWrite(caller, 'admitMember', {
    poleId,
    memberPoleIds: current.map((membership) => membership.poleId),
  });
  const earlier = await manager.find(Membership, {
    where: { memberId, poleId },
    order: { startDate: 'ASC' },
  });
  const active = earlier.find((membership) => membership.endDate === null);
  if (active) {
    refuse(
      UserErrorCode.DUPLICATE,
      ['input', 'poleId'],
      `The member already belongs to this pole, since ${active.startDate}: ` +
        'end that membership first (leavePole)',
    );
  }
  const overlapped = earlier.find((membership) => membership.endDate! >= input.startDate);
  if (overlapped) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'startDate'],
      `startDate (${input.startDate}) falls within an earlier membership of the same pole ` +
        `(${overlapped.startDate} to ${overlapped.endDate}): start after ${overlapped.endDate}`,
    );
  }
  const membership = await insertRecord(manager, Membership, {
    memberId,
    poleId,
    startDate: input.startDate,
    endDate: null,
    ...membershipActivity(null),
    yearlyFee: input.yearlyFee ?? null,
    boardSeat: input.boardSeat ?? false,
  });
  audit.record('Membership', membership.id, null, membership);
  return { membership };
}

/** Ends an active membership on `endDate`, if it is still at `expectedVersion`. */
export async function leavePole(
  { manager, audit, caller }: MutationScope,
  input: LeavePoleInput,
): Promise<{ membership: Membership }> {
  const id = await referencedId(manager, Membership, input.membershipId, ['input', 'membershipId']);
  const membership = await manager.findOneByOrFail(Membership, { id });
  assertMayWrite(caller, 'managePole', { poleId: membership.poleId });
  refuseIfStale(Membership, membership, input.expectedVersion);
  if (membership.endDate !== null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'membershipId'],
      `This membership already ended on ${membership.endDate}`,
    );
  }
  if (input.endDate < membership.startDate) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'endDate'],
      `endDate (${input.endDate}) comes before the membership's start (${membership.startDate})`,
    );
  }
  const updated = await updateIfCurrent(manager, Membership, membership, input.expectedVersion, {
    endDate: input.endDate,
    ...membershipActivity(input.endDate),
  });
  audit.record('Membership', membership.id, membership, updated);
  return { membership: updated };
}
