import { MEMBER_COLLECTION } from '../member/member.collection';
import type { Member } from '../member/member.entity';
import type { ExportKind } from './export-kind';

/** The members export: the import's columns, contacts confidential. */
export const MEMBER_EXPORT: ExportKind<Member> = {
  spec: MEMBER_COLLECTION,
  filterType: 'MemberFilter',
  columns: [
    { header: 'name', description: 'Name of the organisation.', value: (member) => member.name },
    { header: 'siren', description: 'SIREN.', value: (member) => member.siren },
    {
      header: 'category',
      description: 'MICRO, SME, MID_SIZE, LARGE, RESEARCH, TRAINING, PUBLIC_BODY or OTHER.',
      value: (member) => member.category,
    },
    {
      header: 'regionCode',
      description: 'INSEE code of the region.',
      value: (member, { regionCodeById }) => regionCodeById.get(member.regionId) ?? null,
    },
    { header: 'city', description: 'City.', value: (member) => member.city },
    {
      header: 'headcount',
      description: 'Headcount; empty when unknown.',
      value: (member) => member.headcount,
    },
    { header: 'website', description: 'Website address.', value: (member) => member.website },
    {
      header: 'contactName',
      description: 'Contact person (confidential).',
      detail: true,
      value: (member) => member.contactName,
    },
    {
      header: 'contactEmail',
      description: 'Contact e-mail (confidential).',
      detail: true,
      value: (member) => member.contactEmail,
    },
  ],
};
