import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { DateTimeScalar } from '../database/entity/scalars/date.scalar';
import { WebhookDeliveryStatus, WebhookEventType, WebhookScopeKind } from './webhook.enums';

@ObjectType({
  implements: Node,
  description:
    'An endpoint that receives signed POSTs (Standard Webhooks) of committed changes, read with ' +
    'the rights of its scope. Administrators only.',
})
@Entity('webhook')
export class Webhook extends BaseRecord {
  @Field({ description: 'Where deliveries are POSTed.' })
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events sent to it.' })
  @Column({ type: 'simple-array' })
  events!: WebhookEventType[];

  /** The `ProjectFilter` of project events, as JSON (null: every project the scope reads). */
  @Column({ type: 'text', nullable: true })
  filterJson!: string | null;

  @Field(() => WebhookScopeKind, { description: 'Whose read rights decide what it receives.' })
  @Column({ type: 'varchar', length: 12 })
  scopeKind!: WebhookScopeKind;

  @Field(() => Int, { nullable: true, description: 'Database key of its region (REGION scope).' })
  @Column({ type: 'int', nullable: true })
  regionId!: number | null;

  @Field(() => Int, { nullable: true, description: 'Database key of its ministry (MINISTRY).' })
  @Column({ type: 'int', nullable: true })
  ministryId!: number | null;

  @Field(() => Int, { nullable: true, description: 'Database key of its pole (POLE scope).' })
  @Column({ type: 'int', nullable: true })
  poleId!: number | null;

  /** The signing secret (`whsec_…`): shown once, by `createWebhook`, never read back. */
  @Column({ type: 'varchar', length: 64 })
  secret!: string;

  @Field({ description: 'Whether deliveries are sent; false once disabled after failing days.' })
  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was disabled, when it was.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  disabledReason!: string | null;

  /** Epoch ms of the first failure of the current run of failures (null: last one succeeded). */
  @Column({ type: 'bigint', nullable: true })
  failingSinceMs!: string | number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Since when every attempt has failed (null: the last one succeeded).',
  })
  get failingSince(): Date | null {
    return this.failingSinceMs === null ? null : new Date(Number(this.failingSinceMs));
  }
}

@ObjectType({
  description:
    'One event for one webhook (the outbox row), written in the same transaction as the change.',
})
@Entity('webhook_delivery')
@Index('IDX_webhook_delivery_due', ['status', 'nextAttemptAtMs'])
export class WebhookDelivery extends BaseRecord {
  @Field(() => Int, { description: 'Database key of its webhook.' })
  @Index()
  @Column({ type: 'int' })
  webhookId!: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhookId' })
  webhook?: Webhook;

  @Field({ description: 'The `webhook-id` header: the same on every retry (deduplicate on it).' })
  @Column({ type: 'varchar', length: 40 })
  messageId!: string;

  @Field(() => WebhookEventType, { description: 'The event.' })
  @Column({ type: 'varchar', length: 40 })
  eventType!: WebhookEventType;

  /** The committed change's event (record ids only), as JSON: the body is read from it. */
  @Column({ type: 'text' })
  eventJson!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The body sent (JSON), read with the scope’s rights at the first attempt.',
  })
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  @Column({ type: 'varchar', length: 12 })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'POSTs made so far.' })
  @Column({ type: 'int', default: 0 })
  attemptCount!: number;

  /** Epoch ms when it is due (first try, or next retry). */
  @Column({ type: 'bigint' })
  nextAttemptAtMs!: string | number;

  /** The process sending it (SENDING), and until when that claim holds. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'bigint', nullable: true })
  claimUntilMs!: string | number | null;

  @Field(() => String, { nullable: true, description: 'The last attempt’s error, if it failed.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Field(() => [WebhookAttempt], { description: 'Its attempts, oldest first.' })
  @OneToMany(() => WebhookAttempt, (attempt) => attempt.delivery)
  attempts?: WebhookAttempt[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it is due (PENDING), null otherwise.',
  })
  get nextAttemptAt(): Date | null {
    return this.status === WebhookDeliveryStatus.PENDING
      ? new Date(Number(this.nextAttemptAtMs))
      : null;
  }
}

@ObjectType({ description: 'One POST of a delivery: what the endpoint answered, and how fast.' })
@Entity('webhook_attempt')
export class WebhookAttempt extends BaseRecord {
  @Field(() => Int, { description: 'Database key of its delivery.' })
  @Index()
  @Column({ type: 'int' })
  deliveryId!: number;

  @ManyToOne(() => WebhookDelivery, (delivery) => delivery.attempts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deliveryId' })
  delivery?: WebhookDelivery;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered (null: no answer).' })
  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  @Field(() => Int, { description: 'How long the POST took, in milliseconds.' })
  @Column({ type: 'int' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed (null: it succeeded).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;
}
