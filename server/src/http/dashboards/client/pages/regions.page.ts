import detailDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-region-detail.graphql';
import regionsDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-regions.graphql';
import { barOption } from '../chart-options';
import { element, PALETTE, renderPanel } from '../chart-panel';
import type { Cell } from '../csv';
import { filterBar, filterSelect, heading, type PageContext } from '../page-context';
import { projectsByStatusPanel } from '../projects-by-status-panel';

/** Grid cartogram of the 18 regions (column, row): no geometry file, overseas on the last row. */
const TILES: Record<string, [number, number, string]> = {
  '32': [3, 1, 'HDF'],
  '28': [2, 2, 'NOR'],
  '11': [3, 2, 'IDF'],
  '44': [4, 2, 'GES'],
  '53': [1, 3, 'BRE'],
  '52': [2, 3, 'PDL'],
  '24': [3, 3, 'CVL'],
  '27': [4, 3, 'BFC'],
  '75': [2, 4, 'NAQ'],
  '84': [3, 4, 'ARA'],
  '76': [2, 5, 'OCC'],
  '93': [3, 5, 'PAC'],
  '94': [5, 5, 'COR'],
  '01': [1, 6, 'GUA'],
  '02': [2, 6, 'MTQ'],
  '03': [3, 6, 'GUF'],
  '04': [4, 6, 'REU'],
  '06': [5, 6, 'MAY'],
};

const MEASURES = ['members', 'projects', 'european', 'funding'] as const;
type Measure = (typeof MEASURES)[number];

