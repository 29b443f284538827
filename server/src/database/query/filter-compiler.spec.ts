import type { DataSource } from 'typeorm';

import { DomainError } from '../../core/domain-error';
import { toGlobalId } from '../../core/global-id';
import type { CollectionSpec } from './collection-spec';
import { compileFilter } from './filter-compiler';
import { type AccessScope, SqlBuilder, UNRESTRICTED } from './sql-builder';
import { dialectOf } from './sql-dialect';

class Project {}

/** A collection of the shape the features declare, without relations (relation-graph's part). */
const PROJECTS: CollectionSpec = {
  typeName: 'Project',
  entity: Project,
  table: 'project',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'Id.' },
    title: { kind: 'string', column: 'title', description: 'Title.' },
    budget: { kind: 'decimal', column: 'totalBudget', description: 'Budget.' },
    open: { kind: 'boolean', column: 'open', description: 'Open.' },
    since: { kind: 'datetime', column: 'createdAt', description: 'Since.' },
    year: { kind: 'int', column: 'YEAR($.`startOn`)', description: 'Year.', nullable: true },
  },
  relations: {},
  orderFields: {},
  defaultOrder: [{ field: 'id', direction: 'ASC' }],
  aggregateFields: [],
};

function builder(kind: 'sqlite' | 'mysql' = 'mysql', access: AccessScope = UNRESTRICTED) {
  const type = kind === 'sqlite' ? 'better-sqlite3' : 'mysql';
  return new SqlBuilder(dialectOf({ options: { type } } as DataSource), access);
}

function compiled(filter: Record<string, unknown>, kind: 'sqlite' | 'mysql' = 'mysql') {
  const sql = builder(kind);
  return { text: compileFilter(PROJECTS, filter, 'p', sql), params: sql.params };
}

function refusal(run: () => unknown): { message: string; argumentPath: readonly string[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { message, argumentPath } = error as DomainError;
    return { message, argumentPath };
  }
  throw new Error('expected a refusal');
}

