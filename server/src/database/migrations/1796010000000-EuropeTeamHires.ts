import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EuropeTeamHires1796010000000 implements MigrationInterface {
  name = 'EuropeTeamHires1796010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `pole_year` ADD `europeTeamHires` int NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `pole_year` DROP COLUMN `europeTeamHires`');
  }
}
