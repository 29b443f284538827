import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { ClusterLabel } from './cluster-label.entity';
import { LabellingDecision } from './labelling-decision.entity';
import {
  ClusterLabelLevel,
  DecisionKind,
  ExtensionCondition,
  LabellingOutcome,
} from './selection.enums';

export const LABELLING_DECISION_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'LabellingDecision',
  entity: LabellingDecision,
  table: 'labelling_decision',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The decision’s global id.' },
    outcome: {
      kind: 'enum',
      column: 'outcome',
      enum: { type: LabellingOutcome, name: 'LabellingOutcome' },
      description: 'Labelled, on probation, or not labelled.',
    },
    durationYears: {
      kind: 'int',
      column: 'durationYears',
      nullable: true,
      description: 'Years granted.',
    },
    decidedOn: { kind: 'date', column: 'decidedOn', description: 'Decision date.' },
    kind: {
      kind: 'enum',
      column: 'kind',
      enum: { type: DecisionKind, name: 'DecisionKind' },
      description: 'First decision of the phase, or a later extension or withdrawal.',
    },
    validFrom: {
      kind: 'date',
      column: 'validFrom',
      nullable: true,
      description: 'First day of validity.',
    },
    validUntil: {
      kind: 'date',
      column: 'validUntil',
      nullable: true,
      description: 'Last day of validity.',
    },
    extensionCondition: {
      kind: 'enum',
      column: 'extensionCondition',
      enum: { type: ExtensionCondition, name: 'ExtensionCondition' },
      nullable: true,
      description: 'Condition for extending the label.',
    },
    newPole: { kind: 'boolean', column: 'newPole', description: 'Labels a new pole.' },
    publishedOn: {
      kind: 'date',
      column: 'publishedOn',
      nullable: true,
      description: 'Publication date.',
    },
  },
  orderFields: { DECIDED_ON: 'decidedOn', OUTCOME: 'outcome' },
  defaultOrder: [{ field: 'DECIDED_ON', direction: 'DESC' }],
  aggregateFields: ['durationYears'],
});

export const CLUSTER_LABEL_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'ClusterLabel',
  entity: ClusterLabel,
  table: 'cluster_label',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The label’s global id.' },
    level: {
      kind: 'enum',
      column: 'level',
      enum: { type: ClusterLabelLevel, name: 'ClusterLabelLevel' },
      description: 'Bronze, silver or gold.',
    },
    awardedOn: { kind: 'date', column: 'awardedOn', description: 'Award date.' },
    validUntil: { kind: 'date', column: 'validUntil', description: 'Last valid day.' },
    renewal: { kind: 'boolean', column: 'renewal', description: 'Renews an earlier label.' },
  },
  orderFields: { AWARDED_ON: 'awardedOn' },
  defaultOrder: [{ field: 'AWARDED_ON', direction: 'DESC' }],
  aggregateFields: [],
});
