import { registerEnumType } from 'type-graphql';

/** Whose read permissions decide what an endpoint receives. */
export enum WebhookScopeKind {
  ALL = 'ALL',
  MINISTRY = 'MINISTRY',
  REGION = 'REGION',
  POLE = 'POLE',
}

registerEnumType(WebhookScopeKind, {
  name: 'WebhookScopeKind',
  description:
    'The read rights a webhook receives events with, exactly as a token of that scope would read.',
  valuesConfig: {
    ALL: { description: 'All national data, as a ministry analyst reads it.' },
    MINISTRY: { description: 'A ministry’s rights (`ministryCode`), as its analysts read.' },
    REGION: { description: 'A region’s rights (`regionCode`), as its region officers read.' },
    POLE: { description: 'A pole’s rights (`poleId`), as its managers read.' },
  },
});

/** The events an endpoint may ask for: one per subscription. */
export enum WebhookEventType {
  projectStatusChanged = 'projectStatusChanged',
  projectUpdated = 'projectUpdated',
  evaluationRecorded = 'evaluationRecorded',
  labellingDecisionPublished = 'labellingDecisionPublished',
  membershipChanged = 'membershipChanged',
}

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'An event a webhook may receive; the body is that subscription’s payload.',
  valuesConfig: {
    projectStatusChanged: { description: 'A project changed status (`projectStatusChanged`).' },
    projectUpdated: {
      description: 'A project was created, or its amounts, dates or partners changed.',
    },
    evaluationRecorded: { description: 'An evaluation of a pole was recorded.' },
    labellingDecisionPublished: { description: 'A labelling decision was published.' },
    membershipChanged: { description: 'A membership was created or changed.' },
  },
});

/** Where one delivery stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where one delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first try, or for its next retry (`nextAttemptAt`).' },
    SENDING: { description: 'Claimed by a server process that is sending it now.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Given up: still failing at the end of the retry window.' },
    SKIPPED: {
      description:
        'Not sent: the webhook’s scope may not read the record, its filter does not hold, or the webhook was disabled.',
    },
  },
});
