import 'reflect-metadata';

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DataSource } from 'typeorm';

import { sirenWithCheckDigit } from '../server/src/core/siren';
import { servedSchema } from '../server/src/features';
import {
  EXPORT_COLUMNS,
  exportCsv,
  type ExportOptions,
} from '../server/src/import-export/bulk-export.service';
import {
  formatImportProblem,
  IMPORT_KINDS,
  importCsv,
  type ImportOutcome,
} from '../server/src/import-export/bulk-import.service';
import { decodeCsvBytes, parseCsv } from '../server/src/import-export/csv-reader';
import { csvRecord, UTF8_BOM } from '../server/src/import-export/csv-writer';
import { parseExportFilter } from '../server/src/import-export/export-filter';
import { seedReferenceData } from '../server/src/seed/reference-seed';
import { rowCounts } from './helpers/row-counts';
import { countStatements } from './helpers/statement-counter';
import {
  createEmptyDatabase,
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from './helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from './helpers/test-environment';
import { ADMIN, bearerFor } from './helpers/tokens';

const ROOT = join(__dirname, '..');
const EXAMPLES = join(ROOT, 'server/src/import-export/examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name));

/** Every table an import writes to. */
const TOUCHED_TABLES = [
  'member',
  'membership',
  'project',
  'project_partner',
  'project_co_labelling_pole',
  'project_theme',
  'project_status_change',
  'audit_log_entry',
];

/** Row counts of the tables this suite's writes touch. */
const countRows = (dataSource: DataSource) => rowCounts(dataSource, TOUCHED_TABLES);

/** The records of a CSV text as objects keyed by its header. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, '')).records;
  return records.map((record) =>
    Object.fromEntries(header!.fields.map((name, index) => [name, record.fields[index] ?? ''])),
  );
}

async function exportText(
  dataSource: DataSource,
  kind: 'projects' | 'members',
  options: ExportOptions,
): Promise<string> {
  const chunks: string[] = [];
  await exportCsv(dataSource, kind, options, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

function problemLines(outcome: ImportOutcome): string[] {
  if (outcome.ok) throw new Error(`Expected problems, got: ${outcome.summary}`);
  return outcome.problems.map(formatImportProblem);
}

/** SIRENs no seeded member has (checked against the deterministic seed). */
const NEW_SIREN = ['98765401', '98765402', '98765403', '98765404', '98765405', '98765406'].map(
  sirenWithCheckDigit,
);

describe.each(testDatabaseKinds())('bulk import and export on %s', (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'io');
    dataSource = database.dataSource;
  }, 600_000);

  afterAll(async () => {
    await database?.drop();
  });

  describe('import of the example files', () => {
    it('imports members.csv: every line becomes a member, with one audit entry each', async () => {
      const before = await countRows(dataSource);
      const outcome = await importCsv(dataSource, 'members', example('members.csv'), {
        source: 'members.csv',
      });
      expect(outcome).toMatchObject({ ok: true, kind: 'members', imported: 8 });
      expect(outcome.summary).toMatch(/^Imported 8 members in \d+\.\d+ s$/);

      const expected = csvObjects(example('members.csv').toString('utf8')).map((row) => ({
        name: row.name,
        siren: row.siren,
        category: row.category,
        regionCode: row.regionCode,
        city: row.city,
        headcount: row.headcount === '' ? null : Number(row.headcount),
        website: row.website || null,
        contactName: row.contactName || null,
        contactEmail: row.contactEmail || null,
      }));
      const stored = (await dataSource.query(
        'SELECT m.name, m.siren, m.category, r.code AS regionCode, m.city, m.headcount, m.website, m.contactName, m.contactEmail ' +
          'FROM member m JOIN region r ON r.id = m.regionId WHERE m.siren IN (' +
          expected.map(() => '?').join(', ') +
          ') ORDER BY m.siren',
        expected.map((row) => row.siren),
      )) as Record<string, unknown>[];
      expect(
        stored.map((row) => ({
          ...row,
          headcount: row.headcount === null ? null : Number(row.headcount),
        })),
      ).toEqual([...expected].sort((a, b) => a.siren!.localeCompare(b.siren!)));

      const audit = (await dataSource.query(
        "SELECT operation, recordType, requestId FROM audit_log_entry WHERE actor = 'import members.csv'",
      )) as { operation: string; recordType: string; requestId: string }[];
      expect(audit).toHaveLength(8);
      expect(new Set(audit.map((entry) => `${entry.operation} ${entry.recordType}`))).toEqual(
        new Set(['createMember Member']),
      );
      // One import, one request id: the audit log groups the whole file.
      expect(new Set(audit.map((entry) => entry.requestId)).size).toBe(1);
      expect(audit[0]!.requestId).toMatch(/^import-/);
      expect(await countRows(dataSource)).toEqual({
        ...before,
        member: before.member! + 8,
        audit_log_entry: before.audit_log_entry! + 8,
      });
    });

    it('imports memberships.csv (";"-separated, CRLF, a decimal comma), members by SIREN and poles by slug', async () => {
      const before = await countRows(dataSource);
      const outcome = await importCsv(dataSource, 'memberships', example('memberships.csv'), {
        source: 'memberships.csv',
      });
      expect(outcome).toMatchObject({ ok: true, imported: 8 });

      const stored = (await dataSource.query(
        'SELECT m.siren, p.slug, ms.startDate, ms.endDate, ms.yearlyFee, ms.boardSeat FROM membership ms ' +
          'JOIN member m ON m.id = ms.memberId JOIN pole p ON p.id = ms.poleId ' +
          "WHERE ms.id IN (SELECT recordId FROM audit_log_entry WHERE actor = 'import memberships.csv') ORDER BY ms.id",
      )) as Record<string, unknown>[];
      expect(
        stored.map((row) => ({
          ...row,
          yearlyFee: row.yearlyFee === null ? null : Number(row.yearlyFee).toFixed(2),
          boardSeat: Boolean(Number(row.boardSeat)),
        })),
      ).toEqual([
        {
          siren: '912340015',
          slug: 'minalogic-auvergne-rhone-alpes',
          startDate: '2024-01-15',
          endDate: null,
          yearlyFee: '1200.00',
          boardSeat: false,
        },
        {
          siren: '912340015',
          slug: 'alpha-rlh',
          startDate: '2024-03-01',
          endDate: null,
          yearlyFee: '850.50',
          boardSeat: false,
        },
        {
          siren: '912340023',
          slug: 'aquimer',
          startDate: '2023-09-01',
          endDate: null,
          yearlyFee: '300.00',
          boardSeat: false,
        },
        {
          siren: '912340031',
          slug: 'nextmove',
          startDate: '2024-02-12',
          endDate: null,
          yearlyFee: null,
          boardSeat: false,
        },
        {
          siren: '912340049',
          slug: 'agri-soi',
          startDate: '2022-06-01',
          endDate: null,
          yearlyFee: '4500.00',
          boardSeat: true,
        },
        {
          siren: '912340056',
          slug: 'images-reseaux',
          startDate: '2024-05-20',
          endDate: null,
          yearlyFee: '1500.00',
          boardSeat: false,
        },
        {
          siren: '830944997',
          slug: 'aerospace-valley',
          startDate: '2025-01-06',
          endDate: null,
          yearlyFee: '2000.00',
          boardSeat: false,
        },
        {
          siren: '338429319',
          slug: 'polymeris',
          startDate: '2024-10-01',
          endDate: null,
          yearlyFee: '990.00',
          boardSeat: false,
        },
      ]);
      expect(await countRows(dataSource)).toEqual({
        ...before,
        membership: before.membership! + 8,
        audit_log_entry: before.audit_log_entry! + 8,
      });
    });

    it('imports projects.csv in DRAFT, with partners, co-labelling poles, themes and a first history entry', async () => {
      const before = await countRows(dataSource);
      const outcome = await importCsv(dataSource, 'projects', example('projects.csv'), {
        source: 'projects.csv',
      });
      expect(outcome).toMatchObject({ ok: true, imported: 6 });
      expect(outcome.summary).toMatch(/^Imported 6 projects \(15 partners\) in \d+\.\d+ s$/);

      const [photonia] = (await dataSource.query(
        'SELECT p.acronym, p.status, f.code AS programme, l.slug AS leadPole, c.siren AS coordinator, p.submittedOn, ' +
          'p.decisionOn, p.startOn, p.endOn, p.totalBudget, p.publicFundingRequested, p.publicFundingGranted ' +
          'FROM project p JOIN funding_programme f ON f.id = p.programmeId JOIN pole l ON l.id = p.leadPoleId ' +
          "JOIN member c ON c.id = p.coordinatorId WHERE p.acronym = 'PHOTONIA-24'",
      )) as Record<string, unknown>[];
      expect({
        ...photonia,
        totalBudget: Number(photonia!.totalBudget).toFixed(2),
        publicFundingRequested: Number(photonia!.publicFundingRequested).toFixed(2),
        publicFundingGranted: Number(photonia!.publicFundingGranted).toFixed(2),
      }).toEqual({
        acronym: 'PHOTONIA-24',
        status: 'DRAFT',
        programme: 'FRANCE_2030_IDEMO_REG',
        leadPole: 'minalogic-auvergne-rhone-alpes',
        coordinator: '912340015',
        submittedOn: '2024-02-01',
        decisionOn: '2024-06-15',
        startOn: '2024-09-01',
        endOn: '2027-08-31',
        totalBudget: '2400000.00',
        publicFundingRequested: '1100000.00',
        publicFundingGranted: '950000.00',
      });
      const partners = (await dataSource.query(
        'SELECT m.siren, pp.role, pp.budgetSharePercent FROM project_partner pp JOIN member m ON m.id = pp.memberId ' +
          "JOIN project p ON p.id = pp.projectId WHERE p.acronym = 'PHOTONIA-24' ORDER BY m.siren",
      )) as { siren: string; role: string; budgetSharePercent: string | number }[];
      expect(
        partners.map((row) => `${row.siren}:${row.role}:${Number(row.budgetSharePercent)}`),
      ).toEqual(['830944997:PARTNER:30', '912340015:COORDINATOR:45', '912340031:PARTNER:25']);
      const links = (await dataSource.query(
        "SELECT 'pole' AS kind, o.slug AS code FROM project_co_labelling_pole x JOIN pole o ON o.id = x.poleId JOIN project p ON p.id = x.projectId WHERE p.acronym = 'PHOTONIA-24' " +
          "UNION ALL SELECT 'theme', t.code FROM project_theme x JOIN theme t ON t.id = x.themeId JOIN project p ON p.id = x.projectId WHERE p.acronym = 'PHOTONIA-24' ORDER BY 1, 2",
      )) as { kind: string; code: string }[];
      expect(links).toEqual([
        { kind: 'pole', code: 'alpha-rlh' },
        { kind: 'theme', code: 'MICROELECTRONICS' },
        { kind: 'theme', code: 'PHOTONICS' },
      ]);
      const history = (await dataSource.query(
        "SELECT s.fromStatus, s.toStatus, s.changedBy FROM project_status_change s JOIN project p ON p.id = s.projectId WHERE p.acronym = 'HYDROMER'",
      )) as unknown[];
      expect(history).toEqual([
        { fromStatus: null, toStatus: 'DRAFT', changedBy: 'import projects.csv' },
      ]);
      expect(await countRows(dataSource)).toEqual({
        ...before,
        project: before.project! + 6,
        project_partner: before.project_partner! + 15,
        project_co_labelling_pole: before.project_co_labelling_pole! + 6,
        project_theme: before.project_theme! + 12,
        project_status_change: before.project_status_change! + 6,
        audit_log_entry: before.audit_log_entry! + 6,
      });
    });
  });

  describe('a file with errors', () => {
    it('reports every bad member line with its number and reason, and writes nothing', async () => {
      const before = await countRows(dataSource);
      const file = [
        'name,siren,category,regionCode,city,headcount',
        `Nouvelle Entreprise SAS,${NEW_SIREN[0]},SME,84,Lyon,12`,
        'Mauvaise Clé SARL,123,SME,84,Lyon,3',
        `Catégorie inconnue,${NEW_SIREN[1]},PME,99,Lyon,-2`,
        `Doublon SAS,${NEW_SIREN[0]},SME,84,Lyon,1`,
        'Déjà membre,830944997,SME,84,Lyon,',
        'Trop,de,champs,84,Lyon,1,en trop',
        `Sans ville,${NEW_SIREN[2]},SME,84,,`,
        `Autre nouvelle SAS,${NEW_SIREN[3]},LARGE,11,Paris,5000`,
      ].join('\n');
      const outcome = await importCsv(dataSource, 'members', file, { source: 'bad-members.csv' });
      expect(problemLines(outcome)).toEqual([
        'line 3: siren: siren must be 9 digits with a valid check digit (Luhn key); "123" is not',
        'line 4: category: category must be one of MICRO, SME, MID_SIZE, LARGE, RESEARCH, TRAINING, PUBLIC_BODY, OTHER; "PME" is not',
        'line 4: regionCode: no region has the INSEE code "99" (codes: 01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94)',
        'line 4: headcount: headcount must not be less than 0',
        `line 5: siren: SIREN ${NEW_SIREN[0]} is already on line 2 of this file`,
        'line 6: siren: SIREN 830944997 is already the member "Établissements Lopez SAS"',
        'line 7: 7 fields where the header names 6 columns (a value holding "," must be put in double quotes)',
        'line 8: city: city is required',
      ]);
      expect(outcome.summary).toBe('Nothing was imported: 8 problems on 6 lines.');
      // Lines 2 and 9 were good and written inside the transaction: rolled back with the rest.
      expect(await countRows(dataSource)).toEqual(before);
    });

    it('reports membership lines the service refuses next to those that do not parse, and writes nothing', async () => {
      const before = await countRows(dataSource);
      const file = [
        'memberSiren;poleSlug;startDate;yearlyFee;boardSeat',
        '912340064;cap-digital;2024-01-01;100;oui',
        '830944997;minalogic-auvergne-rhone-alpes;2024-01-01;;',
        '999999999;nowhere;01/02/2024;12 €;peut-être',
        '912340064;cap-digital;2024-06-01;;',
      ].join('\r\n');
      const outcome = await importCsv(dataSource, 'memberships', file, {
        source: 'bad-memberships.csv',
      });
      expect(problemLines(outcome)).toEqual([
        'line 3: poleSlug: The member already belongs to this pole, since 2007-01-07: end that membership first (leavePole)',
        'line 4: memberSiren: no member has the SIREN "999999999"',
        'line 4: poleSlug: no pole has the slug "nowhere"',
        'line 4: startDate: startDate must be a date written YYYY-MM-DD, e.g. 2024-03-27; "01/02/2024" is not',
        'line 4: yearlyFee: yearlyFee must be a number such as 125000.50; "12 €" is not',
        'line 4: boardSeat: boardSeat must be true or false; "peut-être" is not',
        'line 5: poleSlug: the membership of 912340064 in cap-digital is already on line 2 of this file',
      ]);
      expect(await countRows(dataSource)).toEqual(before);
    });

    it('reports project lines refused by the rules of createProject, and writes nothing', async () => {
      const before = await countRows(dataSource);
      const header =
        'acronym,title,summary,programmeCode,leadPoleSlug,coLabellingPoleSlugs,themeCodes,submittedOn,decisionOn,startOn,endOn,' +
        'totalBudget,publicFundingRequested,publicFundingGranted,partners';
      const file = [
        header,
        'GOOD-ONE,Un projet correct,Résumé.,FUI,aerospace-valley,cap-digital,DIGITAL,2024-01-01,,,,1000,500,,830944997:COORDINATOR:50',
        'PHOTONIA-24,Déjà importé,Résumé.,FUI,aerospace-valley,,,,,,,1000,500,,',
        'LATE,Dates dans le désordre,Résumé.,FUI,aerospace-valley,,,2024-05-01,2024-01-01,,,1000,500,,',
        'RICH,Trop de subventions,Résumé.,FUI,aerospace-valley,,,,,,,1000,1500.50,,',
        'REFS,Références inconnues,Résumé.,NOPE,aerospace-valley,xx,NOTHEME,,,,,1000,500,,123:LEAD:10|830944997:PARTNER:x|seul',
        'TWO-COORD,Deux coordinateurs,Résumé.,FUI,aerospace-valley,,,,,,,1000,500,,830944997:COORDINATOR:60|580332948:COORDINATOR:30',
        'SHARES,Parts,Résumé.,FUI,aerospace-valley,,,,,,,1000,500,,830944997:COORDINATOR:60|580332948:PARTNER:50',
        'good-one,Doublon,Résumé.,FUI,aerospace-valley,,,,,,,1000,500,,',
      ].join('\n');
      const outcome = await importCsv(dataSource, 'projects', file, { source: 'bad-projects.csv' });
      expect(problemLines(outcome)).toEqual([
        'line 3: acronym: A project is already named PHOTONIA-24',
        'line 4: decisionOn: decisionOn (2024-01-01) comes before submittedOn (2024-05-01)',
        'line 5: publicFundingRequested: publicFundingRequested (1500.50 €) exceeds the total budget (1000 €)',
        'line 6: programmeCode: no funding programme has the code "NOPE"',
        'line 6: coLabellingPoleSlugs: item 1: no pole has the slug "xx"',
        'line 6: themeCodes: item 1: no theme has the code "NOTHEME"',
        'line 6: partners: item 1: role must be one of COORDINATOR, PARTNER, SUBCONTRACTOR; "LEAD" is not',
        'line 6: partners: item 2: share must be a number such as 125000.50; "x" is not',
        'line 6: partners: item 3: "seul" must be SIREN:ROLE:share, e.g. 830944997:COORDINATOR:40',
        'line 6: partners: item 1: no member has the SIREN "123"',
        'line 7: partners: item 2: A project has one coordinator at most',
        'line 8: partners: Partner budget shares add up to 110.00 %, more than 100 %',
        'line 9: acronym: the acronym good-one is already on line 2 of this file',
      ]);
      expect(await countRows(dataSource)).toEqual(before);
    });

    it('stops at the header when a required column is missing or unknown', async () => {
      const outcome = await importCsv(
        dataSource,
        'members',
        'name;sirne;category;city\nA;B;C;D\n',
        { source: 'x.csv' },
      );
      expect(problemLines(outcome)).toEqual([
        'line 1: unknown column "sirne": the columns of members files are name, siren, category, regionCode, city, headcount, website, contactName, contactEmail',
        'line 1: the required column siren is missing',
        'line 1: the required column regionCode is missing',
      ]);
    });
  });

  describe('CSV from spreadsheets', () => {
    it('imports UTF-8 with a BOM, ";" separators, CRLF and quoted fields holding separators, quotes and line breaks', async () => {
      const rows = [
        ['name', 'siren', 'category', 'regionCode', 'city', 'headcount'],
        ['Ateliers "Le Phare"; Brest', NEW_SIREN[4]!, 'sme', '53', 'Brest', '12'],
        ['Société\nsur deux lignes', NEW_SIREN[5]!, 'MICRO', '53', 'Quimper', ''],
      ];
      const bytes = Buffer.from(UTF8_BOM + rows.map((row) => csvRecord(row, ';')).join(''), 'utf8');
      const outcome = await importCsv(dataSource, 'members', bytes, { source: 'excel.csv' });
      expect(outcome).toMatchObject({ ok: true, imported: 2 });
      const stored = (await dataSource.query(
        'SELECT name, category, city FROM member WHERE siren IN (?, ?) ORDER BY siren',
        [NEW_SIREN[4], NEW_SIREN[5]],
      )) as unknown[];
      expect(stored).toEqual([
        { name: 'Ateliers "Le Phare"; Brest', category: 'SME', city: 'Brest' },
        { name: 'Société\nsur deux lignes', category: 'MICRO', city: 'Quimper' },
      ]);
    });

    it('refuses a file that is not UTF-8, naming its line', async () => {
      const latin1 = Buffer.from(
        'name,siren,category,regionCode,city\nSoci\xe9t\xe9,1,SME,84,Lyon\n',
        'latin1',
      );
      const outcome = await importCsv(dataSource, 'members', latin1, { source: 'latin1.csv' });
      expect(problemLines(outcome)).toEqual([
        'line 2: the file is not UTF-8 text (Windows-1252 or Latin-1?): save it as "CSV UTF-8" and import it again',
      ]);
    });
  });

  describe('export', () => {
    it('exports the projects a filter selects: as many rows as SQL counts, with the documented columns', async () => {
      const filter = await parseExportFilter(
        await servedSchema(),
        'projects',
        '{"programme":{"level":{"eq":"EUROPEAN"}}}',
      );
      const { result: text, statements } = await countStatements(dataSource, () =>
        exportText(dataSource, 'projects', { filter, separator: ';' }),
      );
      expect(text.startsWith(`${UTF8_BOM}acronym;title;status;programmeCode;`)).toBe(true);
      // MySQL/MariaDB: the European programmes' ids (reference-filters.ts), read once for every
      // page of the export.
      const ids = statements.filter((sql) =>
        sql.startsWith('SELECT t0.`id` FROM `funding_programme`'),
      );
      expect(ids).toHaveLength(kind === 'mysql' ? 1 : 0);
      const exported = csvObjects(text);
      expect(Object.keys(exported[0]!)).toEqual(
        EXPORT_COLUMNS.projects.map((column) => column.header),
      );

      const europe = (await dataSource.query(
        'SELECT p.acronym, f.code, (SELECT COUNT(*) FROM project_partner pp WHERE pp.projectId = p.id) AS partners FROM project p ' +
          "JOIN funding_programme f ON f.id = p.programmeId WHERE f.level = 'EUROPEAN' ORDER BY p.acronym",
      )) as { acronym: string; code: string; partners: number | string }[];
      expect(europe.length).toBeGreaterThan(100);
      expect(
        exported.map((row) => `${row.acronym} ${row.programmeCode} ${row.partnerCount}`).sort(),
      ).toEqual(europe.map((row) => `${row.acronym} ${row.code} ${Number(row.partners)}`).sort());
    });

    it('writes amounts with a decimal comma on demand, for French spreadsheets', async () => {
      const filter = await parseExportFilter(
        await servedSchema(),
        'projects',
        '{"acronym":{"eq":"PHOTONIA-24"}}',
      );
      expect(
        await exportText(dataSource, 'projects', { filter, separator: ';', decimalComma: true }),
      ).toBe(
        `${UTF8_BOM}acronym;title;status;programmeCode;leadPoleSlug;submittedOn;decisionOn;startOn;endOn;totalBudget;` +
          'publicFundingRequested;publicFundingGranted;partnerCount;summary;coLabellingPoleSlugs;themeCodes;partners\r\n' +
          'PHOTONIA-24;Capteurs photoniques pour le contrôle qualité en ligne;DRAFT;FRANCE_2030_IDEMO_REG;' +
          'minalogic-auvergne-rhone-alpes;2024-02-01;2024-06-15;2024-09-01;2027-08-31;2400000,00;1100000,00;950000,00;3;' +
          "Capteurs optiques embarqués pour contrôler les pièces en sortie de ligne, du laboratoire à l'usine.;" +
          'alpha-rlh;MICROELECTRONICS|PHOTONICS;912340015:COORDINATOR:45.00|830944997:PARTNER:30.00|912340031:PARTNER:25.00\r\n',
      );
    });

    it('round-trips members: the export of an imported file gives back its rows, and every member matches SQL', async () => {
      const filter = await parseExportFilter(
        await servedSchema(),
        'members',
        '{"siren":{"startsWith":"9123400"}}',
      );
      const imported = csvObjects(example('members.csv').toString('utf8'));
      const columns = ['name', 'siren', 'category', 'regionCode', 'city', 'headcount'];
      const pick = (row: Record<string, string>) => columns.map((column) => row[column]).join('|');
      expect(
        csvObjects(await exportText(dataSource, 'members', { filter }))
          .map(pick)
          .sort(),
      ).toEqual(imported.map(pick).sort());

      const all = csvObjects(await exportText(dataSource, 'members', { separator: ';' }));
      const stored = (await dataSource.query(
        'SELECT m.name, m.siren, m.category, r.code AS regionCode, m.city, m.headcount FROM member m JOIN region r ON r.id = m.regionId',
      )) as Record<string, string | number | null>[];
      expect(all.map(pick).sort()).toEqual(
        stored
          .map((row) =>
            pick(
              Object.fromEntries(
                columns.map((column) => [column, row[column] === null ? '' : String(row[column])]),
              ),
            ),
          )
          .sort(),
      );
    });

    it('keeps a spreadsheet from running a name as a formula, and imports it back unchanged', async () => {
      const siren = sirenWithCheckDigit('98765407');
      const file = `name,siren,category,regionCode,city\n"'=HYPERLINK(""x"")",${siren},SME,84,Lyon\n`;
      expect(await importCsv(dataSource, 'members', file, { source: 'formula.csv' })).toMatchObject(
        { ok: true },
      );
      const [stored] = (await dataSource.query('SELECT name FROM member WHERE siren = ?', [
        siren,
      ])) as { name: string }[];
      expect(stored!.name).toBe('=HYPERLINK("x")');
      const filter = await parseExportFilter(
        await servedSchema(),
        'members',
        JSON.stringify({ siren: { eq: siren } }),
      );
      expect(csvObjects(await exportText(dataSource, 'members', { filter }))[0]!.name).toBe(
        `'=HYPERLINK("x")`,
      );
    });

    it('refuses bad filter JSON and unknown fields with a clear message', async () => {
      await expect(
        parseExportFilter(await servedSchema(), 'projects', '{programme'),
      ).rejects.toThrow(/^--filter is not valid JSON/);
      await expect(parseExportFilter(await servedSchema(), 'projects', '[1]')).rejects.toThrow(
        '--filter must be a JSON object of type ProjectFilter, e.g. {"status":{"eq":"FUNDED"}}',
      );
      await expect(
        parseExportFilter(
          await servedSchema(),
          'projects',
          '{"programm":{"level":{"eq":"EUROPEAN"}}}',
        ),
      ).rejects.toThrow(
        '--filter does not fit ProjectFilter: Field "programm" is not defined by type "ProjectFilter". Did you mean "programme"?',
      );
      await expect(
        parseExportFilter(await servedSchema(), 'members', '{"category":{"eq":"PME"}}'),
      ).rejects.toThrow(
        '--filter does not fit MemberFilter: filter.category.eq: Value "PME" does not exist in "MemberCategory" enum.',
      );
    });
  });

  describe('HTTP endpoints', () => {
    let api: TestEnvironment;
    let base: string;
    let admin: { authorization: string };

    beforeAll(async () => {
      api = await createTestEnvironment(database);
      base = api.url.replace(/\/graphql$/, '');
      admin = await bearerFor(dataSource, ADMIN);
    });
    afterAll(() => api?.close());

    const members = (...lines: string[]) =>
      ['name,siren,category,regionCode,city,website,contactName,contactEmail', ...lines].join('\n');
    const post = (kind: string, body: string, headers: Record<string, string> = admin) =>
      fetch(`${base}/imports?kind=${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...headers },
        body,
      });
    const exportUrl = (file: string, filter?: unknown) =>
      `${base}/exports/${file}${filter === undefined ? '' : `?filter=${encodeURIComponent(JSON.stringify(filter))}`}`;

    it('imports a CSV body with a token, and answers the JSON report', async () => {
      const siren = sirenWithCheckDigit('98765410');
      const response = await post(
        'members',
        members(
          `Atelier HTTP,${siren},SME,84,Lyon,https://atelier.example,Ada,ada@atelier.example`,
        ),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(
        expect.objectContaining({ ok: true, kind: 'members', imported: 1 }),
      );
    });

    it('refuses an import without a token (401) and a kind it does not know (400)', async () => {
      const anonymous = await post('members', members(), {});
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({
        errors: [
          {
            message: expect.stringMatching(/need an API token/),
            extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
          },
        ],
      });
      const unknown = await post('poles', members());
      expect(unknown.status).toBe(400);
    });

    it('reports every problem of every line, control characters included, and writes nothing', async () => {
      const before = await countRows(dataSource);
      const good = sirenWithCheckDigit('98765411');
      const response = await post(
        'members',
        members(
          `Fine,${good},SME,84,Lyon,,,`,
          `Bad\u0000Name,123,PME,84,Ly\u001bon,,,`,
          `"\t=HYPERLINK(""x"")",${sirenWithCheckDigit('98765412')},SME,84,Lyon,,,`,
        ),
      );
      expect(response.status).toBe(422);
      const report = (await response.json()) as {
        ok: boolean;
        problems: unknown[];
        imported: number;
      };
      expect(report.ok).toBe(false);
      expect(report.imported).toBe(0);
      expect(report.problems).toEqual([
        {
          line: 3,
          column: 'name',
          message: 'name holds a control character (U+0000) at position 4: remove it',
        },
        { line: 3, column: 'siren', message: expect.stringMatching(/^siren must be 9 digits/) },
        { line: 3, column: 'category', message: expect.stringMatching(/^category must be one of/) },
        {
          line: 3,
          column: 'city',
          message: 'city holds a control character (U+001B) at position 3: remove it',
        },
        {
          line: 4,
          column: 'name',
          message: 'name holds a control character (U+0009) at position 1: remove it',
        },
      ]);
      expect(await countRows(dataSource)).toEqual(before);
    });

    it('streams members as NDJSON and CSV with website and contacts for a caller allowed to see them', async () => {
      const filter = { siren: { eq: sirenWithCheckDigit('98765410') } };
      const ndjson = await fetch(exportUrl('members.ndjson', filter), { headers: admin });
      expect(ndjson.status).toBe(200);
      expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const lines = (await ndjson.text()).split('\n').filter((line) => line !== '');
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
        {
          name: 'Atelier HTTP',
          siren: sirenWithCheckDigit('98765410'),
          category: 'SME',
          regionCode: '84',
          city: 'Lyon',
          headcount: null,
          website: 'https://atelier.example',
          contactName: 'Ada',
          contactEmail: 'ada@atelier.example',
        },
      ]);
      expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(
        EXPORT_COLUMNS.members.map((column) => column.header),
      );

      // Anonymous callers get the public columns only, as through GraphQL.
      const csv = await fetch(exportUrl('members.csv', filter));
      expect(csv.status).toBe(200);
      const [row] = csvObjects(await csv.text());
      expect(row).toEqual(
        expect.objectContaining({
          website: 'https://atelier.example',
          contactName: '',
          contactEmail: '',
        }),
      );
    });

    it('exports what an import needs for a round trip: members export → import as new', async () => {
      const filter = { siren: { eq: sirenWithCheckDigit('98765410') } };
      const text = await (await fetch(exportUrl('members.csv', filter), { headers: admin })).text();
      const [row] = csvObjects(text);
      const columns = EXPORT_COLUMNS.members.map((column) => column.header);
      // The same member under a new SIREN: every exported column is one the import reads.
      const copy: Record<string, string> = {
        ...row!,
        siren: sirenWithCheckDigit('98765413'),
        name: 'Atelier HTTP bis',
      };
      const response = await post(
        'members',
        [columns.join(','), columns.map((column) => copy[column] ?? '').join(',')].join('\n'),
      );
      expect(await response.json()).toEqual(expect.objectContaining({ ok: true, imported: 1 }));
      const [stored] = (await dataSource.query(
        'SELECT website, contactName, contactEmail FROM member WHERE siren = ?',
        [copy.siren],
      )) as Record<string, string>[];
      expect(stored).toEqual({
        website: 'https://atelier.example',
        contactName: 'Ada',
        contactEmail: 'ada@atelier.example',
      });
    });

    it('answers bad requests as JSON errors: filter 400, token 401, unknown export 404', async () => {
      const badFilter = await fetch(exportUrl('projects.csv', { programm: {} }));
      expect(badFilter.status).toBe(400);
      expect(await badFilter.json()).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^filter does not fit ProjectFilter/),
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
          },
        ],
      });
      const badToken = await fetch(exportUrl('projects.csv'), {
        headers: { authorization: 'Bearer nope' },
      });
      expect(badToken.status).toBe(401);
      expect(
        ((await badToken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
          .extensions.code,
      ).toBe('UNAUTHENTICATED');
      expect((await fetch(`${base}/exports/poles.csv`)).status).toBe(404);
    });

    it('lets an API write take its turn between the chunks of an import', async () => {
      const lines = Array.from(
        { length: 1_000 },
        (_, index) =>
          `Atelier à la chaîne ${index},${sirenWithCheckDigit(String(97_100_000 + index))},SME,84,Lyon,,,`,
      );
      const finished: string[] = [];
      const importing = importCsv(dataSource, 'members', members(...lines), {
        source: 'interleaving.csv',
      }).then((outcome) => {
        finished.push('import');
        return outcome;
      });
      // Sent once the import holds the writer: 5 chunks of 200 lines, checked then committed.
      await new Promise((resolve) => setImmediate(resolve));
      const writing = api
        .query<{ createMember: { member: { name: string } | null; userErrors: unknown[] } }>(
          `mutation CreateMemberDuringImport($input: CreateMemberInput!) {
            createMember(input: $input) { member { name } userErrors { field message } }
          }`,
          {
            input: {
              name: 'Écrit pendant l’import',
              siren: sirenWithCheckDigit('97099999'),
              category: 'SME',
              regionCode: '84',
              city: 'Lyon',
            },
          },
          admin,
        )
        .then((response) => {
          finished.push('api');
          return response;
        });
      const [outcome, response] = await Promise.all([importing, writing]);
      expect(outcome).toEqual(expect.objectContaining({ ok: true, imported: 1_000 }));
      expect(response.errors).toBeUndefined();
      expect(response.data!.createMember).toEqual({
        member: { name: 'Écrit pendant l’import' },
        userErrors: [],
      });
      expect(finished).toEqual(['api', 'import']);
    });

    it('charges exports and imports to the caller’s bucket, as /graphql does', async () => {
      const limited = await createTestEnvironment(database, {
        // A point back every 100 s: the export empties the bucket early and streams on for
        // seconds, which at a faster rate refilled it before the next request (seen in CI).
        rateLimit: { points: 5, restoreRate: 0.01 },
        limits: {
          maxQueryCost: 5,
          maxQueryCostByRole: {
            POLE_MANAGER: 5,
            REGION_OFFICER: 5,
            MINISTRY_ANALYST: 5,
            ADMIN: 100,
          },
        },
      });
      try {
        const limitedBase = limited.url.replace(/\/graphql$/, '');
        const first = await fetch(`${limitedBase}/exports/members.csv`);
        expect(first.status).toBe(200);
        await first.text();
        // Admitted for 1 point; then charged 1 point per row, down to an empty bucket.
        expect(first.headers.get('x-ratelimit-limit')).toBe('5');
        expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
        const refused = await fetch(`${limitedBase}/exports/projects.csv`, {
          headers: { 'x-request-id': 'export-refused-1' },
        });
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await refused.json()).toEqual({
          errors: [
            {
              message: expect.stringMatching(/^Rate limit exceeded/),
              extensions: {
                code: 'RATE_LIMITED',
                requestId: 'export-refused-1',
                retryAfter: expect.any(Number),
              },
            },
          ],
        });
        // The same bucket serves GraphQL: the anonymous caller is out of points there too.
        expect((await limited.query('query OnePoint { __typename }')).status).toBe(429);

        // An import of 2 lines costs 20 points (1 on admission, 19 after; the bucket refills
        // while it runs, but never past 100): at most 81 are left.
        const sirens = ['98765428', '98765436'].map(sirenWithCheckDigit);
        const imported = await fetch(`${limitedBase}/imports?kind=members`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', ...admin },
          body: members(
            ...sirens.map((siren, index) => `Atelier ${index},${siren},SME,84,Lyon,,,`),
          ),
        });
        expect(await imported.json()).toEqual(expect.objectContaining({ ok: true, imported: 2 }));
        expect(imported.headers.get('x-ratelimit-limit')).toBe('100');
        expect(Number(imported.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(80);
        expect(Number(imported.headers.get('x-ratelimit-remaining'))).toBeLessThanOrEqual(81);
      } finally {
        await limited.close();
      }
    });

    it('exports projects in pages on the primary key: a constant number of statements per page', async () => {
      const {
        result: { rows },
        statements,
      } = await countStatements(dataSource, () =>
        exportCsv(dataSource, 'projects', {}, () => undefined),
      );
      const pages = Math.ceil((rows + 1) / 100);
      expect(rows).toBeGreaterThan(1000);
      // Reference tables once; per page: the page, detail rights, and four lookups.
      expect(statements.length).toBeLessThanOrEqual(3 + pages * 6);
      const pageQueries = statements.filter(
        (sql) => /FROM [`"]?project[`"]? /i.test(sql) && /ORDER BY/i.test(sql),
      );
      for (const sql of pageQueries) expect(sql).not.toMatch(/fold\(/);
    });
  });
});

