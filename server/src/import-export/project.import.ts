import { toGlobalId } from '../core/global-id';
import { PartnerRole } from '../project/project.enums';
import { CreateProjectInput, ProjectPartnerInput } from '../project/project.input';
import { createProject } from '../project/project.service';
import { type CellReader, type ImportKind, quote } from './import-kind';
import type { ReferenceBook } from './reference-book';

interface PartnerDraft {
  siren: string;
  role?: PartnerRole;
  budgetSharePercent?: string;
}

interface ProjectDraft {
  acronym?: string;
  title?: string;
  summary?: string;
  programmeCode?: string;
  leadPoleSlug?: string;
  coLabellingPoleSlugs: string[];
  themeCodes: string[];
  submittedOn?: string;
  decisionOn?: string;
  startOn?: string;
  endOn?: string;
  totalBudget?: string;
  publicFundingRequested?: string;
  publicFundingGranted?: string;
  partners: PartnerDraft[];
}

const PARTNER_FORMAT = `SIREN:ROLE:share, e.g. 830944997:${PartnerRole.COORDINATOR}:40`;

/** `SIREN:ROLE:share` items; a malformed item is reported and left out. */
function readPartners(cells: CellReader): PartnerDraft[] {
  const partners: PartnerDraft[] = [];
  cells.list('partners').forEach((item, index) => {
    const at = `item ${index + 1}: `;
    const parts = item.split(':').map((part) => part.trim());
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      cells.report('partners', `${at}${quote(item)} must be ${PARTNER_FORMAT}`);
      return;
    }
    const [siren, role, share] = parts as [string, string, string];
    partners.push({
      siren: siren.replace(/[ \u00a0\u202f]/g, ''),
      role: cells.enumItem('partners', role, PartnerRole, `${at}role`),
      budgetSharePercent: cells.decimalValue('partners', share, `${at}share`),
    });
  });
  return partners;
}

/** Global ids of the codes in `codes`, reporting those `ids` does not know. */
function resolveAll(
  codes: readonly string[],
  ids: ReadonlyMap<string, number>,
  typeName: string,
  column: string,
  what: string,
  cells: CellReader,
): string[] {
  const resolved: string[] = [];
  codes.forEach((code, index) => {
    const id = ids.get(code);
    if (id === undefined) cells.report(column, `item ${index + 1}: no ${what} ${quote(code)}`);
    else resolved.push(toGlobalId(typeName, id));
  });
  return resolved;
}

function resolveOne(
  code: string | undefined,
  ids: ReadonlyMap<string, number>,
  typeName: string,
  column: string,
  what: string,
  cells: CellReader,
): string {
  if (code === undefined) return '';
  const id = ids.get(code);
  if (id === undefined) {
    cells.report(column, `no ${what} ${quote(code)}`);
    return '';
  }
  return toGlobalId(typeName, id);
}

function partnerInputs(
  partners: readonly PartnerDraft[],
  book: ReferenceBook,
  cells: CellReader,
): ProjectPartnerInput[] {
  return partners.map((partner, index) => {
    const memberId = book.memberIdBySiren.get(partner.siren);
    if (memberId === undefined)
      cells.report(
        'partners',
        `item ${index + 1}: no member has the SIREN ${quote(partner.siren)}`,
      );
    return Object.assign(new ProjectPartnerInput(), {
      memberId: memberId === undefined ? '' : toGlobalId('Member', memberId),
      role: partner.role ?? PartnerRole.PARTNER,
      // Left unset when unreadable: already reported, and class-validator would say it twice.
      budgetSharePercent: partner.budgetSharePercent ?? '0',
    });
  });
}

