import { registerEnumType } from 'type-graphql';

export enum MemberCategory {
  MICRO = 'MICRO',
  SME = 'SME',
  MID_SIZE = 'MID_SIZE',
  LARGE = 'LARGE',
  RESEARCH = 'RESEARCH',
  TRAINING = 'TRAINING',
  PUBLIC_BODY = 'PUBLIC_BODY',
  OTHER = 'OTHER',
}

registerEnumType(MemberCategory, {
  name: 'MemberCategory',
  description:
    'The kind of organisation a member is, in the categories of the French statistics law.',
  valuesConfig: {
    MICRO: { description: 'Very small firm, under 10 staff (TPE / microentreprise).' },
    SME: { description: 'Small or medium-sized firm, under 250 staff (PME).' },
    MID_SIZE: { description: 'Mid-size firm, under 5,000 staff (ETI).' },
    LARGE: { description: 'Large firm (grande entreprise, GE).' },
    RESEARCH: { description: 'Research organisation or laboratory (organisme de recherche).' },
    TRAINING: { description: 'University, school or training body (établissement de formation).' },
    PUBLIC_BODY: {
      description: 'Local authority or other public body (collectivité, organisme public).',
    },
    OTHER: { description: 'Any other member (association, investor, federation…).' },
  },
});