describe('the import and export commands', () => {
  let database: TestDatabase;
  const cli = (name: string) => join(ROOT, 'server/dist/cli', name);

  function run(
    script: string,
    args: string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli(script), ...args], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${(database.config as { path: string }).path}`,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  beforeAll(async () => {
    if (!existsSync(cli('import.cli.js')))
      throw new Error('server/dist is missing: run `npm run build` first (npm test does)');
    // Members only need the reference data (regions).
    database = await createEmptyDatabase('sqlite', 'cli');
    await seedReferenceData(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('imports a good file (exit 0) and refuses a bad one (exit 1), printing every problem', async () => {
    const good = await run('import.cli.js', ['members', join(EXAMPLES, 'members.csv')]);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toMatch(/^Imported 8 members in \d+\.\d+ s\n$/);

    const badFile = join((database.config as { path: string }).path, '..', 'bad.csv');
    writeFileSync(
      badFile,
      'name,siren,category,regionCode,city\nA SAS,123,SME,84,Lyon\nB SAS,912340015,SME,84,Lyon\n',
    );
    const bad = await run('import.cli.js', ['members', badFile]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toEqual([
      'line 2: siren: siren must be 9 digits with a valid check digit (Luhn key); "123" is not',
      'line 3: siren: SIREN 912340015 is already the member "Photonis Lyon SAS"',
      `${badFile}: Nothing was imported: 2 problems on 2 lines.`,
      '',
    ]);
    const [count] = (await database.dataSource.query('SELECT COUNT(*) AS n FROM member')) as {
      n: number;
    }[];
    expect(Number(count!.n)).toBe(8);
  });

  it('exports CSV on standard output (exit 0) and refuses an unknown filter field (exit 1)', async () => {
    const exported = await run('export.cli.js', ['members', '--separator', ';']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^Exported 8 members in \d+\.\d s\n$/);
    expect(
      exported.stdout.startsWith(
        `${UTF8_BOM}name;siren;category;regionCode;city;headcount;website;contactName;contactEmail\r\n`,
      ),
    ).toBe(true);
    expect(exported.stdout.split('\r\n')).toHaveLength(10);
    expect(exported.stdout).toContain(
      "\r\nGrenoble-Alpes Métropole, direction de l'innovation;912340072;PUBLIC_BODY;84;Grenoble;;;;\r\n",
    );

    const refused = await run('export.cli.js', [
      'projects',
      '--filter',
      '{"statut":{"eq":"FUNDED"}}',
    ]);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '--filter does not fit ProjectFilter: Field "statut" is not defined by type "ProjectFilter". Did you mean "status" or "startOn"?\n',
    });
  });
});

it('parses RFC 4180 and detects the separator from the header', () => {
  expect(parseCsv('a;b\r\n"x;1";"say ""hi"""\r\n\r\n"two\nlines";\n')).toEqual({
    separator: ';',
    records: [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;1', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', ''] },
    ],
    problems: [],
  });
  expect(parseCsv('a,b\n"open,1\n2,3\n').problems).toEqual([
    { line: 2, message: 'a quoted field is never closed (a " is missing)' },
  ]);
  expect(decodeCsvBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' });
});

it('ships one example file per kind, with every documented column', () => {
  for (const [kind, { columns }] of Object.entries(IMPORT_KINDS)) {
    const [header] = parseCsv(example(`${kind}.csv`).toString('utf8')).records;
    expect(header!.fields).toEqual(columns.map((column) => column.name));
  }
});