/** `npm run import -- projects`: one `createProject` per line, in DRAFT, with its partners. */
export const PROJECT_IMPORT: ImportKind<ProjectDraft, CreateProjectInput> = {
  name: 'projects',
  noun: { one: 'project', many: 'projects' },
  operation: 'createProject',
  columns: [
    {
      name: 'acronym',
      required: true,
      description: 'Unique acronym: letters, digits and dashes, 2 to 40 characters.',
    },
    { name: 'title', required: true, description: 'Full title, 3 to 300 characters.' },
    { name: 'summary', required: true, description: 'Public summary, 10,000 characters at most.' },
    {
      name: 'programmeCode',
      required: true,
      description: 'Code of the funding programme, e.g. FUI, HORIZON_EUROPE.',
    },
    {
      name: 'leadPoleSlug',
      required: true,
      description: 'Slug of the lead pole (pôle porteur), e.g. aerospace-valley.',
    },
    {
      name: 'coLabellingPoleSlugs',
      required: false,
      description: '`|`-separated slugs of co-labelling poles (not the lead pole), 20 at most.',
    },
    {
      name: 'themeCodes',
      required: false,
      description: '`|`-separated theme codes, e.g. DIGITAL|CYBERSECURITY, 10 at most.',
    },
    { name: 'submittedOn', required: false, description: 'Submission date, YYYY-MM-DD.' },
    {
      name: 'decisionOn',
      required: false,
      description: 'Funding decision date, on or after submission.',
    },
    { name: 'startOn', required: false, description: 'Start date, on or after the decision.' },
    { name: 'endOn', required: false, description: 'End date, on or after the start.' },
    { name: 'totalBudget', required: true, description: 'Total budget in euros, e.g. 1250000.00.' },
    {
      name: 'publicFundingRequested',
      required: true,
      description: 'Public funding requested in euros, at most the budget.',
    },
    {
      name: 'publicFundingGranted',
      required: false,
      description: 'Public funding granted in euros, at most the budget.',
    },
    {
      name: 'partners',
      required: false,
      description: `\`|\`-separated ${PARTNER_FORMAT}; ROLE is ${Object.values(PartnerRole).join(', ')}; one coordinator at most, shares (percent) adding up to 100 at most.`,
    },
  ],
  columnOfField: {
    programmeId: 'programmeCode',
    leadPoleId: 'leadPoleSlug',
    coLabellingPoleIds: 'coLabellingPoleSlugs',
    themeIds: 'themeCodes',
  },

  read(cells: CellReader): ProjectDraft {
    return {
      acronym: cells.text('acronym', true),
      title: cells.text('title', true),
      summary: cells.text('summary', true),
      programmeCode: cells.text('programmeCode', true)?.toUpperCase(),
      leadPoleSlug: cells.text('leadPoleSlug', true)?.toLowerCase(),
      coLabellingPoleSlugs: cells.list('coLabellingPoleSlugs').map((slug) => slug.toLowerCase()),
      themeCodes: cells.list('themeCodes').map((code) => code.toUpperCase()),
      submittedOn: cells.date('submittedOn'),
      decisionOn: cells.date('decisionOn'),
      startOn: cells.date('startOn'),
      endOn: cells.date('endOn'),
      totalBudget: cells.decimal('totalBudget', true),
      publicFundingRequested: cells.decimal('publicFundingRequested', true),
      publicFundingGranted: cells.decimal('publicFundingGranted'),
      partners: readPartners(cells),
    };
  },

  referencedSirens: (draft) => draft.partners.map((partner) => partner.siren),

  // Compared without case: MySQL's collation would refuse "Abc" next to "ABC" anyway.
  uniqueKey: (draft) =>
    draft.acronym
      ? {
          column: 'acronym',
          key: draft.acronym.toUpperCase(),
          label: `the acronym ${draft.acronym}`,
        }
      : null,

  toInput(draft, book, cells) {
    return Object.assign(new CreateProjectInput(), {
      acronym: draft.acronym,
      title: draft.title,
      summary: draft.summary,
      programmeId: resolveOne(
        draft.programmeCode,
        book.programmeIdByCode,
        'FundingProgramme',
        'programmeCode',
        'funding programme has the code',
        cells,
      ),
      leadPoleId: resolveOne(
        draft.leadPoleSlug,
        book.poleIdBySlug,
        'Pole',
        'leadPoleSlug',
        'pole has the slug',
        cells,
      ),
      coLabellingPoleIds: resolveAll(
        draft.coLabellingPoleSlugs,
        book.poleIdBySlug,
        'Pole',
        'coLabellingPoleSlugs',
        'pole has the slug',
        cells,
      ),
      themeIds: resolveAll(
        draft.themeCodes,
        book.themeIdByCode,
        'Theme',
        'themeCodes',
        'theme has the code',
        cells,
      ),
      submittedOn: draft.submittedOn ?? null,
      decisionOn: draft.decisionOn ?? null,
      startOn: draft.startOn ?? null,
      endOn: draft.endOn ?? null,
      totalBudget: draft.totalBudget,
      publicFundingRequested: draft.publicFundingRequested,
      publicFundingGranted: draft.publicFundingGranted ?? null,
      partners: partnerInputs(draft.partners, book, cells),
    });
  },

  write: (scope, input) => createProject(scope, input),

  summaryDetail(inputs) {
    const partners = inputs.reduce((sum, input) => sum + input.partners.length, 0);
    return ` (${partners} partner${partners === 1 ? '' : 's'})`;
  },
};
