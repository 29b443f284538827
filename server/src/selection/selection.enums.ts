import { registerEnumType } from 'type-graphql';

export enum CriterionMeasurement {
  INDICATOR = 'INDICATOR',
  SCORE = 'SCORE',
}

registerEnumType(CriterionMeasurement, {
  name: 'CriterionMeasurement',
  description: 'How a selection criterion is measured.',
  valuesConfig: {
    INDICATOR: { description: 'Computed from the data (an indicator of the pole).' },
    SCORE: { description: 'Scored from 0 to 100 by an evaluator (ministry or region).' },
  },
});

export enum PoleIndicator {
  MEMBERS_COUNT = 'MEMBERS_COUNT',
  SME_SHARE = 'SME_SHARE',
  PRIVATE_FUNDING_SHARE = 'PRIVATE_FUNDING_SHARE',
  EUROPEAN_PROJECTS = 'EUROPEAN_PROJECTS',
  COLLABORATIVE_PROJECTS = 'COLLABORATIVE_PROJECTS',
  FUNDING_RAISED = 'FUNDING_RAISED',
}

registerEnumType(PoleIndicator, {
  name: 'PoleIndicator',
  description: 'A figure about a pole that the selection criteria look at, computed from the data.',
  valuesConfig: {
    MEMBERS_COUNT: { description: 'Active members at the end of the year (adhérents).' },
    SME_SHARE: { description: 'Share of micro firms and SMEs among active members, from 0 to 1.' },
    PRIVATE_FUNDING_SHARE: {
      description: 'Share of the pole’s budget funded privately, from 0 to 1.',
    },
    EUROPEAN_PROJECTS: {
      description: 'European projects the pole led or co-labelled in the phase.',
    },
    COLLABORATIVE_PROJECTS: {
      description: 'Collaborative projects the pole labelled in the phase.',
    },
    FUNDING_RAISED: {
      description: 'Public funding granted to the pole’s projects in the phase, in euros.',
    },
  },
});

export enum LabellingOutcome {
  LABELLED = 'LABELLED',
  LABELLED_PROBATION = 'LABELLED_PROBATION',
  NOT_LABELLED = 'NOT_LABELLED',
}

registerEnumType(LabellingOutcome, {
  name: 'LabellingOutcome',
  description: 'The outcome of a labelling decision (décision de labellisation).',
  valuesConfig: {
    LABELLED: { description: 'Labelled for the whole phase, usually 4 years (labellisé).' },
    LABELLED_PROBATION: {
      description:
        'Labelled for 1 or 2 years under conditions, extendable to the whole phase (labellisé sous conditions).',
    },
    NOT_LABELLED: { description: 'Not labelled (non labellisé).' },
  },
});

export enum ClusterLabelLevel {
  BRONZE = 'BRONZE',
  SILVER = 'SILVER',
  GOLD = 'GOLD',
}

registerEnumType(ClusterLabelLevel, {
  name: 'ClusterLabelLevel',
  description:
    'Level of a European cluster-management label (European Cluster Excellence Initiative).',
  valuesConfig: {
    BRONZE: { description: '“Striving for Cluster Excellence”: a benchmarking on 36 indicators.' },
    SILVER: {
      description: '“Dedicated to Cluster Excellence”: a second benchmarking and an audit.',
    },
    GOLD: {
      description: '“Cluster Management Excellence”: at least 80% over 31 quality indicators.',
    },
  },
});

export enum DecisionKind {
  INITIAL = 'INITIAL',
  EXTENSION = 'EXTENSION',
  WITHDRAWAL = 'WITHDRAWAL',
}

registerEnumType(DecisionKind, {
  name: 'DecisionKind',
  description: 'Whether a decision is a pole’s first for the phase or a later one amending it.',
  valuesConfig: {
    INITIAL: { description: 'The pole’s first decision for the phase.' },
    EXTENSION: {
      description:
        'A later decision extending an earlier label (e.g. DERBI, 28 Dec 2023: labelled for ' +
        '2024–2026).',
    },
    WITHDRAWAL: { description: 'A later decision withdrawing an earlier label before its end.' },
  },
});

export enum ExtensionCondition {
  CONSOLIDATED_ROADMAP_AND_BUSINESS_MODEL = 'CONSOLIDATED_ROADMAP_AND_BUSINESS_MODEL',
  EFFECTIVE_STRUCTURING = 'EFFECTIVE_STRUCTURING',
  REQUESTED_MERGER = 'REQUESTED_MERGER',
  SELECTION_COMMITTEE_REVIEW = 'SELECTION_COMMITTEE_REVIEW',
}

registerEnumType(ExtensionCondition, {
  name: 'ExtensionCondition',
  description: 'On what condition a label granted for less than the phase can be extended.',
  valuesConfig: {
    CONSOLIDATED_ROADMAP_AND_BUSINESS_MODEL: {
      description: '« Une feuille de route et un modèle d’affaires consolidés » (1-year labels).',
    },
    EFFECTIVE_STRUCTURING: {
      description: '« Sous la condition d’une structuration effective » (new poles).',
    },
    REQUESTED_MERGER: {
      description: 'A merger the State asked for (e.g. DERBI with the Cemater cluster).',
    },
    SELECTION_COMMITTEE_REVIEW: {
      description: 'A new review by the selection committee (poles « surveillés »).',
    },
  },
});

export enum CriterionValueStatus {
  KNOWN = 'KNOWN',
  MISSING = 'MISSING',
  CONFIDENTIAL = 'CONFIDENTIAL',
}

registerEnumType(CriterionValueStatus, {
  name: 'CriterionValueStatus',
  description:
    'Why a criterion assessment has a value or not: a page can then say “confidentiel” or “non ' +
    'renseigné” instead of greying both alike.',
  valuesConfig: {
    KNOWN: { description: 'The value is given.' },
    MISSING: {
      description: 'There is no value: no figures reported for the year, no score given.',
    },
    CONFIDENTIAL: {
      description:
        'The value is confidential to you (the pole’s detail right is needed); says nothing ' +
        'of whether one exists.',
    },
  },
});
