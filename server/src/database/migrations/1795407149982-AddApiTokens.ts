import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApiTokens1795407149982 implements MigrationInterface {
  name = 'AddApiTokens1795407149982';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `api_token` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(120) NOT NULL, `role` enum ('ADMIN', 'MINISTRY_ANALYST', 'REGION_OFFICER', 'POLE_MANAGER') NOT NULL, `secretHash` varchar(64) NOT NULL, `prefix` varchar(12) NOT NULL, `regionId` int NULL, `ministryId` int NULL, `poleId` int NULL, `expiresAt` datetime NULL, `revokedAt` datetime NULL, UNIQUE INDEX `IDX_8b2466d7cd43ef8e28ef1e5d58` (`secretHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'ALTER TABLE `api_token` ADD CONSTRAINT `FK_929fb52a47abf4434e75d42b119` FOREIGN KEY (`regionId`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `api_token` ADD CONSTRAINT `FK_fa41c8833d8f284bbf5a33b3259` FOREIGN KEY (`ministryId`) REFERENCES `ministry`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `api_token` ADD CONSTRAINT `FK_5435b9b5368b6d51d5ce4059836` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `api_token` DROP FOREIGN KEY `FK_5435b9b5368b6d51d5ce4059836`',
    );
    await queryRunner.query(
      'ALTER TABLE `api_token` DROP FOREIGN KEY `FK_fa41c8833d8f284bbf5a33b3259`',
    );
    await queryRunner.query(
      'ALTER TABLE `api_token` DROP FOREIGN KEY `FK_929fb52a47abf4434e75d42b119`',
    );
    await queryRunner.query('DROP INDEX `IDX_8b2466d7cd43ef8e28ef1e5d58` ON `api_token`');
    await queryRunner.query('DROP TABLE `api_token`');
  }
}
