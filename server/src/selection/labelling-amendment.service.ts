import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { insertRecord } from '../database/unit-of-work/insert-record';
import { updateIfCurrent } from '../database/unit-of-work/optimistic-update';
import { referencedId } from '../database/unit-of-work/references';
import { lockedReads, takeWriteLock } from '../database/unit-of-work/write-lock';
import { amendmentValues } from './labelling-amendment.rules';
import { LabellingDecision } from './labelling-decision.entity';
import { LabellingPhase } from './labelling-phase.entity';
import { DecisionKind } from './selection.enums';
import type { AmendLabellingDecisionInput } from './selection.input';

/**
 * Records an extension or a withdrawal of a pole's label for a phase (rules in
 * labelling-amendment.rules.ts). Amendments of one label are serialised: two withdrawals sent at
 * once cannot both pass the "not withdrawn yet" check.
 */
export async function amendLabellingDecision(
  { manager, audit, caller }: MutationScope,
  input: AmendLabellingDecisionInput,
): Promise<{ decision: LabellingDecision }> {
  assertMayWrite(caller, 'decideLabelling');
  const amendedId = await referencedId(manager, LabellingDecision, input.decisionId, [
    'input',
    'decisionId',
  ]);
  await takeWriteLock(manager, `labelling_decision:${amendedId}`);
  const lock = lockedReads(manager);
  const amended = await manager.findOne(LabellingDecision, {
    where: { id: amendedId },
    ...(lock && { lock: { mode: lock } }),
  });
  if (!amended) {
    refuse(UserErrorCode.NOT_FOUND, ['input', 'decisionId'], 'No decision has this id');
  }
  const amendments = await manager.find(LabellingDecision, {
    where: { amendsDecisionId: amendedId },
    ...(lock && { lock: { mode: lock } }),
  });
  const phase = await manager.findOneByOrFail(LabellingPhase, { id: amended.phaseId });
  const request = {
    kind: input.kind,
    labelEndsOn: input.labelEndsOn,
    decidedOn: input.decidedOn,
    publishedOn: input.publishedOn ?? null,
    conditionMetOn: input.conditionMetOn ?? null,
  };
  const values = amendmentValues(amended, amendments, `${phase.endYear}-12-31`, request);
  if (request.conditionMetOn !== null) {
    const updated = await updateIfCurrent(manager, LabellingDecision, amended, amended.version, {
      conditionMetOn: request.conditionMetOn,
    });
    audit.record('LabellingDecision', amended.id, amended, updated);
  }
  const decision = await insertRecord(manager, LabellingDecision, {
    poleId: amended.poleId,
    phaseId: amended.phaseId,
    kind: input.kind === DecisionKind.EXTENSION ? DecisionKind.EXTENSION : DecisionKind.WITHDRAWAL,
    amendsDecisionId: amended.id,
    ...values,
    extendableToYears: null,
    extensionCondition: null,
    conditionMetOn: null,
    newPole: false,
    decidedOn: request.decidedOn,
    publishedOn: request.publishedOn,
    rationale: input.rationale,
  });
  audit.record('LabellingDecision', decision.id, null, decision);
  return { decision };
}
