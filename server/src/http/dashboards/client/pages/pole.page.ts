import profileDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-pole-profile.graphql';
import { isConfidential } from '../api';
import { barOption, categoryChartOption } from '../chart-options';
import { type ChartSpec, element, PALETTE, renderPanel } from '../chart-panel';
import type { Cell } from '../csv';
import { filterBar, filterSelect, heading, type PageContext } from '../page-context';
import { projectsByStatusPanel } from '../projects-by-status-panel';

/** Profil d'un pôle: yearly figures, projects by status, labels, decisions. 2 requests. */
export async function renderPolePage(context: PageContext): Promise<void> {
  const { answers, i18n, params } = context;
  const named = params.get('pole') ?? '';
  const referenceAnswer = answers.load('dashboardReference');
  // No pole named: the first one of the list (asked first then; otherwise both at once).
  const slug = named || ((await referenceAnswer).data.poles.nodes[0]?.slug ?? '');
  const [reference, loaded] = await Promise.all([
    referenceAnswer,
    answers.load('dashboardPoleProfile', { slug }),
  ]);
  const { data } = loaded;
  const pole = data.pole;
  const main = context.main;
  main.append(
    heading(pole ? `${i18n.t('page.pole')}${i18n.t('colon')}${pole.name}` : i18n.t('page.pole')),
  );
  main.append(
    filterBar(
      context,
      filterSelect(
        context,
        'pole',
        i18n.t('pole.pick'),
        reference.data.poles.nodes.map((item) => ({ value: item.slug, label: item.name })),
        slug,
      ),
    ),
  );
  if (!pole) {
    main.append(element('p', { class: 'notice' }, i18n.t('pole.notFound')));
    return;
  }
  main.append(
    element(
      'p',
      { class: 'lede' },
      `${pole.acronym ? `${pole.acronym} · ` : ''}${pole.city}, ${pole.region.name} · ${i18n.label(pole.status)}`,
    ),
  );
  const variables = { slug };
  const yearsHidden = isConfidential(loaded, 'pole.years') || pole.years === null;
  const years = pole.years ?? [];
  const yearRows: Cell[][] = years.map((year) => [
    year.year,
    year.budget,
    year.privateFundingShare,
    year.membersCount,
    year.europeTeamFte,
  ]);
  const yearColumns = [
    { label: i18n.t('year') },
    { label: i18n.t('budget'), format: (cell: Cell) => i18n.euros(cell as string) },
    { label: i18n.t('privateShare'), format: (cell: Cell) => i18n.percent(cell as string) },
    { label: i18n.t('members'), format: (cell: Cell) => i18n.number(cell as number) },
    { label: i18n.t('europeFte'), format: (cell: Cell) => i18n.number(cell as string, 1) },
  ];
  const yearLabels = years.map((year) => String(year.year));
  // The two charts of the yearly figures share their rows, table and confidentiality.
  const yearPanel = (spec: Pick<ChartSpec, 'id' | 'title' | 'description' | 'option'>) =>
    renderPanel(context, {
      ...spec,
      operation: { document: profileDocument, variables },
      columns: yearColumns,
      rows: yearRows,
      notice: yearsHidden ? i18n.t('confidential') : undefined,
      height: 300,
    });
  const grid = element('div', { class: 'grid' });
  main.append(grid);
  grid.append(
    yearPanel({
      id: `pole-${slug}-budget`,
      title: i18n.t('pole.years'),
      description: i18n.t('pole.yearsDesc'),
      option: categoryChartOption({
        orientation: 'columns',
        categories: yearLabels,
        valueAxes: [
          { name: '€', format: (value) => i18n.number(value / 1e6, 1) + ' M' },
          { min: 0, max: 1, format: (value) => i18n.percent(value) },
        ],
        series: [
          {
            type: 'bar',
            name: i18n.t('budget'),
            data: years.map((year) => Number(year.budget)),
            color: PALETTE[0]!,
          },
          {
            type: 'line',
            name: i18n.t('privateShare'),
            secondAxis: true,
            data: years.map((year) => Number(year.privateFundingShare)),
            color: PALETTE[5]!,
            marks: [{ value: 0.5, label: '50 %' }],
          },
        ],
      }),
    }),
  );
  grid.append(
    yearPanel({
      id: `pole-${slug}-members`,
      title: i18n.t('pole.staff'),
      description: i18n.t('pole.staffDesc'),
      option: categoryChartOption({
        orientation: 'columns',
        categories: yearLabels,
        valueAxes: [{}, {}],
        series: [
          {
            type: 'line',
            name: i18n.t('members'),
            data: years.map((year) => year.membersCount),
            color: PALETTE[0]!,
          },
          {
            type: 'line',
            name: i18n.t('europeFte'),
            secondAxis: true,
            data: years.map((year) => Number(year.europeTeamFte)),
            color: PALETTE[1]!,
          },
        ],
      }),
    }),
  );
  grid.append(
    projectsByStatusPanel(context, {
      id: `pole-${slug}-projects`,
      title: i18n.t('pole.projects'),
      description: i18n.t('pole.projectsDesc'),
      operation: { document: profileDocument, variables },
      groups: data.projectsByStatus,
    }),
  );
  const labelRows: Cell[][] = pole.clusterLabels.map((label) => [
    label.awardedOn,
    label.level,
    label.scorePercent ?? null,
    label.validUntil,
  ]);
  grid.append(
    renderPanel(context, {
      id: `pole-${slug}-labels`,
      title: i18n.t('pole.labels'),
      description: i18n.t('pole.labelsDesc'),
      operation: { document: profileDocument, variables },
      columns: [
        { label: i18n.t('awardedOn'), format: (cell) => i18n.date(cell as string) },
        { label: i18n.t('labelLevel'), format: (cell) => i18n.label(cell as string) },
        { label: i18n.t('score'), format: (cell) => i18n.number(cell as string, 2) },
        { label: i18n.t('validUntil'), format: (cell) => i18n.date(cell as string) },
      ],
      rows: labelRows,
      notes: labelRows.some((row) => row[2] === null) ? [i18n.t('pole.scoreMissing')] : [],
      height: 220,
      option: labelRows.length
        ? barOption(
            labelRows.map(
              (row) => `${i18n.label(row[1] as string)} ${i18n.date(row[0] as string)}`,
            ),
            // An unpublished score stays a gap in the chart, not a zero.
            labelRows.map((row) => (row[2] === null ? null : Number(row[2]))),
            (value) => i18n.number(value, 2),
            PALETTE[1]!,
          )
        : null,
    }),
  );
  const decisionRows: Cell[][] = pole.decisions.map((decision) => [
    decision.phase.number,
    decision.decidedOn,
    decision.outcome,
    decision.durationYears ?? null,
  ]);
  grid.append(
    renderPanel(context, {
      id: `pole-${slug}-decisions`,
      title: i18n.t('pole.decisions'),
      description: i18n.t('pole.decisionsDesc'),
      operation: { document: profileDocument, variables },
      columns: [
        { label: i18n.t('phase') },
        { label: i18n.t('decidedOn'), format: (cell) => i18n.date(cell as string) },
        { label: i18n.t('decision'), format: (cell) => i18n.label(cell as string) },
        { label: i18n.t('duration'), format: (cell) => i18n.number(cell as number) },
      ],
      rows: decisionRows,
      height: 220,
      option: decisionRows.length
        ? categoryChartOption({
            orientation: 'columns',
            categories: decisionRows.map(
              (row) => `${i18n.t('phase')} ${row[0]} · ${i18n.date(row[1] as string)}`,
            ),
            valueAxes: [{ name: i18n.t('duration') }],
            series: [
              {
                type: 'bar',
                data: decisionRows.map((row) => ({
                  value: (row[3] as number | null) ?? 0,
                  itemStyle: {
                    color:
                      row[2] === 'LABELLED'
                        ? '#1a7f37'
                        : row[2] === 'LABELLED_PROBATION'
                          ? '#E69F00'
                          : '#c62828',
                  },
                })),
                color: '#c62828',
                labels: (item) => i18n.label(decisionRows[item.dataIndex]?.[2] as string),
              },
            ],
          })
        : null,
    }),
  );
}