describe('compileFilter', () => {
  it('filters nothing without a filter, or with only empty operators', () => {
    expect(compiled({}).text).toBeNull();
    expect(compileFilter(PROJECTS, null, 'p', builder())).toBeNull();
    expect(compiled({ title: { eq: undefined }, budget: null }).text).toBeNull();
  });

  it('compiles each operator on the column, values as parameters in textual order', () => {
    expect(
      compiled({ budget: { gte: '10.00', lt: '20.50' }, title: { ne: 'A', notIn: ['B'] } }),
    ).toEqual({
      text:
        'p.`totalBudget` >= ? AND p.`totalBudget` < ? AND ' +
        '(p.`title` <> ? OR p.`title` IS NULL) AND (p.`title` NOT IN (?) OR p.`title` IS NULL)',
      params: ['10.00', '20.50', 'A', 'B'],
    });
  });

  it('reads eq: null and isNull as IS NULL, ne: null and isNull: false as IS NOT NULL', () => {
    expect(compiled({ year: { eq: null, isNull: true } }).text).toBe(
      'YEAR(p.`startOn`) IS NULL AND YEAR(p.`startOn`) IS NULL',
    );
    expect(compiled({ year: { ne: null, isNull: false } }).text).toBe(
      'YEAR(p.`startOn`) IS NOT NULL AND YEAR(p.`startOn`) IS NOT NULL',
    );
  });

  it('matches nothing with in: [] and constrains nothing with notIn: []', () => {
    expect(compiled({ title: { in: [] } })).toEqual({ text: '1 = 0', params: [] });
    expect(compiled({ title: { notIn: [] } })).toEqual({ text: null, params: [] });
  });

  it('turns global ids into database ids, booleans into 0/1 and datetimes into SQL text', () => {
    expect(
      compiled({
        id: { in: [toGlobalId('Project', 7), toGlobalId('Project', 9)] },
        open: { eq: false },
        since: { gt: new Date('2024-03-01T10:00:00.000Z') },
      }),
    ).toEqual({
      text: 'p.`id` IN (?, ?) AND p.`open` = ? AND p.`createdAt` > ?',
      params: [7, 9, 0, '2024-03-01 10:00:00.000'],
    });
  });

  it('compares decimals as numbers on SQLite, as exact text on MySQL', () => {
    expect(compiled({ budget: { eq: '12.50' } }, 'sqlite').params).toEqual([12.5]);
    expect(compiled({ budget: { eq: '12.50' } }, 'mysql').params).toEqual(['12.50']);
  });

  it('searches text without case and accents, wildcards escaped, empty text ignored', () => {
    expect(compiled({ title: { contains: '50%_off', startsWith: '' } }, 'sqlite')).toEqual({
      text: "fold(p.`title`) LIKE '%' || fold(?) || '%' ESCAPE '\\'",
      params: ['50\\%\\_off'],
    });
    expect(compiled({ title: { startsWith: 'Pôle' } }, 'mysql')).toEqual({
      text: "p.`title` LIKE CONCAT(?, '%')",
      params: ['Pôle'],
    });
  });

  it('combines and, or and not; an empty or matches nothing', () => {
    expect(
      compiled({
        or: [{ title: { eq: 'A' } }, { not: { budget: { gt: 5 } } }],
        and: [{}],
      }).text,
    ).toBe('(p.`title` = ? OR NOT (p.`totalBudget` > ?)) AND (1 = 1)');
    expect(compiled({ or: [] }).text).toBe('1 = 0');
  });

  it('refuses an id of another type, naming the list item', () => {
    expect(refusal(() => compiled({ id: { in: [toGlobalId('Member', 3)] } }))).toEqual({
      message: expect.stringContaining('is the id of a Member, not of a Project'),
      argumentPath: ['filter', 'id', 'in', '0'],
    });
  });

  it('refuses more than 500 values in one list, and text longer than 200 characters or with NUL', () => {
    const ids = Array.from({ length: 501 }, (_, index) => toGlobalId('Project', index + 1));
    expect(refusal(() => compiled({ id: { in: ids } })).argumentPath).toEqual([
      'filter',
      'id',
      'in',
    ]);
    expect(refusal(() => compiled({ title: { eq: 'x'.repeat(201) } })).message).toBe(
      'filter.title.eq: text filters take at most 200 characters',
    );
    expect(refusal(() => compiled({ title: { contains: 'a\u0000' } })).argumentPath).toEqual([
      'filter',
      'title',
      'contains',
    ]);
  });

  it('refuses a filter nested deeper than eight levels', () => {
    let filter: Record<string, unknown> = { title: { eq: 'A' } };
    for (let level = 0; level < 9; level += 1) filter = { not: filter };
    expect(refusal(() => compiled(filter)).message).toMatch(/nest at most 8 levels deep/);
  });

  it('reads a restricted field as NULL where hidden, and notes that the filter touched it', () => {
    const hidden: (readonly string[])[] = [];
    const access: AccessScope = {
      ...UNRESTRICTED,
      field: (typeName, field, alias) => (field === 'budget' ? `${alias}.\`public\` = 1` : null),
      noteHidden: (path) => hidden.push(path),
    };
    const sql = builder('mysql', access);
    expect(compileFilter(PROJECTS, { budget: { gt: 1 }, title: { eq: 'A' } }, 'p', sql)).toBe(
      'CASE WHEN p.`public` = 1 THEN p.`totalBudget` END > ? AND p.`title` = ?',
    );
    expect(hidden).toEqual([['filter', 'budget']]);
  });
});

