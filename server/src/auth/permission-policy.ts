import { DomainError } from '../core/domain-error';
import { relatedTo } from '../database/query/relation-graph';
import { type Caller, Role } from './roles';

/**
 * THE permission policy: every rule of the permission matrix (README) lives here, as SQL
 * conditions so that lists, counts, aggregates, filters and single fields all obey the same
 * rule. Scope ids are inlined as integer literals (they come from the token, never from the
 * request), which keeps the conditions free of parameters and reusable anywhere in a statement.
 */

const NONE = '1 = 0';

function readsEverything(caller: Caller): boolean {
  return (
    caller.kind === 'token' && (caller.role === Role.ADMIN || caller.role === Role.MINISTRY_ANALYST)
  );
}

function isAdmin(caller: Caller): boolean {
  return caller.kind === 'token' && caller.role === Role.ADMIN;
}

function scopeId(value: number | null): number {
  if (!Number.isSafeInteger(value)) throw new Error('A scoped token has no scope id');
  return value as number;
}

/** Projects the caller may see in detail, as a condition on a project id expression. */
function projectDetail(caller: Caller, projectId: string): string | null {
  if (readsEverything(caller)) return null;
  if (caller.kind !== 'token') return NONE;
  if (caller.role === Role.REGION_OFFICER) {
    return relatedTo('Project', 'region', projectId, scopeId(caller.regionId), 'sr');
  }
  if (caller.role === Role.POLE_MANAGER) {
    return relatedTo('Project', 'pole', projectId, scopeId(caller.poleId), 'sp');
  }
  return NONE;
}

/** Poles the caller may see in detail, as a condition on a pole id expression. */
function poleDetail(caller: Caller, poleId: string): string | null {
  if (readsEverything(caller)) return null;
  if (caller.kind !== 'token') return NONE;
  if (caller.role === Role.REGION_OFFICER) {
    return `${poleId} IN (SELECT sp.\`id\` FROM \`pole\` sp WHERE sp.\`headquartersRegionId\` = ${scopeId(caller.regionId)})`;
  }
  if (caller.role === Role.POLE_MANAGER) return `${poleId} = ${scopeId(caller.poleId)}`;
  return NONE;
}

function memberDetail(caller: Caller, alias: string): string | null {
  if (readsEverything(caller)) return null;
  if (caller.kind !== 'token') return NONE;
  if (caller.role === Role.REGION_OFFICER)
    return `${alias}.\`regionId\` = ${scopeId(caller.regionId)}`;
  if (caller.role === Role.POLE_MANAGER) {
    return relatedTo('Member', 'pole', `${alias}.\`id\``, scopeId(caller.poleId), 'sm');
  }
  return NONE;
}

function evaluationDetail(caller: Caller, alias: string): string | null {
  const ofPole = poleDetail(caller, `${alias}.\`poleId\``);
  // A region officer also sees the evaluations its own region made.
  if (ofPole && caller.kind === 'token' && caller.role === Role.REGION_OFFICER) {
    return `(${ofPole} OR ${alias}.\`regionId\` = ${scopeId(caller.regionId)})`;
  }
  return ofPole;
}

/**
 * The rows of `typeName` whose detail (restricted fields) the caller may read, as an SQL
 * condition on `alias`; null: all of them.
 */
export function detailCondition(caller: Caller, typeName: string, alias: string): string | null {
  switch (typeName) {
    case 'Project':
      return projectDetail(caller, `${alias}.\`id\``);
    case 'ProjectPartner':
    case 'ProjectStatusChange':
      return projectDetail(caller, `${alias}.\`projectId\``);
    case 'Pole':
      return poleDetail(caller, `${alias}.\`id\``);
    case 'PoleYear':
    case 'Membership':
      return poleDetail(caller, `${alias}.\`poleId\``);
    case 'Member':
      return memberDetail(caller, alias);
    case 'Evaluation':
      return evaluationDetail(caller, alias);
    case 'EvaluationScore': {
      const ofEvaluation = evaluationDetail(caller, 'se');
      return (
        ofEvaluation &&
        `${alias}.\`evaluationId\` IN (SELECT se.\`id\` FROM \`evaluation\` se WHERE ${ofEvaluation})`
      );
    }
    case 'LabellingDecision':
      return readsEverything(caller) ? null : NONE;
    case 'AuditLogEntry':
    case 'ApiToken':
      return isAdmin(caller) ? null : NONE;
    default:
      return null;
  }
}

/** Types whose rows are detail through and through: a caller without the right sees none. */
const DETAIL_ONLY_TYPES = new Set([
  'PoleYear',
  'ProjectPartner',
  'ProjectStatusChange',
  'Evaluation',
  'EvaluationScore',
  'AuditLogEntry',
  'ApiToken',
]);

/** The rows of `typeName` the caller may see at all, as an SQL condition on `alias`; null: all. */
export function rowCondition(caller: Caller, typeName: string, alias: string): string | null {
  if (DETAIL_ONLY_TYPES.has(typeName)) return detailCondition(caller, typeName, alias);
  // Decisions are public once published; drafts stay with those who read everything.
  if (typeName === 'LabellingDecision')
    return readsEverything(caller) ? null : `${alias}.\`publishedOn\` IS NOT NULL`;
  return null;
}

/**
 * Fields (and the filters, sort keys and sums over them) that only the detail right reveals.
 * Filtering or summing on them without the right sees no value, so statistics cannot leak
 * what detail hides. Detail-only relations (partners, regions, coordinator of a project) are
 * declared as such in the relation graph (database/relationships.ts), which every channel reads.
 */
