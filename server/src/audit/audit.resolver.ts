import type { GraphQLResolveInfo } from 'graphql';
import {
  Args,
  Ctx,
  Field,
  FieldResolver,
  Info,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { toGlobalId } from '../core/global-id';
import {
  type AuditFieldChangeValue,
  AuditLogEntry,
} from '../database/unit-of-work/audit-log-entry.entity';
import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { AUDIT_LOG_COLLECTION } from './audit.collection';

@ObjectType({ description: 'One field of a record as it was before and after a change.' })
export class AuditFieldChange {
  @Field({ description: 'The field’s name.' })
  field!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Value before, as text (null: none, or created).',
  })
  before!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Value after, as text (null: none, or deleted).',
  })
  after!: string | null;
}

@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @Query(() => connectionOf(AUDIT_LOG_COLLECTION), {
    description: 'The audit log (journal d’audit): every write made through the API, newest first.',
  })
  auditLog(
    @Args(() => listArgsType(AUDIT_LOG_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, AUDIT_LOG_COLLECTION, args, info);
  }

  @FieldResolver(() => [AuditFieldChange], {
    description: 'The fields that changed, before and after.',
  })
  changes(@Root() entry: AuditLogEntry): AuditFieldChangeValue[] {
    return JSON.parse(entry.changesJson) as AuditFieldChangeValue[];
  }

  @FieldResolver(() => String, { description: 'Global id of the changed record (for node(id:)).' })
  recordGlobalId(@Root() entry: AuditLogEntry): string {
    return toGlobalId(entry.recordType, entry.recordId);
  }
}
