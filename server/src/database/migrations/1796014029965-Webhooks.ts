import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796014029965 implements MigrationInterface {
  name = 'Webhooks1796014029965';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `webhook` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `url` varchar(2000) NOT NULL, `events` text NOT NULL, `filterJson` text NULL, `scopeKind` varchar(12) NOT NULL, `regionId` int NULL, `ministryId` int NULL, `poleId` int NULL, `secret` varchar(64) NOT NULL, `enabled` tinyint NOT NULL DEFAULT 1, `disabledReason` varchar(300) NULL, `failingSinceMs` bigint NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `webhook_delivery` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `webhookId` int NOT NULL, `messageId` varchar(40) NOT NULL, `eventType` varchar(40) NOT NULL, `eventJson` text NOT NULL, `body` text NULL, `status` varchar(12) NOT NULL, `attemptCount` int NOT NULL DEFAULT '0', `nextAttemptAtMs` bigint NOT NULL, `claimedBy` varchar(40) NULL, `claimUntilMs` bigint NULL, `lastError` varchar(500) NULL, INDEX `IDX_756f07a5beb3326ea1488192d8` (`webhookId`), INDEX `IDX_webhook_delivery_due` (`status`, `nextAttemptAtMs`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `webhook_attempt` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `deliveryId` int NOT NULL, `statusCode` int NULL, `durationMs` int NOT NULL, `error` varchar(500) NULL, INDEX `IDX_4492f1e4aced9619843382a499` (`deliveryId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `webhook_delivery` ADD CONSTRAINT `FK_756f07a5beb3326ea1488192d89` FOREIGN KEY (`webhookId`) REFERENCES `webhook`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `webhook_attempt` ADD CONSTRAINT `FK_4492f1e4aced9619843382a4991` FOREIGN KEY (`deliveryId`) REFERENCES `webhook_delivery`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `webhook_attempt` DROP FOREIGN KEY `FK_4492f1e4aced9619843382a4991`',
    );
    await queryRunner.query(
      'ALTER TABLE `webhook_delivery` DROP FOREIGN KEY `FK_756f07a5beb3326ea1488192d89`',
    );
    await queryRunner.query('DROP INDEX `IDX_4492f1e4aced9619843382a499` ON `webhook_attempt`');
    await queryRunner.query('DROP TABLE `webhook_attempt`');
    await queryRunner.query('DROP INDEX `IDX_webhook_delivery_due` ON `webhook_delivery`');
    await queryRunner.query('DROP INDEX `IDX_756f07a5beb3326ea1488192d8` ON `webhook_delivery`');
    await queryRunner.query('DROP TABLE `webhook_delivery`');
    await queryRunner.query('DROP TABLE `webhook`');
  }
}
