import { payloadType } from '../graphql/mutation/payload';
import { Webhook } from './webhook.entity';

export const CreateWebhookPayload = payloadType(
  'CreateWebhook',
  'webhook',
  () => Webhook,
  'The webhook created; null when refused.',
  {
    field: 'secret',
    type: () => String,
    description: 'The signing secret (`whsec_…`), shown this once: keep it to verify deliveries.',
  },
);

export const UpdateWebhookPayload = payloadType(
  'UpdateWebhook',
  'webhook',
  () => Webhook,
  'The webhook as changed; null when refused.',
);

export const DeleteWebhookPayload = payloadType(
  'DeleteWebhook',
  'webhook',
  () => Webhook,
  'The webhook as it was before it was deleted, with its deliveries; null when refused.',
);
