import { registerEnumType } from 'type-graphql';

export enum PoleKind {
  COMPETITIVENESS_CLUSTER = 'COMPETITIVENESS_CLUSTER',
  OTHER_CLUSTER = 'OTHER_CLUSTER',
}

registerEnumType(PoleKind, {
  name: 'PoleKind',
  description: 'What kind of cluster an organisation is.',
  valuesConfig: {
    COMPETITIVENESS_CLUSTER: {
      description: 'A pôle de compétitivité, labelled (or once labelled) by the State.',
    },
    OTHER_CLUSTER: {
      description: 'Another cluster or network (grappe d’entreprises, cluster régional).',
    },
  },
});

export enum PoleStatus {
  LABELLED = 'LABELLED',
  NOT_LABELLED = 'NOT_LABELLED',
  MERGED = 'MERGED',
  DISSOLVED = 'DISSOLVED',
}

registerEnumType(PoleStatus, {
  name: 'PoleStatus',
  description: 'Where a pole stands today.',
  valuesConfig: {
    LABELLED: { description: 'Holds the State label for the current phase (labellisé).' },
    NOT_LABELLED: { description: 'Was not labelled for the current phase (non labellisé).' },
    MERGED: { description: 'Merged into another pole (fusionné).' },
    DISSOLVED: { description: 'No longer exists (dissous).' },
  },
});
