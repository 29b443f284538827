import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind the filters and sorts the API offers on large tables that had none
 * (test/read-api/filter-indexes.test.ts finds them by EXPLAIN).
 */
const INDEXES: [name: string, table: string, column: string][] = [
  ['IDX_member_created_at', 'member', 'createdAt'],
  ['IDX_membership_yearly_fee', 'membership', 'yearlyFee'],
  ['IDX_membership_board_seat', 'membership', 'boardSeat'],
  ['IDX_project_created_at', 'project', 'createdAt'],
  ['IDX_project_public_funding_requested', 'project', 'publicFundingRequested'],
  ['IDX_project_partner_budget_share', 'project_partner', 'budgetSharePercent'],
  ['IDX_evaluation_score_score', 'evaluation_score', 'score'],
];

export class FilterAndSortIndexes1796020000000 implements MigrationInterface {
  name = 'FilterAndSortIndexes1796020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, column] of INDEXES) {
      await queryRunner.query(`CREATE INDEX \`${name}\` ON \`${table}\` (\`${column}\`)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table] of [...INDEXES].reverse()) {
      await queryRunner.query(`DROP INDEX \`${name}\` ON \`${table}\``);
    }
  }
}
