import { registerEnumType } from 'type-graphql';

export enum ProjectStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  LABELLED = 'LABELLED',
  FUNDED = 'FUNDED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  ABANDONED = 'ABANDONED',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description:
    'Where a collaborative project stands in its life: ' +
    'DRAFT → SUBMITTED → LABELLED → FUNDED → IN_PROGRESS → COMPLETED, or REJECTED / ABANDONED.',
  valuesConfig: {
    DRAFT: { description: 'Being put together (en montage).' },
    SUBMITTED: { description: 'Submitted to the pole for its label (soumis à labellisation).' },
    LABELLED: { description: 'Labelled by the pole (labellisé), looking for funding.' },
    FUNDED: { description: 'Public funding granted (financé).' },
    IN_PROGRESS: { description: 'Running (en cours).' },
    COMPLETED: { description: 'Finished (terminé).' },
    REJECTED: {
      description: 'Refused by the pole or by the funders (non labellisé / non retenu).',
    },
    ABANDONED: { description: 'Stopped by its partners (abandonné).' },
  },
});

export enum PartnerRole {
  COORDINATOR = 'COORDINATOR',
  PARTNER = 'PARTNER',
  SUBCONTRACTOR = 'SUBCONTRACTOR',
}

registerEnumType(PartnerRole, {
  name: 'PartnerRole',
  description: 'The part a member plays in a project.',
  valuesConfig: {
    COORDINATOR: { description: 'Leads the consortium (chef de file, coordinateur).' },
    PARTNER: { description: 'A full partner of the consortium (partenaire).' },
    SUBCONTRACTOR: { description: 'Works for a partner under contract (sous-traitant).' },
  },
});
