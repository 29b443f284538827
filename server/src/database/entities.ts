import { AuditLogEntry } from '../audit/audit-log-entry.entity';
import { ApiToken } from '../auth/api-token.entity';
import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import { Member } from '../member/member.entity';
import { Membership } from '../member/membership.entity';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { PoleYear } from '../pole/pole-year.entity';
import { Project } from '../project/project.entity';
import { ProjectPartner } from '../project/project-partner.entity';
import { ProjectStatusChange } from '../project/project-status-change.entity';
import { Region } from '../region/region.entity';
import { ClusterLabel } from '../selection/cluster-label.entity';
import { Criterion } from '../selection/criterion.entity';
import { Evaluation } from '../selection/evaluation.entity';
import { EvaluationScore } from '../selection/evaluation-score.entity';
import { LabellingDecision } from '../selection/labelling-decision.entity';
import { LabellingPhase } from '../selection/labelling-phase.entity';
import { Theme } from '../theme/theme.entity';

/** Every stored entity, in an order where each one's references come before it. */
export const ENTITIES = [
  Region,
  Ministry,
  Theme,
  FundingProgramme,
  Pole,
  PoleYear,
  Member,
  Membership,
  Project,
  ProjectPartner,
  ProjectStatusChange,
  LabellingPhase,
  Criterion,
  Evaluation,
  EvaluationScore,
  LabellingDecision,
  ClusterLabel,
  AuditLogEntry,
  ApiToken,
];
