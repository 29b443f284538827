import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { runMutation } from '../graphql/mutation/mutation-runner';
import { Webhook, WebhookDelivery } from './webhook.entity';
import { CreateWebhookInput, UpdateWebhookInput } from './webhook.input';
import {
  CreateWebhookPayload,
  DeleteWebhookPayload,
  UpdateWebhookPayload,
} from './webhook.payloads';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  MAX_DELIVERIES_LISTED,
  updateWebhook,
} from './webhook.service';

/** Webhooks (README "Live updates" › Webhooks): administrators only; the service owns the rules. */
@Resolver()
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Every webhook endpoint, oldest first (administrators).' })
  webhooks(@Ctx() context: GraphQLContext): Promise<Webhook[]> {
    return listWebhooks(context.dataSource.manager, context.caller);
  }

  @Query(() => [WebhookDelivery], {
    description:
      'A webhook’s latest deliveries, newest first, with every attempt (administrators).',
  })
  webhookDeliveries(
    @Arg('webhookId', () => ID, { description: 'Global id of the webhook.' }) webhookId: string,
    @Arg('first', () => Int, {
      defaultValue: 50,
      description: `How many, newest first (at most ${MAX_DELIVERIES_LISTED}).`,
    })
    first: number,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookDelivery[]> {
    return listWebhookDeliveries(context.dataSource.manager, context.caller, webhookId, first);
  }

  @Mutation(() => CreateWebhookPayload, {
    description:
      'Registers an endpoint for signed deliveries of committed changes; returns its secret ' +
      'once (administrators).',
  })
  createWebhook(
    @Arg('input', () => CreateWebhookInput, { description: 'The endpoint.' })
    input: CreateWebhookInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'createWebhook',
      input,
      execute: (scope) => createWebhook(scope, input, context.webhookUrlPolicy),
    });
  }

  @Mutation(() => UpdateWebhookPayload, {
    description: 'Changes an endpoint, or turns it on or off (administrators).',
  })
  updateWebhook(
    @Arg('input', () => UpdateWebhookInput, { description: 'What changes.' })
    input: UpdateWebhookInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'updateWebhook',
      input,
      execute: (scope) => updateWebhook(scope, input, context.webhookUrlPolicy),
    });
  }

  @Mutation(() => DeleteWebhookPayload, {
    description: 'Removes an endpoint with its deliveries (administrators).',
  })
  deleteWebhook(
    @Arg('id', () => ID, { description: 'Global id of the webhook.' }) id: string,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'deleteWebhook',
      execute: (scope) => deleteWebhook(scope, id),
    });
  }
}
