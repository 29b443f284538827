import { refuse, UserErrorCode } from '../core/refusal';
import { DecisionKind, LabellingOutcome } from './selection.enums';

/** What the rules need of the decision amended and of the amendments it already has. */
export interface AmendedDecision {
  kind: DecisionKind;
  outcome: LabellingOutcome;
  decidedOn: string;
  validFrom: string | null;
  validUntil: string | null;
}

export interface AmendmentRequest {
  kind: DecisionKind;
  /** EXTENSION: the label's new last day. WITHDRAWAL: the last day the label still holds. */
  labelEndsOn: string;
  decidedOn: string;
  publishedOn: string | null;
  conditionMetOn: string | null;
}

/** The values of the amending decision (its own row; the amended one is kept as it was). */
export interface AmendmentValues {
  outcome: LabellingOutcome;
  durationYears: number | null;
  validFrom: string | null;
  validUntil: string;
}

const field = (name: string) => ['input', name];

function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * A later decision of the State on a pole's label for a phase: an EXTENSION carries the label to
 * a later end (DERBI, 28 Dec 2023: labelled for 2024–2026), a WITHDRAWAL ends it before its term.
 * Only a label can be amended (a pole's INITIAL decision that labelled it), never beyond the
 * phase's end, and nothing after a withdrawal. `amendments` are the decisions that already amend
 * it, in any order.
 */
export function amendmentValues(
  amended: AmendedDecision,
  amendments: readonly AmendedDecision[],
  phaseEndsOn: string,
  request: AmendmentRequest,
): AmendmentValues {
  if (request.kind === DecisionKind.INITIAL) {
    refuse(
      UserErrorCode.INVALID,
      field('kind'),
      'An amendment is an EXTENSION or a WITHDRAWAL; a first decision goes through decideLabelling',
    );
  }
  if (amended.kind !== DecisionKind.INITIAL) {
    refuse(
      UserErrorCode.INVALID,
      field('decisionId'),
      'Amend the pole’s first decision for the phase (kind INITIAL), not an amendment',
    );
  }
  if (amended.outcome === LabellingOutcome.NOT_LABELLED || amended.validUntil === null) {
    refuse(
      UserErrorCode.INVALID,
      field('decisionId'),
      'The pole was not labelled by that decision: there is no label to extend or withdraw',
    );
  }
  if (amendments.some((amendment) => amendment.kind === DecisionKind.WITHDRAWAL)) {
    refuse(
      UserErrorCode.INVALID,
      field('decisionId'),
      'The label was withdrawn already: record a new decision for the pole instead',
    );
  }
  const latest = [amended, ...amendments].reduce((last, decision) =>
    decision.decidedOn > last.decidedOn ? decision : last,
  );
  if (request.decidedOn < latest.decidedOn) {
    refuse(
      UserErrorCode.INVALID,
      field('decidedOn'),
      `decidedOn (${request.decidedOn}) comes before the decision it amends (${latest.decidedOn})`,
    );
  }
  if (request.publishedOn !== null && request.publishedOn < request.decidedOn) {
    refuse(
      UserErrorCode.INVALID,
      field('publishedOn'),
      `publishedOn (${request.publishedOn}) comes before decidedOn (${request.decidedOn})`,
    );
  }
  const currentEnd = [amended, ...amendments]
    .map((decision) => decision.validUntil ?? '')
    .reduce((last, end) => (end > last ? end : last));
  const labelStart = amended.validFrom ?? amended.decidedOn;
  if (request.kind === DecisionKind.WITHDRAWAL) {
    if (request.conditionMetOn !== null) {
      refuse(
        UserErrorCode.INVALID,
        field('conditionMetOn'),
        'A withdrawal meets no condition: leave conditionMetOn out',
      );
    }
    if (request.labelEndsOn >= currentEnd || request.labelEndsOn < labelStart) {
      refuse(
        UserErrorCode.INVALID,
        field('labelEndsOn'),
        `A withdrawal ends the label before its term: labelEndsOn must be from ${labelStart} ` +
          `and before ${currentEnd}`,
      );
    }
    return {
      outcome: LabellingOutcome.NOT_LABELLED,
      durationYears: null,
      validFrom: null,
      validUntil: request.labelEndsOn,
    };
  }
  if (request.labelEndsOn <= currentEnd || request.labelEndsOn > phaseEndsOn) {
    refuse(
      UserErrorCode.INVALID,
      field('labelEndsOn'),
      `An extension carries the label past ${currentEnd}, at most to the phase’s end ` +
        `(${phaseEndsOn})`,
    );
  }
  if (request.conditionMetOn !== null && request.conditionMetOn > request.decidedOn) {
    refuse(
      UserErrorCode.INVALID,
      field('conditionMetOn'),
      `conditionMetOn (${request.conditionMetOn}) comes after the decision (${request.decidedOn})`,
    );
  }
  const validFrom = nextDay(currentEnd);
  return {
    outcome: LabellingOutcome.LABELLED,
    durationYears: Number(request.labelEndsOn.slice(0, 4)) - Number(validFrom.slice(0, 4)) + 1,
    validFrom,
    validUntil: request.labelEndsOn,
  };
}
