import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LabellingTermsMergersAndRegions1796004139142 implements MigrationInterface {
  name = 'LabellingTermsMergersAndRegions1796004139142';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP INDEX `UQ_labelling_decision_pole_phase` ON `labelling_decision`',
    );
    await queryRunner.query(
      'ALTER TABLE `region` ADD `inSelectionAndTracking` tinyint NOT NULL DEFAULT 0',
    );
    await queryRunner.query('ALTER TABLE `pole` ADD `successorId` int NULL');
    await queryRunner.query('ALTER TABLE `pole` ADD `mergedOn` date NULL');
    await queryRunner.query('ALTER TABLE `cluster_label` ADD `renewal` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `cluster_label` ADD `auditStartedOn` date NULL');
    await queryRunner.query('ALTER TABLE `cluster_label` ADD `auditEndedOn` date NULL');
    await queryRunner.query('ALTER TABLE `cluster_label` ADD `auditorCount` int NULL');
    await queryRunner.query('ALTER TABLE `labelling_phase` ADD `publishedLabelledCount` int NULL');
    await queryRunner.query(
      "ALTER TABLE `labelling_decision` ADD `kind` enum ('INITIAL', 'EXTENSION', 'WITHDRAWAL') NOT NULL DEFAULT 'INITIAL'",
    );
    await queryRunner.query('ALTER TABLE `labelling_decision` ADD `amendsDecisionId` int NULL');
    await queryRunner.query('ALTER TABLE `labelling_decision` ADD `validFrom` date NULL');
    await queryRunner.query('ALTER TABLE `labelling_decision` ADD `validUntil` date NULL');
    await queryRunner.query('ALTER TABLE `labelling_decision` ADD `extendableToYears` int NULL');
    await queryRunner.query(
      "ALTER TABLE `labelling_decision` ADD `extensionCondition` enum ('CONSOLIDATED_ROADMAP_AND_BUSINESS_MODEL', 'EFFECTIVE_STRUCTURING', 'REQUESTED_MERGER', 'SELECTION_COMMITTEE_REVIEW') NULL",
    );
    await queryRunner.query('ALTER TABLE `labelling_decision` ADD `conditionMetOn` date NULL');
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` ADD `newPole` tinyint NOT NULL DEFAULT 0',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_df61694d0dd01bdad9cd66c79b` ON `pole` (`successorId`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_901713e35a9684353eb77c4410` ON `labelling_decision` (`kind`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_824f221afda1deede44095ad7e` ON `labelling_decision` (`amendsDecisionId`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_c4fe89f9c730daf1c02b2fd0b1` ON `labelling_decision` (`validFrom`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_fb5158190a12d0d68f541d039f` ON `labelling_decision` (`validUntil`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_c724ec819b72cfd1e0c56c7b85` ON `labelling_decision` (`newPole`)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX `UQ_labelling_decision_pole_phase_day` ON `labelling_decision` (`poleId`, `phaseId`, `decidedOn`)',
    );
    await queryRunner.query(
      'ALTER TABLE `pole` ADD CONSTRAINT `FK_df61694d0dd01bdad9cd66c79b2` FOREIGN KEY (`successorId`) REFERENCES `pole`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` ADD CONSTRAINT `FK_824f221afda1deede44095ad7ed` FOREIGN KEY (`amendsDecisionId`) REFERENCES `labelling_decision`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` DROP FOREIGN KEY `FK_824f221afda1deede44095ad7ed`',
    );
    await queryRunner.query('ALTER TABLE `pole` DROP FOREIGN KEY `FK_df61694d0dd01bdad9cd66c79b2`');
    await queryRunner.query(
      'DROP INDEX `UQ_labelling_decision_pole_phase_day` ON `labelling_decision`',
    );
    await queryRunner.query('DROP INDEX `IDX_c724ec819b72cfd1e0c56c7b85` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_fb5158190a12d0d68f541d039f` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_c4fe89f9c730daf1c02b2fd0b1` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_824f221afda1deede44095ad7e` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_901713e35a9684353eb77c4410` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_df61694d0dd01bdad9cd66c79b` ON `pole`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `newPole`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `conditionMetOn`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `extensionCondition`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `extendableToYears`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `validUntil`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `validFrom`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `amendsDecisionId`');
    await queryRunner.query('ALTER TABLE `labelling_decision` DROP COLUMN `kind`');
    await queryRunner.query('ALTER TABLE `labelling_phase` DROP COLUMN `publishedLabelledCount`');
    await queryRunner.query('ALTER TABLE `cluster_label` DROP COLUMN `auditorCount`');
    await queryRunner.query('ALTER TABLE `cluster_label` DROP COLUMN `auditEndedOn`');
    await queryRunner.query('ALTER TABLE `cluster_label` DROP COLUMN `auditStartedOn`');
    await queryRunner.query('ALTER TABLE `cluster_label` DROP COLUMN `renewal`');
    await queryRunner.query('ALTER TABLE `pole` DROP COLUMN `mergedOn`');
    await queryRunner.query('ALTER TABLE `pole` DROP COLUMN `successorId`');
    await queryRunner.query('ALTER TABLE `region` DROP COLUMN `inSelectionAndTracking`');
    await queryRunner.query(
      'CREATE UNIQUE INDEX `UQ_labelling_decision_pole_phase` ON `labelling_decision` (`poleId`, `phaseId`)',
    );
  }
}
