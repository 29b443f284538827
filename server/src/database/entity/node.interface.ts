import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The Relay `Node` interface: every record has an opaque global `id` that `node(id:)` resolves.
 * The value comes from `BaseRecord.globalId`.
 */
@InterfaceType('Node', {
  description: 'An object with a global id (Relay): fetch any of them with `node(id:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global id of this object; pass it to `node(id:)` or to filters.',
  })
  globalId!: string;
}
