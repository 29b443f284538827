import type { Refusal } from '../core/refusal';
import {
  type AmendedDecision,
  type AmendmentRequest,
  amendmentValues,
} from './labelling-amendment.rules';
import { DecisionKind, LabellingOutcome } from './selection.enums';

/** DERBI in phase 5: labelled for 1 year (2023), extended on 28 Dec 2023 to the phase's end. */
const derbi: AmendedDecision = {
  kind: DecisionKind.INITIAL,
  outcome: LabellingOutcome.LABELLED_PROBATION,
  decidedOn: '2023-03-27',
  validFrom: '2023-01-01',
  validUntil: '2023-12-31',
};
const PHASE_5_ENDS = '2026-12-31';

function request(changes: Partial<AmendmentRequest>): AmendmentRequest {
  return {
    kind: DecisionKind.EXTENSION,
    labelEndsOn: '2026-12-31',
    decidedOn: '2023-12-28',
    publishedOn: null,
    conditionMetOn: null,
    ...changes,
  };
}

/** The refusal an amendment gets, or null when it is accepted. */
function refusalOf(run: () => unknown): Refusal | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { userErrors: Refusal[] }).userErrors[0] ?? null;
  }
}

describe('amendmentValues', () => {
  it('extends a label from the day after its end to the new end (DERBI: 2024-2026, 3 years)', () => {
    expect(amendmentValues(derbi, [], PHASE_5_ENDS, request({}))).toEqual({
      outcome: LabellingOutcome.LABELLED,
      durationYears: 3,
      validFrom: '2024-01-01',
      validUntil: '2026-12-31',
    });
  });

  it('withdraws a label before its term', () => {
    const fourYears = { ...derbi, validUntil: '2026-12-31' };
    expect(
      amendmentValues(
        fourYears,
        [],
        PHASE_5_ENDS,
        request({ kind: DecisionKind.WITHDRAWAL, labelEndsOn: '2025-06-30' }),
      ),
    ).toEqual({
      outcome: LabellingOutcome.NOT_LABELLED,
      durationYears: null,
      validFrom: null,
      validUntil: '2025-06-30',
    });
  });

  it('refuses an extension that does not go past the current end, or beyond the phase', () => {
    const extended = { ...derbi, kind: DecisionKind.EXTENSION, validUntil: '2024-12-31' };
    expect(
      refusalOf(() =>
        amendmentValues(derbi, [extended], PHASE_5_ENDS, request({ labelEndsOn: '2024-12-31' })),
      ),
    ).toEqual(expect.objectContaining({ code: 'INVALID', field: ['input', 'labelEndsOn'] }));
    expect(
      refusalOf(() =>
        amendmentValues(derbi, [], PHASE_5_ENDS, request({ labelEndsOn: '2027-12-31' })),
      ),
    ).toEqual(expect.objectContaining({ code: 'INVALID', field: ['input', 'labelEndsOn'] }));
  });

  it('refuses to amend what is no label: a refusal, an amendment, a withdrawn label', () => {
    const refused = { ...derbi, outcome: LabellingOutcome.NOT_LABELLED, validUntil: null };
    const withdrawal = { ...derbi, kind: DecisionKind.WITHDRAWAL, decidedOn: '2023-06-01' };
    for (const [amended, amendments] of [
      [refused, []],
      [withdrawal, []],
      [derbi, [withdrawal]],
    ] as [AmendedDecision, AmendedDecision[]][]) {
      expect(
        refusalOf(() => amendmentValues(amended, amendments, PHASE_5_ENDS, request({}))),
      ).toEqual(expect.objectContaining({ code: 'INVALID', field: ['input', 'decisionId'] }));
    }
  });

  it('refuses dates out of order and an INITIAL kind', () => {
    const cases: [Partial<AmendmentRequest>, string][] = [
      [{ decidedOn: '2023-01-15' }, 'decidedOn'],
      [{ publishedOn: '2023-12-01' }, 'publishedOn'],
      [{ conditionMetOn: '2024-02-01' }, 'conditionMetOn'],
      [
        { kind: DecisionKind.WITHDRAWAL, conditionMetOn: '2023-06-01', labelEndsOn: '2023-06-30' },
        'conditionMetOn',
      ],
      [{ kind: DecisionKind.WITHDRAWAL, labelEndsOn: '2022-12-31' }, 'labelEndsOn'],
      [{ kind: DecisionKind.INITIAL }, 'kind'],
    ];
    for (const [changes, name] of cases) {
      expect(refusalOf(() => amendmentValues(derbi, [], PHASE_5_ENDS, request(changes)))).toEqual(
        expect.objectContaining({ code: 'INVALID', field: ['input', name] }),
      );
    }
  });
});
