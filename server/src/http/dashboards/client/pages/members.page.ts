import membersDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-members.graphql';
import poleMembersDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-pole-members.graphql';
import { categoryChartOption } from '../chart-options';
import { PALETTE, renderPanel } from '../chart-panel';
import type { Cell } from '../csv';
import { filterBar, filterSelect, heading, type PageContext } from '../page-context';

const CATEGORIES = [
  'MICRO',
  'SME',
  'MID_SIZE',
  'LARGE',
  'RESEARCH',
  'TRAINING',
  'PUBLIC_BODY',
  'OTHER',
] as const;

/** Membres: category shares nationally, per region and for one pole. 2–3 requests. */
export async function renderMembersPage(context: PageContext): Promise<void> {
  const { answers, i18n, params } = context;
  const poleSlug = params.get('pole') ?? '';
  const [reference, { data }, pole] = await Promise.all([
    answers.load('dashboardReference'),
    answers.load('dashboardMembers'),
    poleSlug ? answers.load('dashboardPoleMembers', { slug: poleSlug }) : Promise.resolve(null),
  ]);
  const { regions, poles } = reference.data;
  const main = context.main;
  main.append(heading(i18n.t('page.membres')));
  main.append(
    filterBar(
      context,
      filterSelect(
        context,
        'pole',
        i18n.t('pole'),
        [
          { value: '', label: '—' },
          ...poles.nodes.map((item) => ({ value: item.slug, label: item.name })),
        ],
        poleSlug,
      ),
    ),
  );
  const national = new Map(data.national.map((group) => [group.key.category ?? '', group]));
  const nationalRows: Cell[][] = CATEGORIES.map((category) => [
    category,
    national.get(category)?.count ?? 0,
    national.get(category)?.share ?? '0',
  ]);
  const percent = (value: number) => i18n.percent(value);
  const categoryLabels = CATEGORIES.map((category) => i18n.label(category));
  main.append(
    renderPanel(context, {
      id: 'members-national',
      title: i18n.t('mem.national'),
      description: i18n.t('mem.nationalDesc'),
      operation: { document: membersDocument },
      columns: [
        { label: i18n.t('category'), format: (cell) => i18n.label(cell as string) },
        { label: i18n.t('members'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('share'), format: (cell) => i18n.percent(cell as string) },
      ],
      rows: nationalRows,
      height: 280,
      option: categoryChartOption({
        orientation: 'bars',
        categories: categoryLabels,
        valueAxes: [{ format: percent }],
        series: [
          {
            type: 'bar',
            data: nationalRows.map((row) => Number(row[2])),
            color: PALETTE[0]!,
            labels: (item) => percent(item.value!),
          },
        ],
      }),
      notes: [i18n.t('mem.publishedNote')],
    }),
  );

  if (pole) {
    const poleGroups = new Map(pole.data.byPole.map((group) => [group.key.category ?? '', group]));
    const poleName = poles.nodes.find((item) => item.slug === poleSlug)?.name ?? poleSlug;
    const poleRows: Cell[][] = CATEGORIES.map((category) => [
      category,
      poleGroups.get(category)?.count ?? 0,
      poleGroups.get(category)?.share ?? '0',
      national.get(category)?.share ?? '0',
    ]);
    main.append(
      renderPanel(context, {
        id: `members-pole-${poleSlug}`,
        title: `${i18n.t('mem.pole')}${i18n.t('colon')}${poleName}`,
        description: i18n.t('mem.poleDesc'),
        operation: { document: poleMembersDocument, variables: { slug: poleSlug } },
        columns: [
          { label: i18n.t('category'), format: (cell) => i18n.label(cell as string) },
          { label: i18n.t('members'), format: (cell) => i18n.number(cell as number) },
          {
            label: `${i18n.t('share')} (${poleName})`,
            format: (cell) => i18n.percent(cell as string),
          },
          {
            label: `${i18n.t('share')} (${i18n.t('national')})`,
            format: (cell) => i18n.percent(cell as string),
          },
        ],
        rows: poleRows,
        height: 320,
        option: categoryChartOption({
          orientation: 'bars',
          categories: categoryLabels,
          valueAxes: [{ format: percent }],
          series: [
            {
              type: 'bar',
              name: poleName,
              data: poleRows.map((row) => Number(row[2])),
              color: PALETTE[1]!,
            },
            {
              type: 'bar',
              name: i18n.t('national'),
              data: poleRows.map((row) => Number(row[3])),
              color: PALETTE[0]!,
            },
          ],
        }),
      }),
    );
  }

  const totals = new Map<string, number>();
  for (const group of data.byRegion) {
    const code = group.key.region?.code ?? '';
    totals.set(code, (totals.get(code) ?? 0) + group.count);
  }
  const countOf = (code: string, category: string) =>
    data.byRegion.find(
      (group) => group.key.region?.code === code && group.key.category === category,
    )?.count ?? 0;
  const regionRows: Cell[][] = regions.flatMap((region) =>
    CATEGORIES.map((category) => {
      const count = countOf(region.code, category);
      const total = totals.get(region.code) ?? 0;
      return [region.name, category, count, total ? Number((count / total).toFixed(4)) : null];
    }),
  );
  main.append(
    renderPanel(context, {
      id: 'members-by-region',
      title: i18n.t('mem.regions'),
      description: i18n.t('mem.regionsDesc'),
      operation: { document: membersDocument },
      columns: [
        { label: i18n.t('region') },
        { label: i18n.t('category'), format: (cell) => i18n.label(cell as string) },
        { label: i18n.t('members'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('share'), format: (cell) => i18n.percent(cell as number) },
      ],
      rows: regionRows,
      height: 40 + regions.length * 26 + 40,
      option: categoryChartOption({
        orientation: 'bars',
        categories: regions.map((region) => region.name),
        valueAxes: [{ format: percent, max: 1 }],
        legendRows: 2,
        series: CATEGORIES.map((category, index) => ({
          type: 'bar',
          stack: 'share',
          name: i18n.label(category),
          data: regions.map((region) => {
            const total = totals.get(region.code) ?? 0;
            return total ? Number((countOf(region.code, category) / total).toFixed(4)) : 0;
          }),
          color: PALETTE[index]!,
        })),
      }),
    }),
  );
}
