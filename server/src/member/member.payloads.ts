import { payloadType } from '../graphql/mutation/payload';
import { Member } from './member.entity';
import { Membership } from './membership.entity';

const memberPayload = (name: string, what: string) =>
  payloadType(name, 'member', () => Member, `The member ${what}; null when refused.`);
const membershipPayload = (name: string, what: string) =>
  payloadType(name, 'membership', () => Membership, `The membership ${what}; null when refused.`);

export const CreateMemberPayload = memberPayload('CreateMember', 'created');
export const UpdateMemberPayload = memberPayload('UpdateMember', 'as updated');
export const JoinPolePayload = membershipPayload('JoinPole', 'created, active');
export const LeavePolePayload = membershipPayload('LeavePole', 'with its end date');