/** Régions: a tile map coloured by a measure, a table, and a region's detail. 2–3 requests. */
export async function renderRegionsPage(context: PageContext): Promise<void> {
  const { answers, i18n, params } = context;
  const measure = (MEASURES as readonly string[]).includes(params.get('measure') ?? '')
    ? (params.get('measure') as Measure)
    : 'members';
  const selected = params.get('region') ?? '';
  const [reference, overview, detail] = await Promise.all([
    answers.load('dashboardReference'),
    answers.load('dashboardRegions'),
    selected ? answers.load('dashboardRegionDetail', { code: selected }) : Promise.resolve(null),
  ]);
  const data = overview.data;
  const regions = reference.data.regions;
  const labelledPoles = reference.data.poles.nodes.filter((pole) => pole.status === 'LABELLED');
  const measureLabel: Record<Measure, string> = {
    members: i18n.t('members'),
    projects: i18n.t('projects'),
    european: i18n.t('europeanProjects'),
    funding: i18n.t('fundingGranted'),
  };
  const main = context.main;
  main.append(heading(i18n.t('page.regions')));
  main.append(
    filterBar(
      context,
      filterSelect(
        context,
        'measure',
        i18n.t('measure'),
        MEASURES.map((value) => ({ value, label: measureLabel[value] })),
        measure,
      ),
      filterSelect(
        context,
        'region',
        i18n.t('region'),
        [
          { value: '', label: '—' },
          ...regions.map((region) => ({ value: region.code, label: region.name })),
        ],
        selected,
      ),
    ),
  );

  const byCode = <T extends { key: { region?: { code: string } | null } }>(groups: T[]) =>
    new Map(groups.map((group) => [group.key.region?.code ?? '', group]));
  const members = byCode(data.membersByRegion);
  const projects = byCode(data.projectsByRegion);
  const european = byCode(data.europeanByRegion);
  const poleCounts = new Map<number, number>();
  for (const pole of labelledPoles) {
    poleCounts.set(pole.headquartersRegionId, (poleCounts.get(pole.headquartersRegionId) ?? 0) + 1);
  }
  // Funding: null where the caller may see no amount — never drawn as a zero.
  const rows: Cell[][] = regions.map((region) => [
    region.name,
    region.code,
    poleCounts.get(region.databaseId) ?? 0,
    members.get(region.code)?.count ?? 0,
    projects.get(region.code)?.count ?? 0,
    european.get(region.code)?.count ?? 0,
    // No group: the region's poles lead no project, so nothing was granted (a true zero).
    // A group whose sum is null: amounts the caller may not see.
    projects.has(region.code) ? (projects.get(region.code)?.sum.publicFundingGranted ?? null) : '0',
  ]);
  const measureColumn: Record<Measure, number> = {
    members: 3,
    projects: 4,
    european: 5,
    funding: 6,
  };
  const column = measureColumn[measure];
  const fundingHidden =
    measure === 'funding' &&
    data.projectsByRegion.every((group) => group.sum.publicFundingGranted === null);
  const values = rows.map((row) => (row[column] === null ? null : Number(row[column])));
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  const format = (value: number | null) =>
    value === null
      ? i18n.t('confidentialShort')
      : measure === 'funding'
        ? i18n.euros(value)
        : i18n.number(value);

  const tiles = element('div', { class: 'tiles' });
  tiles.setAttribute('role', 'list');
  tiles.setAttribute('aria-label', i18n.t('reg.mapDesc'));
  regions.forEach((region, index) => {
    const place = TILES[region.code];
    if (!place) return;
    const value = values[index] ?? null;
    const link = element('a', {
      class: `tile${region.code === selected ? ' selected' : ''}`,
      href: context.href('regions', { measure, region: region.code }),
      role: 'listitem',
      'aria-label': `${region.name}${i18n.t('colon')}${format(value)}`,
    });
    link.style.gridColumn = String(place[0]);
    link.style.gridRow = String(place[1]);
    const ratio = value === null ? null : value / max;
    const background = ratio === null ? ([236, 239, 241] as const) : sequential(ratio);
    link.style.background = `rgb(${background.join(',')})`;
    link.style.color = readableOn(background);
    link.append(element('strong', {}, place[2]), element('span', {}, format(value)));
    link.title = region.name;
    tiles.append(link);
  });
  const overseasLabel = element('span', { class: 'tiles-overseas' }, i18n.t('overseas'));
  tiles.append(overseasLabel);

  const layout = element('div', { class: 'two-columns' });
  main.append(layout);
  layout.append(
    renderPanel(context, {
      id: `regions-${measure}`,
      title: `${i18n.t('reg.map')}${i18n.t('colon')}${measureLabel[measure]}`,
      description: i18n.t('reg.mapDesc'),
      operation: { document: regionsDocument },
      columns: [
        { label: i18n.t('region') },
        { label: 'INSEE' },
        { label: i18n.t('poles'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('members'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('projects'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('europeanProjects'), format: (cell) => i18n.number(cell as number) },
        {
          label: i18n.t('fundingGranted'),
          format: (cell) =>
            cell === null ? i18n.t('confidentialShort') : i18n.euros(cell as string),
        },
      ],
      rows,
      rowLinks: regions.map((region) => context.href('regions', { measure, region: region.code })),
      option: null,
      custom: tiles,
      notice: fundingHidden ? i18n.t('confidential') : undefined,
      notes: measure === 'funding' && !fundingHidden ? [i18n.t('reg.fundingNote')] : [],
    }),
  );

  if (!selected || !detail) {
    layout.append(element('p', { class: 'hint' }, i18n.t('reg.clickHint')));
    return;
  }
  const region = regions.find((item) => item.code === selected);
  const side = element('div', { class: 'region-detail' });
  layout.append(side);
  side.append(
    element(
      'h2',
      { class: 'detail-title' },
      `${i18n.t('reg.detail')}${i18n.t('colon')}${region?.name ?? selected}`,
    ),
  );
  const regionPoles = labelledPoles.filter(
    (pole) => pole.headquartersRegionId === region?.databaseId,
  );
  const poleList = element('ul', { class: 'pole-list' });
  poleList.setAttribute('aria-label', i18n.t('reg.polesList'));
  for (const pole of regionPoles) {
    const item = element('li');
    item.append(element('a', { href: context.href('pole', { pole: pole.slug }) }, pole.name));
    poleList.append(item);
  }
  side.append(element('h3', {}, `${i18n.t('reg.polesList')} (${regionPoles.length})`), poleList);

  const categoryRows: Cell[][] = detail.data.membersByCategory.map((group) => [
    group.key.category ?? null,
    group.count,
  ]);
  side.append(
    renderPanel(context, {
      id: `region-${selected}-members`,
      title: i18n.t('reg.membersByCategory'),
      description: i18n.t('mem.nationalDesc'),
      operation: { document: detailDocument, variables: { code: selected } },
      columns: [
        { label: i18n.t('category'), format: (cell) => i18n.label(cell as string) },
        { label: i18n.t('members'), format: (cell) => i18n.number(cell as number) },
      ],
      rows: categoryRows,
      height: 260,
      option: barOption(
        categoryRows.map((row) => i18n.label(row[0] as string)),
        categoryRows.map((row) => row[1] as number),
        i18n.number,
        PALETTE[0]!,
      ),
    }),
  );
  side.append(
    projectsByStatusPanel(context, {
      id: `region-${selected}-projects`,
      title: i18n.t('reg.projectsByStatus'),
      description: i18n.t('reg.projectsDesc'),
      operation: { document: detailDocument, variables: { code: selected } },
      groups: detail.data.projectsByStatus,
    }),
  );
}

/** Light to dark blue, for a share of the largest value. */
function sequential(ratio: number): readonly number[] {
  const light = [222, 235, 247];
  const dark = [8, 48, 107];
  return light.map((channel, index) => Math.round(channel + (dark[index]! - channel) * ratio));
}

/** Black or white, whichever contrasts more with the tile (WCAG relative luminance). */
function readableOn(rgb: readonly number[]): string {
  const [r, g, b] = rgb.map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#fff' : '#111';
}
