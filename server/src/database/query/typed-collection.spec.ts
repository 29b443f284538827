import type { RelationNameOf } from '../relationships';

/*
 * What this spec checks is checked when it compiles (`npm run typecheck`): a relation name is
 * one the relation graph declares for that type.
 */
describe('RelationNameOf', () => {
  it('accepts the relations the graph declares for a type, and nothing else', () => {
    const declared: RelationNameOf<'Pole'>[] = ['region', 'successor', 'coLabelledProject'];
    // @ts-expect-error: the graph declares no relation "leadPole" on Pole (it is Project's)
    const undeclared: RelationNameOf<'Pole'> = 'leadPole';
    expect([...declared, undeclared]).toHaveLength(4);
  });

  it('accepts any name where the type is not known', () => {
    const anyName: RelationNameOf<string> = 'whatever';
    expect(anyName).toBe('whatever');
  });
});
