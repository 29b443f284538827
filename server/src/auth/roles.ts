import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  MINISTRY_ANALYST = 'MINISTRY_ANALYST',
  REGION_OFFICER = 'REGION_OFFICER',
  POLE_MANAGER = 'POLE_MANAGER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an API token may read and write (see the permission matrix in the README).',
  valuesConfig: {
    ADMIN: { description: 'Everything, including draft decisions, tokens and the audit log.' },
    MINISTRY_ANALYST: {
      description: 'Reads all national data; records evaluations in the name of its ministry.',
    },
    REGION_OFFICER: {
      description:
        'Full detail of the projects, poles and members of its region; records its region’s evaluations.',
    },
    POLE_MANAGER: {
      description: 'Full detail of its own pole, its members and projects, and writes them.',
    },
  },
});

/** Who sends a request: nobody (public directory only), or the holder of an API token. */
export type Caller =
  | { kind: 'anonymous'; name: 'anonymous'; ip: string }
  | {
      kind: 'token';
      /** The token's name, shown in audit logs and project histories. */
      name: string;
      tokenId: number;
      role: Role;
      /** The region, ministry or pole the role is limited to (database ids). */
      regionId: number | null;
      ministryId: number | null;
      poleId: number | null;
      ip: string;
    };

export type TokenCaller = Extract<Caller, { kind: 'token' }>;

export function anonymousCaller(ip: string): Caller {
  return { kind: 'anonymous', name: 'anonymous', ip };
}
