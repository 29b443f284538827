import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataRulesAndIdempotency1796003602874 implements MigrationInterface {
  name = 'DataRulesAndIdempotency1796003602874';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `write_lock` (`name` varchar(60) NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `idempotency_record` (`keyHash` varchar(64) NOT NULL, `fingerprint` varchar(64) NOT NULL, `claim` varchar(36) NOT NULL, `state` varchar(12) NOT NULL, `commits` int NOT NULL DEFAULT '0', `response` text NULL, `expiresAtMs` bigint NOT NULL, INDEX `IDX_93b23405305cbf121dee6ff434` (`expiresAtMs`), PRIMARY KEY (`keyHash`)) ENGINE=InnoDB",
    );
    await queryRunner.query('ALTER TABLE `membership` ADD `active` tinyint NULL');
    // Running memberships get their key before the index holds them to one per member and pole.
    await queryRunner.query('UPDATE `membership` SET `active` = 1 WHERE `endDate` IS NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX `UQ_membership_active` ON `membership` (`memberId`, `poleId`, `active`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `UQ_membership_active` ON `membership`');
    await queryRunner.query('ALTER TABLE `membership` DROP COLUMN `active`');
    await queryRunner.query('DROP INDEX `IDX_93b23405305cbf121dee6ff434` ON `idempotency_record`');
    await queryRunner.query('DROP TABLE `idempotency_record`');
    await queryRunner.query('DROP TABLE `write_lock`');
  }
}
