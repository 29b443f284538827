import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuditLog1795406737761 implements MigrationInterface {
  name = 'AddAuditLog1795406737761';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_log_entry` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `actor` varchar(120) NOT NULL, `operation` varchar(60) NOT NULL, `recordType` varchar(40) NOT NULL, `recordId` int NOT NULL, `changesJson` text NOT NULL, `requestId` varchar(64) NOT NULL, `occurredAt` datetime(3) NOT NULL, INDEX `IDX_a87186bb6ed341aa881daf914f` (`actor`), INDEX `IDX_6f84d529b93afd42769513b050` (`operation`), INDEX `IDX_780fc76a0f7188ba5b422cff55` (`recordType`), INDEX `IDX_8aeb04b2dfe87ebfb65d832a43` (`occurredAt`), INDEX `IDX_audit_log_entry_record` (`recordType`, `recordId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_audit_log_entry_record` ON `audit_log_entry`');
    await queryRunner.query('DROP INDEX `IDX_8aeb04b2dfe87ebfb65d832a43` ON `audit_log_entry`');
    await queryRunner.query('DROP INDEX `IDX_780fc76a0f7188ba5b422cff55` ON `audit_log_entry`');
    await queryRunner.query('DROP INDEX `IDX_6f84d529b93afd42769513b050` ON `audit_log_entry`');
    await queryRunner.query('DROP INDEX `IDX_a87186bb6ed341aa881daf914f` ON `audit_log_entry`');
    await queryRunner.query('DROP TABLE `audit_log_entry`');
  }
}