export const DETAIL_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Project: new Set([
    'totalBudget',
    'publicFundingRequested',
    'publicFundingGranted',
    'coordinatorId',
    'coordinator',
    'partners',
    'history',
    'regions',
    // A record's timestamps tell when its hidden history began and last changed.
    'createdAt',
    'updatedAt',
  ]),
  Member: new Set(['contactName', 'contactEmail']),
  Membership: new Set(['yearlyFee']),
  Pole: new Set(['years']),
  PoleIndicators: new Set(['privateFundingShare', 'fundingRaised']),
};

export function isDetailField(typeName: string, field: string): boolean {
  return DETAIL_FIELDS[typeName]?.has(field) ?? false;
}

/** Who may read the detail of each type, for the FORBIDDEN message. */
const WHO_READS_DETAIL: Record<string, string> = {
  Project: 'ministry analysts, the officers of the project’s regions and the managers of its poles',
  Member: 'ministry analysts, the officers of the member’s region and the managers of its poles',
  Membership: 'ministry analysts, the officers of the pole’s region and the pole’s managers',
  Pole: 'ministry analysts, the officers of the pole’s region and the pole’s managers',
  PoleIndicators: 'ministry analysts, the officers of the pole’s region and the pole’s managers',
};

export function forbiddenFieldMessage(caller: Caller, typeName: string, field: string): string {
  const who = WHO_READS_DETAIL[typeName] ?? 'administrators';
  const hint =
    caller.kind === 'anonymous' ? ' Send an API token (Authorization: Bearer <token>).' : '';
  return `${typeName}.${field} is confidential: only ${who} may read it.${hint}`;
}

// ---- Writes -------------------------------------------------------------------------------

export type WriteAction =
  | 'manageMembers'
  | 'admitMember'
  | 'managePole'
  | 'manageProjectsOfPole'
  | 'recordEvaluation'
  | 'decideLabelling'
  | 'manageTokens'
  | 'manageWebhooks';

export interface WriteTarget {
  poleId?: number;
  /** Poles the member concerned belongs to today (for changes to an existing member). */
  memberPoleIds?: number[];
  /** Headquarters region of the pole concerned. */
  poleRegionId?: number;
  /** The ministry or region an evaluation is made in the name of. */
  evaluatorMinistryId?: number | null;
  evaluatorRegionId?: number | null;
}

/**
 * Whether the caller may do `action` on `target`: administrators everything; pole managers
 * their pole’s members, projects and figures; region officers and ministry analysts record
 * evaluations in the name of their own region or ministry (for region officers, of poles of
 * their region).
 */
export function mayWrite(caller: Caller, action: WriteAction, target: WriteTarget = {}): boolean {
  if (caller.kind !== 'token') return false;
  if (caller.role === Role.ADMIN) return true;
  switch (action) {
    case 'manageMembers':
      // Any pole manager may register a new organisation. An existing one's identity and
      // contacts it may change only while the organisation belongs to its pole alone: a member
      // other poles share is changed by an administrator (no pole takes over a shared member).
      return (
        caller.role === Role.POLE_MANAGER &&
        (target.memberPoleIds === undefined ||
          (target.memberPoleIds.length > 0 &&
            target.memberPoleIds.every((poleId) => poleId === caller.poleId)))
      );
    case 'admitMember':
      // Joining a pole hands that pole's managers the member's contacts: a pole manager admits
      // only organisations that belong to no other pole today; an administrator admits the rest.
      return (
        caller.role === Role.POLE_MANAGER &&
        target.poleId === caller.poleId &&
        (target.memberPoleIds ?? []).every((poleId) => poleId === caller.poleId)
      );
    case 'managePole':
    case 'manageProjectsOfPole':
      return caller.role === Role.POLE_MANAGER && target.poleId === caller.poleId;
    case 'recordEvaluation':
      if (caller.role === Role.MINISTRY_ANALYST) {
        return target.evaluatorMinistryId === caller.ministryId && !target.evaluatorRegionId;
      }
      if (caller.role === Role.REGION_OFFICER) {
        return (
          target.evaluatorRegionId === caller.regionId &&
          !target.evaluatorMinistryId &&
          target.poleRegionId === caller.regionId
        );
      }
      return false;
    default:
      return false;
  }
}

const WRITE_RULES: Record<WriteAction, string> = {
  manageMembers:
    'administrators and pole managers (for an existing member, the managers of the one pole it belongs to; a member shared by several poles, or by none, only administrators)',
  admitMember:
    'administrators and the pole’s managers (pole managers only for organisations that belong to no other pole)',
  managePole: 'administrators and the pole’s managers',
  manageProjectsOfPole: 'administrators and the managers of the project’s lead pole',
  recordEvaluation:
    'administrators, ministry analysts in the name of their ministry, and region officers in the name of their region for poles headquartered there',
  decideLabelling: 'administrators',
  manageTokens: 'administrators',
  manageWebhooks: 'administrators',
};

export function forbiddenWriteMessage(caller: Caller, action: WriteAction): string {
  const hint =
    caller.kind === 'anonymous' ? ' Send an API token (Authorization: Bearer <token>).' : '';
  return `Only ${WRITE_RULES[action]} may do this.${hint}`;
}

/** Refuses the write with a top-level FORBIDDEN error when the policy does not allow it. */
export function assertMayWrite(
  caller: Caller,
  action: WriteAction,
  target: WriteTarget = {},
): void {
  if (!mayWrite(caller, action, target)) {
    throw new DomainError(
      caller.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      forbiddenWriteMessage(caller, action),
    );
  }
}
