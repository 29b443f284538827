import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Role } from '../auth/roles';
import { RateLimit } from './rate-limit.types';

/** A token's role, or ANONYMOUS for a request without a token. */
export const ViewerRole = { ANONYMOUS: 'ANONYMOUS', ...Role } as const;
export type ViewerRole = (typeof ViewerRole)[keyof typeof ViewerRole];

registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description: 'Who the caller is: the role of its API token, or ANONYMOUS without one.',
  valuesConfig: {
    ANONYMOUS: { description: 'No token: the public directory only.' },
    ADMIN: { description: 'An ADMIN token: everything.' },
    MINISTRY_ANALYST: { description: 'A MINISTRY_ANALYST token: national data, its ministry.' },
    REGION_OFFICER: { description: 'A REGION_OFFICER token: full detail of its region.' },
    POLE_MANAGER: { description: 'A POLE_MANAGER token: full detail of its pole.' },
  },
});

export enum ViewerScopeKind {
  REGION = 'REGION',
  MINISTRY = 'MINISTRY',
  POLE = 'POLE',
}

registerEnumType(ViewerScopeKind, {
  name: 'ViewerScopeKind',
  description: 'What a token’s rights are limited to.',
  valuesConfig: {
    REGION: { description: 'A region, by its INSEE code.' },
    MINISTRY: { description: 'A ministry, by its code.' },
    POLE: { description: 'A pole, by its slug.' },
  },
});

@ObjectType({ description: 'The region, ministry or pole a token’s role is limited to.' })
export class ViewerScope {
  @Field(() => ViewerScopeKind, { description: 'Region, ministry or pole.' })
  kind!: ViewerScopeKind;

  @Field({ description: 'The region’s INSEE code, the ministry’s code or the pole’s slug.' })
  code!: string;

  @Field({ description: 'Its name, e.g. "Auvergne-Rhône-Alpes".' })
  name!: string;
}

@ObjectType({
  description:
    'Who is asking: the role and name of the token the request carries (ANONYMOUS without one), ' +
    'what its rights are limited to, and where it stands with the rate limit. The playground ' +
    'shows it as "signed in as ROLE, scope".',
})
export class Viewer {
  @Field(() => ViewerRole, { description: 'The token’s role, or ANONYMOUS.' })
  role!: ViewerRole;

  @Field(() => String, {
    nullable: true,
    description: 'The token’s name (as `npm run token -- list` shows it); null when anonymous.',
  })
  tokenName!: string | null;

  @Field(() => ViewerScope, {
    nullable: true,
    description:
      'The region, ministry or pole the role is limited to; null for ADMIN and anonymous.',
  })
  scope!: ViewerScope | null;

  @Field(() => RateLimit, {
    nullable: true,
    description: 'The caller’s rate limit after this query (as the root `rateLimit` field).',
  })
  rateLimit!: RateLimit | null;
}
