import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A page filtered on a field of few values (a status, a category, a yes/no) in its list's
 * default order, read in order from one index (sort-indexes.ts, `pageIndexes`, which SQLite
 * builds from the collections at start): MariaDB read such a page through the field's own index
 * and sorted every matching row before the `LIMIT` (the regional page at scale 10: 656 FUNDED
 * projects sorted for 51; 90 read in order with its index). As of this migration; a test keeps
 * the derivation and the committed migrations equal (test/database/sort-indexes.test.ts).
 */
export const FEW_VALUE_PAGE_INDEXES: [name: string, table: string, columns: string[]][] = [
  ['IDX_pole_kind_name_page', 'pole', ['kind', 'name']],
  ['IDX_pole_status_name_page', 'pole', ['status', 'name']],
  ['IDX_member_category_name_page', 'member', ['category', 'name']],
  ['IDX_membership_boardSeat_startDate_page', 'membership', ['boardSeat', 'startDate']],
  ['IDX_project_status_submittedOn_page', 'project', ['status', 'submittedOn']],
  [
    'IDX_project_status_change_toStatus_changedAt_page',
    'project_status_change',
    ['toStatus', 'changedAt'],
  ],
  ['IDX_criterion_measurement_code_page', 'criterion', ['measurement', 'code']],
  ['IDX_labelling_decision_outcome_decidedOn_page', 'labelling_decision', ['outcome', 'decidedOn']],
  ['IDX_labelling_decision_kind_decidedOn_page', 'labelling_decision', ['kind', 'decidedOn']],
  [
    'IDX_labelling_decision_extensionCondition_decidedOn_page',
    'labelling_decision',
    ['extensionCondition', 'decidedOn'],
  ],
  ['IDX_labelling_decision_newPole_decidedOn_page', 'labelling_decision', ['newPole', 'decidedOn']],
  ['IDX_cluster_label_level_awardedOn_page', 'cluster_label', ['level', 'awardedOn']],
  ['IDX_cluster_label_renewal_awardedOn_page', 'cluster_label', ['renewal', 'awardedOn']],
];

const columnList = (columns: string[]) => columns.map((column) => `\`${column}\``).join(', ');

export class FewValuePageIndexes1796030000000 implements MigrationInterface {
  name = 'FewValuePageIndexes1796030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, columns] of FEW_VALUE_PAGE_INDEXES) {
      await queryRunner.query(`CREATE INDEX \`${name}\` ON \`${table}\` (${columnList(columns)})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table] of [...FEW_VALUE_PAGE_INDEXES].reverse()) {
      await queryRunner.query(`DROP INDEX \`${name}\` ON \`${table}\``);
    }
  }
}
