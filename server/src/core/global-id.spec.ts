import { databaseIdOf, decodeGlobalId, toGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trip a type and a database id', () => {
    expect(decodeGlobalId(toGlobalId('Project', 42))).toEqual({ typeName: 'Project', id: 42 });
  });

  it('decode nothing that is not ours', () => {
    const notOurs = ['', 'not base64!', Buffer.from('Project:0').toString('base64url')];
    expect(notOurs.map(decodeGlobalId)).toEqual([null, null, null]);
  });

  it('name the argument when the id is of another type', () => {
    expect(() => databaseIdOf(toGlobalId('Pole', 1), 'Project', ['filter', 'id'])).toThrow(
      'filter.id: "UG9sZTox" is the id of a Pole, not of a Project',
    );
  });
});
