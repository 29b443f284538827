import { MemberCategory } from '../member/member.enums';
import { CreateMemberInput } from '../member/member.input';
import { createMember } from '../member/member.service';
import { type CellReader, type ImportKind, quote } from './import-kind';

interface MemberDraft {
  name?: string;
  siren?: string;
  category?: MemberCategory;
  regionCode?: string;
  city?: string;
  headcount?: number;
  website?: string;
  contactName?: string;
  contactEmail?: string;
}

/** `npm run import -- members`: one `createMember` per line. */
export const MEMBER_IMPORT: ImportKind<MemberDraft, CreateMemberInput> = {
  name: 'members',
  noun: { one: 'member', many: 'members' },
  operation: 'createMember',
  columns: [
    { name: 'name', required: true, description: 'Name of the organisation, 2 to 200 characters.' },
    {
      name: 'siren',
      required: true,
      description:
        'SIREN: 9 digits, the last one the Luhn check digit; new to the database and to the file.',
    },
    {
      name: 'category',
      required: true,
      description: `One of ${Object.values(MemberCategory).join(', ')}.`,
    },
    {
      name: 'regionCode',
      required: true,
      description: 'INSEE code of the region, e.g. 84 (Auvergne-Rhône-Alpes).',
    },
    { name: 'city', required: true, description: 'City, 80 characters at most.' },
    { name: 'headcount', required: false, description: 'Headcount, a whole number ≥ 0.' },
    { name: 'website', required: false, description: 'http:// or https:// address.' },
    { name: 'contactName', required: false, description: 'Contact person (confidential).' },
    { name: 'contactEmail', required: false, description: 'Contact e-mail (confidential).' },
  ],
  columnOfField: { regionId: 'regionCode' },

  read(cells: CellReader): MemberDraft {
    return {
      name: cells.text('name', true),
      siren: cells.siren('siren', true),
      category: cells.enumValue('category', MemberCategory, true),
      regionCode: cells.text('regionCode', true),
      city: cells.text('city', true),
      headcount: cells.int('headcount'),
      website: cells.text('website'),
      contactName: cells.text('contactName'),
      contactEmail: cells.text('contactEmail'),
    };
  },

  referencedSirens: () => [],

  uniqueKey: (draft) =>
    draft.siren ? { column: 'siren', key: draft.siren, label: `SIREN ${draft.siren}` } : null,

  toInput(draft, book, cells) {
    if (draft.regionCode !== undefined && !book.regionIdByCode.has(draft.regionCode)) {
      cells.report(
        'regionCode',
        `no region has the INSEE code ${quote(draft.regionCode)} (codes: ${[...book.regionIdByCode.keys()].sort().join(', ')})`,
      );
    }
    return Object.assign(new CreateMemberInput(), draft);
  },

  write: (scope, input) => createMember(scope, input),
};
