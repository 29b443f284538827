import { barOption } from './chart-options';
import { type OperationRef, PALETTE, type PanelContext, renderPanel } from './chart-panel';
import type { Cell } from './csv';

/** What `projectStats(groupBy: [STATUS])` gives a panel: counts and the funding granted. */
export interface ProjectsByStatusGroup {
  key: { status?: string | null };
  count: number;
  sum: { publicFundingGranted?: string | null };
}

/**
 * Projects by status, with the public funding granted (null where the caller may see no
 * amount: said so, never a zero): the same chart on a pole's profile and a region's detail.
 */
export function projectsByStatusPanel(
  context: PanelContext,
  spec: {
    id: string;
    title: string;
    description: string;
    operation: OperationRef;
    groups: ProjectsByStatusGroup[];
  },
): HTMLElement {
  const { i18n } = context;
  const rows: Cell[][] = spec.groups.map((group) => [
    group.key.status ?? null,
    group.count,
    group.sum.publicFundingGranted ?? null,
  ]);
  return renderPanel(context, {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    operation: spec.operation,
    columns: [
      { label: i18n.t('status'), format: (cell) => i18n.label(cell as string) },
      { label: i18n.t('projects'), format: (cell) => i18n.number(cell as number) },
      {
        label: i18n.t('fundingGranted'),
        format: (cell) =>
          cell === null ? i18n.t('confidentialShort') : i18n.euros(cell as string),
      },
    ],
    rows,
    height: 240,
    option: barOption(
      rows.map((row) => i18n.label(row[0] as string)),
      rows.map((row) => row[1] as number),
      i18n.number,
      PALETTE[2]!,
    ),
    notes: rows.some((row) => row[2] === null)
      ? [i18n.t('confidential')]
      : [i18n.t('reg.fundingNote')],
  });
}
