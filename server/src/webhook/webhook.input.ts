import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { filterInputType } from '../graphql/collection-types';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { WebhookEventType, WebhookScopeKind } from './webhook.enums';

@InputType({
  description:
    'Whose read rights a webhook receives events with: `ALL`, or one ministry, region or pole.',
})
export class WebhookScopeInput {
  @Field(() => WebhookScopeKind, { description: 'The kind of scope.' })
  kind!: WebhookScopeKind;

  @Field(() => String, { nullable: true, description: 'The ministry’s code (MINISTRY scope).' })
  @IsOptional()
  @MaxLength(20)
  ministryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The region’s code (REGION scope).' })
  @IsOptional()
  @MaxLength(10)
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the pole (POLE scope).' })
  @IsOptional()
  poleId?: string | null;
}

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookInput {
  @Field({
    description:
      'Where to POST: https:// (http:// only to localhost outside production); no private network.',
  })
  @MinLength(8)
  @MaxLength(2000)
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events to send (one at least).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  events!: WebhookEventType[];

  @Field(() => filterInputType(PROJECT_COLLECTION), {
    nullable: true,
    description:
      'Which projects, as in `projects(filter:)`, for project events; every project the scope ' +
      'reads when absent. Other events are sent for every record the scope reads.',
  })
  @IsOptional()
  filter?: Record<string, unknown> | null;

  @Field(() => WebhookScopeInput, { description: 'Whose read rights decide what it receives.' })
  scope!: WebhookScopeInput;
}

@InputType({ description: 'Changes to a webhook; absent fields stay as they are.' })
export class UpdateWebhookInput {
  @Field(() => ID, { description: 'Global id of the webhook.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new URL (checked as at creation).' })
  @IsOptional()
  @MinLength(8)
  @MaxLength(2000)
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The events to send.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  events?: WebhookEventType[] | null;

  @Field(() => filterInputType(PROJECT_COLLECTION), {
    nullable: true,
    description: 'A new project filter; `clearFilter: true` removes it.',
  })
  @IsOptional()
  filter?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true, description: 'Removes the project filter.' })
  @IsOptional()
  clearFilter?: boolean | null;

  @Field(() => WebhookScopeInput, { nullable: true, description: 'A new scope.' })
  @IsOptional()
  scope?: WebhookScopeInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Turns deliveries on (again, after it was disabled) or off.',
  })
  @IsOptional()
  enabled?: boolean | null;
}
