import { toGlobalId } from '../core/global-id';
import { JoinPoleInput } from '../member/member.input';
import { joinPole } from '../member/member.service';
import { type CellReader, type ImportKind, quote } from './import-kind';

interface MembershipDraft {
  memberSiren?: string;
  poleSlug?: string;
  startDate?: string;
  yearlyFee?: string;
  boardSeat?: boolean;
}

/** `npm run import -- memberships`: one `joinPole` per line, member by SIREN, pole by slug. */
export const MEMBERSHIP_IMPORT: ImportKind<MembershipDraft, JoinPoleInput> = {
  name: 'memberships',
  noun: { one: 'membership', many: 'memberships' },
  operation: 'joinPole',
  columns: [
    {
      name: 'memberSiren',
      required: true,
      description: 'SIREN of a member already in the database (import members first).',
    },
    { name: 'poleSlug', required: true, description: 'Slug of the pole, e.g. aerospace-valley.' },
    {
      name: 'startDate',
      required: true,
      description:
        'First day, YYYY-MM-DD; after the end of any earlier membership of the same pole.',
    },
    { name: 'yearlyFee', required: false, description: 'Yearly fee in euros, e.g. 1250.00.' },
    {
      name: 'boardSeat',
      required: false,
      description: 'true when the member sits on the pole’s board; false by default.',
    },
  ],
  columnOfField: { memberId: 'memberSiren', poleId: 'poleSlug' },

  read(cells: CellReader): MembershipDraft {
    return {
      memberSiren: cells.siren('memberSiren', true),
      poleSlug: cells.text('poleSlug', true)?.toLowerCase(),
      startDate: cells.date('startDate', true),
      yearlyFee: cells.decimal('yearlyFee'),
      boardSeat: cells.boolean('boardSeat'),
    };
  },

  referencedSirens: (draft) => (draft.memberSiren ? [draft.memberSiren] : []),

  // joinPole opens a membership with no end, so a member joins each pole once per file.
  uniqueKey: (draft) =>
    draft.memberSiren && draft.poleSlug
      ? {
          column: 'poleSlug',
          key: `${draft.memberSiren} ${draft.poleSlug}`,
          label: `the membership of ${draft.memberSiren} in ${draft.poleSlug}`,
        }
      : null,

  toInput(draft, book, cells) {
    const memberId =
      draft.memberSiren === undefined ? undefined : book.memberIdBySiren.get(draft.memberSiren);
    if (draft.memberSiren !== undefined && memberId === undefined) {
      cells.report('memberSiren', `no member has the SIREN ${quote(draft.memberSiren)}`);
    }
    const poleId = draft.poleSlug === undefined ? undefined : book.poleIdBySlug.get(draft.poleSlug);
    if (draft.poleSlug !== undefined && poleId === undefined) {
      cells.report('poleSlug', `no pole has the slug ${quote(draft.poleSlug)}`);
    }
    return Object.assign(new JoinPoleInput(), {
      memberId: memberId === undefined ? '' : toGlobalId('Member', memberId),
      poleId: poleId === undefined ? '' : toGlobalId('Pole', poleId),
      startDate: draft.startDate ?? '',
      yearlyFee: draft.yearlyFee ?? null,
      boardSeat: draft.boardSeat ?? false,
    });
  },

  write: (scope, input) => joinPole(scope, input),
};
