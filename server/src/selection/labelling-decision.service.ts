import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { referencedId } from '../database/unit-of-work/references';
import { checkExpectedVersion, writeAtVersion } from '../database/unit-of-work/upsert-at-version';
import { Pole } from '../pole/pole.entity';
import { LabellingDecision } from './labelling-decision.entity';
import type { LabellingPhase } from './labelling-phase.entity';
import { phaseByNumber } from './labelling-phase.service';
import { DecisionKind, LabellingOutcome } from './selection.enums';
import type { DecideLabellingInput } from './selection.input';

/**
 * A label granted with the phase runs from the phase's first day for its duration, never beyond
 * the phase's last day; no validity without a label.
 */
export function labelValidity(
  phase: Pick<LabellingPhase, 'startYear' | 'endYear'>,
  durationYears: number | null,
): { validFrom: string | null; validUntil: string | null } {
  if (durationYears === null) return { validFrom: null, validUntil: null };
  const lastYear = Math.min(phase.startYear + durationYears - 1, phase.endYear);
  return { validFrom: `${phase.startYear}-01-01`, validUntil: `${lastYear}-12-31` };
}

/**
 * Records the State's decision on a pole for a phase: creates it the first time; afterwards
 * updates it, at the version the caller read.
 */
export async function decideLabelling(
  { manager, audit, caller }: MutationScope,
  input: DecideLabellingInput,
): Promise<{ decision: LabellingDecision }> {
  assertMayWrite(caller, 'decideLabelling');
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  const phase = await phaseByNumber(manager, input.phaseNumber, ['input', 'phaseNumber']);
  const existing = await manager.findOneBy(LabellingDecision, {
    poleId,
    phaseId: phase.id,
    kind: DecisionKind.INITIAL,
  });
  const expectedVersion = input.expectedVersion ?? null;
  checkExpectedVersion(LabellingDecision, existing, expectedVersion, {
    exists: (version) =>
      `The pole has a decision for phase ${phase.number} already ` +
      `(version ${version}): send expectedVersion to change it`,
    missing:
      `The pole has no decision for phase ${phase.number} yet: ` +
      'leave expectedVersion out to create it',
  });
  const durationYears = input.durationYears ?? null;
  if (input.outcome === LabellingOutcome.NOT_LABELLED && durationYears !== null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'durationYears'],
      'A pole that is not labelled is granted no duration: leave durationYears out',
    );
  }
  if (input.outcome !== LabellingOutcome.NOT_LABELLED && durationYears === null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'durationYears'],
      `A ${input.outcome} decision says for how many years (1 to 4)`,
    );
  }
  const publishedOn = input.publishedOn ?? null;
  if (publishedOn !== null && publishedOn < input.decidedOn) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'publishedOn'],
      `publishedOn (${publishedOn}) comes before decidedOn (${input.decidedOn})`,
    );
  }
  const values = {
    outcome: input.outcome,
    durationYears,
    ...labelValidity(phase, durationYears),
    decidedOn: input.decidedOn,
    publishedOn,
    rationale: input.rationale,
  };
  const decision = await writeAtVersion(
    manager,
    audit,
    LabellingDecision,
    existing,
    expectedVersion,
    { poleId, phaseId: phase.id },
    values,
  );
  return { decision };
}