describe('compileFilter: a filter on a reference table', () => {
  class FundingProgramme {}
  const PROGRAMMES: CollectionSpec = {
    typeName: 'FundingProgramme',
    entity: FundingProgramme,
    table: 'funding_programme',
    scalars: { level: { kind: 'string', column: 'level', description: 'Level.' } },
    relations: {},
    orderFields: {},
    defaultOrder: [{ field: 'id', direction: 'ASC' }],
    aggregateFields: [],
    loadWhole: { orderBy: [['id', 'ASC']] },
  };
  const WITH_PROGRAMME: CollectionSpec = {
    ...PROJECTS,
    relations: {
      programme: {
        name: 'programme',
        description: 'Programme.',
        target: () => PROGRAMMES,
        paths: [[{ table: 'project', from: 'id', to: 'programmeId' }]],
        pairs: '',
        foreignKey: 'programmeId',
        detail: null,
      },
      // Through a join table, as a project's themes are.
      theme: {
        name: 'theme',
        description: 'Theme.',
        target: () => PROGRAMMES,
        paths: [[{ table: 'project_theme', from: 'projectId', to: 'themeId' }]],
        pairs: '',
        foreignKey: null,
        detail: null,
      },
    },
  };
  const EUROPEAN = { programme: { level: { eq: 'EUROPEAN' } } };
  const IDS_TEXT = 'SELECT t0.`id` FROM `funding_programme` t0 WHERE t0.`level` = ?';

  /** Compiles `filter` with a lookup that knows `known` (by statement), and what it was asked. */
  function withLookup(
    filter: Record<string, unknown>,
    known: readonly number[] | undefined,
    kind: 'sqlite' | 'mysql' = 'mysql',
  ) {
    const asked: { text: string; params: readonly unknown[] }[] = [];
    const type = kind === 'sqlite' ? 'better-sqlite3' : 'mysql';
    const sql = new SqlBuilder(dialectOf({ options: { type } } as DataSource), UNRESTRICTED, {
      idsOf: (text, params) => {
        asked.push({ text, params });
        return known;
      },
    });
    return { text: compileFilter(WITH_PROGRAMME, filter, 'p', sql), params: sql.params, asked };
  }

  it('asks MySQL/MariaDB for the ids the filter matches, and compares the foreign key with them', () => {
    const resolved = withLookup(EUROPEAN, [9, 10, 17]);
    expect(resolved.asked).toEqual([{ text: IDS_TEXT, params: ['EUROPEAN'] }]);
    expect(resolved.text).toBe('p.`programmeId` IN (?, ?, ?)');
    expect(resolved.params).toEqual([9, 10, 17]);
  });

  it('compares a join table’s key with the ids, without reading the reference table', () => {
    const resolved = withLookup({ theme: { level: { eq: 'EUROPEAN' } } }, [4, 7]);
    expect(resolved.text).toBe(
      'p.`id` IN (SELECT t0h0.`projectId` FROM `project_theme` t0h0 WHERE t0h0.`themeId` IN (?, ?) AND t0h0.`projectId` IS NOT NULL)',
    );
    expect(resolved.params).toEqual([4, 7]);
    expect(withLookup({ theme: { level: { eq: 'EUROPEAN' } } }, []).text).toBe('1 = 0');
  });

  it('matches nothing when no reference row matches, and keeps the semi-join while the ids are unknown', () => {
    expect(withLookup(EUROPEAN, []).text).toBe('1 = 0');
    expect(withLookup({ not: EUROPEAN }, []).text).toBe('NOT (1 = 0)');
    const unknown = withLookup(EUROPEAN, undefined);
    expect(unknown.asked).toHaveLength(1);
    expect(unknown.text).toContain('p.`programmeId` IN (SELECT');
    expect(unknown.params).toEqual(['EUROPEAN']);
  });

  it('keeps the semi-join on SQLite, and for a filter that constrains nothing', () => {
    const sqlite = withLookup(EUROPEAN, [9], 'sqlite');
    expect(sqlite.asked).toEqual([]);
    expect(sqlite.text).toContain('p.`programmeId` IN (SELECT');
    const empty = withLookup({ programme: {} }, [9]);
    expect(empty.asked).toEqual([]);
    expect(empty.text).toBe('p.`programmeId` IS NOT NULL');
  });
});
