import { payloadType } from '../graphql/mutation/payload';
import { ClusterLabel } from './cluster-label.entity';
import { Evaluation } from './evaluation.entity';
import { LabellingDecision } from './labelling-decision.entity';
import { LabellingPhase } from './labelling-phase.entity';

export const OpenLabellingPhasePayload = payloadType(
  'OpenLabellingPhase',
  'phase',
  () => LabellingPhase,
  'The phase opened, with its criteria; null when refused.',
);
export const RecordEvaluationPayload = payloadType(
  'RecordEvaluation',
  'evaluation',
  () => Evaluation,
  'The evaluation recorded, with its scores; null when refused.',
);
export const DecideLabellingPayload = payloadType(
  'DecideLabelling',
  'decision',
  () => LabellingDecision,
  'The decision as recorded; null when refused.',
);
export const RecordClusterLabelPayload = payloadType(
  'RecordClusterLabel',
  'clusterLabel',
  () => ClusterLabel,
  'The label recorded; null when refused.',
);
export const AmendLabellingDecisionPayload = payloadType(
  'AmendLabellingDecision',
  'decision',
  () => LabellingDecision,
  'The amending decision as recorded (`amendsDecisionId` names the decision amended); null when refused.',
);
