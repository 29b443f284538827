import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795405121873 implements MigrationInterface {
  name = 'InitialSchema1795405121873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `funding_programme` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(40) NOT NULL, `name` varchar(160) NOT NULL, `level` enum ('REGIONAL', 'NATIONAL', 'EUROPEAN') NOT NULL, `startYear` int NOT NULL, `endYear` int NULL, `description` text NOT NULL, INDEX `IDX_d6f2d3fc7d80abcfde366276f9` (`level`), UNIQUE INDEX `IDX_431ba95ee0290b54eae2ef2bdf` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `theme` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(40) NOT NULL, `name` varchar(120) NOT NULL, `nameEn` varchar(120) NOT NULL, UNIQUE INDEX `IDX_d39e888e20592fb5fb0ff9c2f0` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `pole_year` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `poleId` int NOT NULL, `year` int NOT NULL, `budget` decimal(14,2) NOT NULL, `privateFundingShare` decimal(5,4) NOT NULL, `staff` int NOT NULL, `europeTeamFte` decimal(6,2) NOT NULL, `membersCount` int NOT NULL, INDEX `IDX_bff4f7c78ce5ef5ac943718a01` (`poleId`), INDEX `IDX_95af6ba63f8c6181119219364c` (`year`), UNIQUE INDEX `UQ_pole_year_pole_year` (`poleId`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `membership` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `memberId` int NOT NULL, `poleId` int NOT NULL, `startDate` date NOT NULL, `endDate` date NULL, `yearlyFee` decimal(14,2) NULL, `boardSeat` tinyint NOT NULL DEFAULT 0, INDEX `IDX_3b4b41597707b13086e7172742` (`memberId`), INDEX `IDX_6b6bb4517c9e7b390eceb52f25` (`startDate`), INDEX `IDX_54c5548391b2ae8b2bbdc81bb9` (`endDate`), INDEX `IDX_membership_pole_member` (`poleId`, `memberId`), UNIQUE INDEX `UQ_membership_member_pole_start` (`memberId`, `poleId`, `startDate`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `pole` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `name` varchar(160) NOT NULL, `acronym` varchar(40) NULL, `slug` varchar(80) NOT NULL, `kind` enum ('COMPETITIVENESS_CLUSTER', 'OTHER_CLUSTER') NOT NULL DEFAULT 'COMPETITIVENESS_CLUSTER', `status` enum ('LABELLED', 'NOT_LABELLED', 'MERGED', 'DISSOLVED') NOT NULL, `headquartersRegionId` int NOT NULL, `city` varchar(80) NOT NULL, `foundedYear` int NULL, `website` varchar(200) NULL, INDEX `IDX_bd7ae1c4c03a7b15e369bc4d5a` (`name`), INDEX `IDX_b2a49611a817f8fe6ed3a82b4e` (`kind`), INDEX `IDX_3f2c1467b2bcbf6273ab6aecf6` (`status`), INDEX `IDX_b23805ac2fc786468a68d61eb8` (`headquartersRegionId`), INDEX `IDX_eb224766103303350a4717e8a8` (`city`), INDEX `IDX_63a16e86d8a3232bc6b13cce3c` (`foundedYear`), UNIQUE INDEX `IDX_56d61995b05ec77f88e842c834` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `region` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(3) NOT NULL, `name` varchar(80) NOT NULL, `overseas` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `IDX_74f7723fdff738f92929c0056c` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `member` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `name` varchar(200) NOT NULL, `siren` varchar(9) NOT NULL, `category` enum ('MICRO', 'SME', 'MID_SIZE', 'LARGE', 'RESEARCH', 'TRAINING', 'PUBLIC_BODY', 'OTHER') NOT NULL, `regionId` int NOT NULL, `city` varchar(80) NOT NULL, `headcount` int NULL, `website` varchar(200) NULL, `contactName` varchar(120) NULL, `contactEmail` varchar(200) NULL, INDEX `IDX_8174d0498e41d6e7c108b657e7` (`name`), INDEX `IDX_bedfa76786940354a4a8d01601` (`category`), INDEX `IDX_4e392df866b7f6cfd9529adcc8` (`regionId`), INDEX `IDX_cf71c62f17604b8c0e9c15c955` (`city`), INDEX `IDX_d1e1ec2d6d528e654ea6dda6a5` (`headcount`), UNIQUE INDEX `IDX_c44efa4abc2dcb41dfec6ef22c` (`siren`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `ministry` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(20) NOT NULL, `name` varchar(160) NOT NULL, `shortName` varchar(60) NOT NULL, `leadsPolicy` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `IDX_42ff5c973dd4f2caa807888d0c` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `project_status_change` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `projectId` int NOT NULL, `fromStatus` enum ('DRAFT', 'SUBMITTED', 'LABELLED', 'FUNDED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'ABANDONED') NULL, `toStatus` enum ('DRAFT', 'SUBMITTED', 'LABELLED', 'FUNDED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'ABANDONED') NOT NULL, `changedAt` datetime NOT NULL, `changedBy` varchar(120) NOT NULL, `comment` text NULL, INDEX `IDX_b31b2ccda7d6b3837ba587ddb1` (`projectId`), INDEX `IDX_20eaff0ed0714ce566bc050d2e` (`toStatus`), INDEX `IDX_991f17cd95498d4690ec3e5c92` (`changedAt`), INDEX `IDX_project_status_change_project_at` (`projectId`, `changedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `project` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `acronym` varchar(40) NOT NULL, `title` varchar(300) NOT NULL, `summary` text NOT NULL, `programmeId` int NOT NULL, `leadPoleId` int NOT NULL, `coordinatorId` int NULL, `status` enum ('DRAFT', 'SUBMITTED', 'LABELLED', 'FUNDED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'ABANDONED') NOT NULL DEFAULT 'DRAFT', `submittedOn` date NULL, `decisionOn` date NULL, `startOn` date NULL, `endOn` date NULL, `totalBudget` decimal(14,2) NOT NULL, `publicFundingRequested` decimal(14,2) NOT NULL, `publicFundingGranted` decimal(14,2) NULL, INDEX `IDX_cb001317127de4d5e323b5c0c4` (`title`), INDEX `IDX_9d8477fe02a2b58c0652f0821a` (`programmeId`), INDEX `IDX_b8bca5fbb1e9b588a0ca383c97` (`leadPoleId`), INDEX `IDX_095592d6f4f6f2c3e4e1a9848f` (`coordinatorId`), INDEX `IDX_57856cedbec1fbed761154d162` (`status`), INDEX `IDX_9ffdc7f8ef7c9e3b89c1c81957` (`submittedOn`), INDEX `IDX_327536e23a477aa3edc9d46d6a` (`decisionOn`), INDEX `IDX_a927a1042cd115dd054c32cce2` (`startOn`), INDEX `IDX_c91840d25b5eed9a735cfc56e5` (`endOn`), INDEX `IDX_a750152967faa2ccad0917354e` (`totalBudget`), INDEX `IDX_ec1f62da5893fc2e805913fdfb` (`publicFundingGranted`), UNIQUE INDEX `IDX_3518496d706696bfee7ebfc4f3` (`acronym`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `project_partner` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `projectId` int NOT NULL, `memberId` int NOT NULL, `role` enum ('COORDINATOR', 'PARTNER', 'SUBCONTRACTOR') NOT NULL, `budgetSharePercent` decimal(5,2) NOT NULL, INDEX `IDX_45181752626a6ccec6c8613abc` (`projectId`), INDEX `IDX_cf361212011b17f4d71aa63823` (`memberId`), INDEX `IDX_c26e3fa359cfd8eff042d76245` (`role`), UNIQUE INDEX `UQ_project_partner_project_member` (`projectId`, `memberId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `cluster_label` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `poleId` int NOT NULL, `level` enum ('BRONZE', 'SILVER', 'GOLD') NOT NULL, `awardedOn` date NOT NULL, `validUntil` date NOT NULL, `scorePercent` decimal(5,2) NULL, `indicatorsPassed` int NULL, `indicatorsTotal` int NOT NULL, INDEX `IDX_a952e37c3fe2467f2abb986f2c` (`poleId`), INDEX `IDX_a217478df249463210d263c709` (`level`), INDEX `IDX_2e9177a723443d6932e0d42fbd` (`awardedOn`), INDEX `IDX_3646cf03f0b8d42cc37db10b40` (`validUntil`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `labelling_phase` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `number` int NOT NULL, `name` varchar(60) NOT NULL, `startYear` int NOT NULL, `endYear` int NOT NULL, `description` text NOT NULL, UNIQUE INDEX `IDX_9dce112e4bd8c634f0f0ae2ec0` (`number`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `criterion` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `phaseId` int NOT NULL, `code` varchar(40) NOT NULL, `name` varchar(160) NOT NULL, `description` text NOT NULL, `measurement` enum ('INDICATOR', 'SCORE') NOT NULL, `indicator` enum ('MEMBERS_COUNT', 'SME_SHARE', 'PRIVATE_FUNDING_SHARE', 'EUROPEAN_PROJECTS', 'COLLABORATIVE_PROJECTS', 'FUNDING_RAISED') NULL, `threshold` decimal(18,4) NOT NULL, INDEX `IDX_a50aaa076f0a88372b1de6fbce` (`phaseId`), UNIQUE INDEX `UQ_criterion_phase_code` (`phaseId`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `evaluation` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `poleId` int NOT NULL, `phaseId` int NOT NULL, `ministryId` int NULL, `regionId` int NULL, `evaluatedOn` date NOT NULL, `comments` text NOT NULL, INDEX `IDX_c212e6f1a3d5d0d9a81cda0d80` (`poleId`), INDEX `IDX_b92ffe06d126d043e4a5972c6c` (`phaseId`), INDEX `IDX_d36553b3a0203e576e19590499` (`ministryId`), INDEX `IDX_5f4725a22558247cde48f5acac` (`regionId`), INDEX `IDX_b56cdf36c86b0ca0d1a2d8731a` (`evaluatedOn`), INDEX `IDX_evaluation_pole_phase` (`poleId`, `phaseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `evaluation_score` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `evaluationId` int NOT NULL, `criterionId` int NOT NULL, `score` decimal(5,2) NOT NULL, INDEX `IDX_5e5f2b475f260cf31db3ba3f74` (`evaluationId`), INDEX `IDX_cb2b0e222956f259305e2b6c91` (`criterionId`), UNIQUE INDEX `UQ_evaluation_score_evaluation_criterion` (`evaluationId`, `criterionId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `labelling_decision` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', `poleId` int NOT NULL, `phaseId` int NOT NULL, `outcome` enum ('LABELLED', 'LABELLED_PROBATION', 'NOT_LABELLED') NOT NULL, `durationYears` int NULL, `decidedOn` date NOT NULL, `publishedOn` date NULL, `rationale` text NOT NULL, INDEX `IDX_1adc09c4ed241c2ce49831ae97` (`poleId`), INDEX `IDX_2153aeff48efb062d70a49b5b1` (`phaseId`), INDEX `IDX_c5cee35576609aca44f9d85398` (`outcome`), INDEX `IDX_968c5e928b7ccb43a2d1d5d4c7` (`decidedOn`), INDEX `IDX_4a7b281027e1611e87c67979fc` (`publishedOn`), UNIQUE INDEX `UQ_labelling_decision_pole_phase` (`poleId`, `phaseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `pole_covered_region` (`poleId` int NOT NULL, `regionId` int NOT NULL, INDEX `IDX_b539242c61316da2b3470827b1` (`poleId`), INDEX `IDX_c8bfa0a386f1dfa1da214a5f80` (`regionId`), PRIMARY KEY (`poleId`, `regionId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `pole_theme` (`poleId` int NOT NULL, `themeId` int NOT NULL, INDEX `IDX_dbd631cb5d301f48003eb31705` (`poleId`), INDEX `IDX_db16fe9f3da4f145f1b1311164` (`themeId`), PRIMARY KEY (`poleId`, `themeId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `project_co_labelling_pole` (`projectId` int NOT NULL, `poleId` int NOT NULL, INDEX `IDX_f6cbc21eda1fed9accaeee2a1e` (`projectId`), INDEX `IDX_0a3e2294a091464e5559f16c3e` (`poleId`), PRIMARY KEY (`projectId`, `poleId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `project_theme` (`projectId` int NOT NULL, `themeId` int NOT NULL, INDEX `IDX_b41bbf39d606cbef3af8056d33` (`projectId`), INDEX `IDX_745893ca78bef75f19850b3a92` (`themeId`), PRIMARY KEY (`projectId`, `themeId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_year` ADD CONSTRAINT `FK_bff4f7c78ce5ef5ac943718a013` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `membership` ADD CONSTRAINT `FK_3b4b41597707b13086e71727422` FOREIGN KEY (`memberId`) REFERENCES `member`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `membership` ADD CONSTRAINT `FK_45d084d9c177b6ffdc2d163637f` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `pole` ADD CONSTRAINT `FK_b23805ac2fc786468a68d61eb8c` FOREIGN KEY (`headquartersRegionId`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_4e392df866b7f6cfd9529adcc84` FOREIGN KEY (`regionId`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `project_status_change` ADD CONSTRAINT `FK_b31b2ccda7d6b3837ba587ddb1d` FOREIGN KEY (`projectId`) REFERENCES `project`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `project` ADD CONSTRAINT `FK_9d8477fe02a2b58c0652f0821af` FOREIGN KEY (`programmeId`) REFERENCES `funding_programme`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `project` ADD CONSTRAINT `FK_b8bca5fbb1e9b588a0ca383c979` FOREIGN KEY (`leadPoleId`) REFERENCES `pole`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `project` ADD CONSTRAINT `FK_095592d6f4f6f2c3e4e1a9848fd` FOREIGN KEY (`coordinatorId`) REFERENCES `member`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `project_partner` ADD CONSTRAINT `FK_45181752626a6ccec6c8613abca` FOREIGN KEY (`projectId`) REFERENCES `project`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `project_partner` ADD CONSTRAINT `FK_cf361212011b17f4d71aa638234` FOREIGN KEY (`memberId`) REFERENCES `member`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `cluster_label` ADD CONSTRAINT `FK_a952e37c3fe2467f2abb986f2c1` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `criterion` ADD CONSTRAINT `FK_a50aaa076f0a88372b1de6fbce4` FOREIGN KEY (`phaseId`) REFERENCES `labelling_phase`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` ADD CONSTRAINT `FK_c212e6f1a3d5d0d9a81cda0d805` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` ADD CONSTRAINT `FK_b92ffe06d126d043e4a5972c6c1` FOREIGN KEY (`phaseId`) REFERENCES `labelling_phase`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` ADD CONSTRAINT `FK_d36553b3a0203e576e195904995` FOREIGN KEY (`ministryId`) REFERENCES `ministry`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` ADD CONSTRAINT `FK_5f4725a22558247cde48f5acac6` FOREIGN KEY (`regionId`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation_score` ADD CONSTRAINT `FK_5e5f2b475f260cf31db3ba3f74a` FOREIGN KEY (`evaluationId`) REFERENCES `evaluation`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation_score` ADD CONSTRAINT `FK_cb2b0e222956f259305e2b6c910` FOREIGN KEY (`criterionId`) REFERENCES `criterion`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` ADD CONSTRAINT `FK_1adc09c4ed241c2ce49831ae971` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` ADD CONSTRAINT `FK_2153aeff48efb062d70a49b5b11` FOREIGN KEY (`phaseId`) REFERENCES `labelling_phase`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_covered_region` ADD CONSTRAINT `FK_b539242c61316da2b3470827b1f` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_covered_region` ADD CONSTRAINT `FK_c8bfa0a386f1dfa1da214a5f80e` FOREIGN KEY (`regionId`) REFERENCES `region`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_theme` ADD CONSTRAINT `FK_dbd631cb5d301f48003eb317053` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_theme` ADD CONSTRAINT `FK_db16fe9f3da4f145f1b13111649` FOREIGN KEY (`themeId`) REFERENCES `theme`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `project_co_labelling_pole` ADD CONSTRAINT `FK_f6cbc21eda1fed9accaeee2a1e6` FOREIGN KEY (`projectId`) REFERENCES `project`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `project_co_labelling_pole` ADD CONSTRAINT `FK_0a3e2294a091464e5559f16c3e6` FOREIGN KEY (`poleId`) REFERENCES `pole`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `project_theme` ADD CONSTRAINT `FK_b41bbf39d606cbef3af8056d331` FOREIGN KEY (`projectId`) REFERENCES `project`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE `project_theme` ADD CONSTRAINT `FK_745893ca78bef75f19850b3a926` FOREIGN KEY (`themeId`) REFERENCES `theme`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `project_theme` DROP FOREIGN KEY `FK_745893ca78bef75f19850b3a926`',
    );
    await queryRunner.query(
      'ALTER TABLE `project_theme` DROP FOREIGN KEY `FK_b41bbf39d606cbef3af8056d331`',
    );
    await queryRunner.query(
      'ALTER TABLE `project_co_labelling_pole` DROP FOREIGN KEY `FK_0a3e2294a091464e5559f16c3e6`',
    );
    await queryRunner.query(
      'ALTER TABLE `project_co_labelling_pole` DROP FOREIGN KEY `FK_f6cbc21eda1fed9accaeee2a1e6`',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_theme` DROP FOREIGN KEY `FK_db16fe9f3da4f145f1b13111649`',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_theme` DROP FOREIGN KEY `FK_dbd631cb5d301f48003eb317053`',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_covered_region` DROP FOREIGN KEY `FK_c8bfa0a386f1dfa1da214a5f80e`',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_covered_region` DROP FOREIGN KEY `FK_b539242c61316da2b3470827b1f`',
    );
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` DROP FOREIGN KEY `FK_2153aeff48efb062d70a49b5b11`',
    );
    await queryRunner.query(
      'ALTER TABLE `labelling_decision` DROP FOREIGN KEY `FK_1adc09c4ed241c2ce49831ae971`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation_score` DROP FOREIGN KEY `FK_cb2b0e222956f259305e2b6c910`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation_score` DROP FOREIGN KEY `FK_5e5f2b475f260cf31db3ba3f74a`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` DROP FOREIGN KEY `FK_5f4725a22558247cde48f5acac6`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` DROP FOREIGN KEY `FK_d36553b3a0203e576e195904995`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` DROP FOREIGN KEY `FK_b92ffe06d126d043e4a5972c6c1`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` DROP FOREIGN KEY `FK_c212e6f1a3d5d0d9a81cda0d805`',
    );
    await queryRunner.query(
      'ALTER TABLE `criterion` DROP FOREIGN KEY `FK_a50aaa076f0a88372b1de6fbce4`',
    );
    await queryRunner.query(
      'ALTER TABLE `cluster_label` DROP FOREIGN KEY `FK_a952e37c3fe2467f2abb986f2c1`',
    );
    await queryRunner.query(
      'ALTER TABLE `project_partner` DROP FOREIGN KEY `FK_cf361212011b17f4d71aa638234`',
    );
    await queryRunner.query(
      'ALTER TABLE `project_partner` DROP FOREIGN KEY `FK_45181752626a6ccec6c8613abca`',
    );
    await queryRunner.query(
      'ALTER TABLE `project` DROP FOREIGN KEY `FK_095592d6f4f6f2c3e4e1a9848fd`',
    );
    await queryRunner.query(
      'ALTER TABLE `project` DROP FOREIGN KEY `FK_b8bca5fbb1e9b588a0ca383c979`',
    );
    await queryRunner.query(
      'ALTER TABLE `project` DROP FOREIGN KEY `FK_9d8477fe02a2b58c0652f0821af`',
    );
    await queryRunner.query(
      'ALTER TABLE `project_status_change` DROP FOREIGN KEY `FK_b31b2ccda7d6b3837ba587ddb1d`',
    );
    await queryRunner.query(
      'ALTER TABLE `member` DROP FOREIGN KEY `FK_4e392df866b7f6cfd9529adcc84`',
    );
    await queryRunner.query('ALTER TABLE `pole` DROP FOREIGN KEY `FK_b23805ac2fc786468a68d61eb8c`');
    await queryRunner.query(
      'ALTER TABLE `membership` DROP FOREIGN KEY `FK_45d084d9c177b6ffdc2d163637f`',
    );
    await queryRunner.query(
      'ALTER TABLE `membership` DROP FOREIGN KEY `FK_3b4b41597707b13086e71727422`',
    );
    await queryRunner.query(
      'ALTER TABLE `pole_year` DROP FOREIGN KEY `FK_bff4f7c78ce5ef5ac943718a013`',
    );
    await queryRunner.query('DROP INDEX `IDX_745893ca78bef75f19850b3a92` ON `project_theme`');
    await queryRunner.query('DROP INDEX `IDX_b41bbf39d606cbef3af8056d33` ON `project_theme`');
    await queryRunner.query('DROP TABLE `project_theme`');
    await queryRunner.query(
      'DROP INDEX `IDX_0a3e2294a091464e5559f16c3e` ON `project_co_labelling_pole`',
    );
    await queryRunner.query(
      'DROP INDEX `IDX_f6cbc21eda1fed9accaeee2a1e` ON `project_co_labelling_pole`',
    );
    await queryRunner.query('DROP TABLE `project_co_labelling_pole`');
    await queryRunner.query('DROP INDEX `IDX_db16fe9f3da4f145f1b1311164` ON `pole_theme`');
    await queryRunner.query('DROP INDEX `IDX_dbd631cb5d301f48003eb31705` ON `pole_theme`');
    await queryRunner.query('DROP TABLE `pole_theme`');
    await queryRunner.query('DROP INDEX `IDX_c8bfa0a386f1dfa1da214a5f80` ON `pole_covered_region`');
    await queryRunner.query('DROP INDEX `IDX_b539242c61316da2b3470827b1` ON `pole_covered_region`');
    await queryRunner.query('DROP TABLE `pole_covered_region`');
    await queryRunner.query(
      'DROP INDEX `UQ_labelling_decision_pole_phase` ON `labelling_decision`',
    );
    await queryRunner.query('DROP INDEX `IDX_4a7b281027e1611e87c67979fc` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_968c5e928b7ccb43a2d1d5d4c7` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_c5cee35576609aca44f9d85398` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_2153aeff48efb062d70a49b5b1` ON `labelling_decision`');
    await queryRunner.query('DROP INDEX `IDX_1adc09c4ed241c2ce49831ae97` ON `labelling_decision`');
    await queryRunner.query('DROP TABLE `labelling_decision`');
    await queryRunner.query(
      'DROP INDEX `UQ_evaluation_score_evaluation_criterion` ON `evaluation_score`',
    );
    await queryRunner.query('DROP INDEX `IDX_cb2b0e222956f259305e2b6c91` ON `evaluation_score`');
    await queryRunner.query('DROP INDEX `IDX_5e5f2b475f260cf31db3ba3f74` ON `evaluation_score`');
    await queryRunner.query('DROP TABLE `evaluation_score`');
    await queryRunner.query('DROP INDEX `IDX_evaluation_pole_phase` ON `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_b56cdf36c86b0ca0d1a2d8731a` ON `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_5f4725a22558247cde48f5acac` ON `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_d36553b3a0203e576e19590499` ON `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_b92ffe06d126d043e4a5972c6c` ON `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_c212e6f1a3d5d0d9a81cda0d80` ON `evaluation`');
    await queryRunner.query('DROP TABLE `evaluation`');
    await queryRunner.query('DROP INDEX `UQ_criterion_phase_code` ON `criterion`');
    await queryRunner.query('DROP INDEX `IDX_a50aaa076f0a88372b1de6fbce` ON `criterion`');
    await queryRunner.query('DROP TABLE `criterion`');
    await queryRunner.query('DROP INDEX `IDX_9dce112e4bd8c634f0f0ae2ec0` ON `labelling_phase`');
    await queryRunner.query('DROP TABLE `labelling_phase`');
    await queryRunner.query('DROP INDEX `IDX_3646cf03f0b8d42cc37db10b40` ON `cluster_label`');
    await queryRunner.query('DROP INDEX `IDX_2e9177a723443d6932e0d42fbd` ON `cluster_label`');
    await queryRunner.query('DROP INDEX `IDX_a217478df249463210d263c709` ON `cluster_label`');
    await queryRunner.query('DROP INDEX `IDX_a952e37c3fe2467f2abb986f2c` ON `cluster_label`');
    await queryRunner.query('DROP TABLE `cluster_label`');
    await queryRunner.query('DROP INDEX `UQ_project_partner_project_member` ON `project_partner`');
    await queryRunner.query('DROP INDEX `IDX_c26e3fa359cfd8eff042d76245` ON `project_partner`');
    await queryRunner.query('DROP INDEX `IDX_cf361212011b17f4d71aa63823` ON `project_partner`');
    await queryRunner.query('DROP INDEX `IDX_45181752626a6ccec6c8613abc` ON `project_partner`');
    await queryRunner.query('DROP TABLE `project_partner`');
    await queryRunner.query('DROP INDEX `IDX_3518496d706696bfee7ebfc4f3` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_ec1f62da5893fc2e805913fdfb` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_a750152967faa2ccad0917354e` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_c91840d25b5eed9a735cfc56e5` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_a927a1042cd115dd054c32cce2` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_327536e23a477aa3edc9d46d6a` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_9ffdc7f8ef7c9e3b89c1c81957` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_57856cedbec1fbed761154d162` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_095592d6f4f6f2c3e4e1a9848f` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_b8bca5fbb1e9b588a0ca383c97` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_9d8477fe02a2b58c0652f0821a` ON `project`');
    await queryRunner.query('DROP INDEX `IDX_cb001317127de4d5e323b5c0c4` ON `project`');
    await queryRunner.query('DROP TABLE `project`');
    await queryRunner.query(
      'DROP INDEX `IDX_project_status_change_project_at` ON `project_status_change`',
    );
    await queryRunner.query(
      'DROP INDEX `IDX_991f17cd95498d4690ec3e5c92` ON `project_status_change`',
    );
    await queryRunner.query(
      'DROP INDEX `IDX_20eaff0ed0714ce566bc050d2e` ON `project_status_change`',
    );
    await queryRunner.query(
      'DROP INDEX `IDX_b31b2ccda7d6b3837ba587ddb1` ON `project_status_change`',
    );
    await queryRunner.query('DROP TABLE `project_status_change`');
    await queryRunner.query('DROP INDEX `IDX_42ff5c973dd4f2caa807888d0c` ON `ministry`');
    await queryRunner.query('DROP TABLE `ministry`');
    await queryRunner.query('DROP INDEX `IDX_c44efa4abc2dcb41dfec6ef22c` ON `member`');
    await queryRunner.query('DROP INDEX `IDX_d1e1ec2d6d528e654ea6dda6a5` ON `member`');
    await queryRunner.query('DROP INDEX `IDX_cf71c62f17604b8c0e9c15c955` ON `member`');
    await queryRunner.query('DROP INDEX `IDX_4e392df866b7f6cfd9529adcc8` ON `member`');
    await queryRunner.query('DROP INDEX `IDX_bedfa76786940354a4a8d01601` ON `member`');
    await queryRunner.query('DROP INDEX `IDX_8174d0498e41d6e7c108b657e7` ON `member`');
    await queryRunner.query('DROP TABLE `member`');
    await queryRunner.query('DROP INDEX `IDX_74f7723fdff738f92929c0056c` ON `region`');
    await queryRunner.query('DROP TABLE `region`');
    await queryRunner.query('DROP INDEX `IDX_56d61995b05ec77f88e842c834` ON `pole`');
    await queryRunner.query('DROP INDEX `IDX_63a16e86d8a3232bc6b13cce3c` ON `pole`');
    await queryRunner.query('DROP INDEX `IDX_eb224766103303350a4717e8a8` ON `pole`');
    await queryRunner.query('DROP INDEX `IDX_b23805ac2fc786468a68d61eb8` ON `pole`');
    await queryRunner.query('DROP INDEX `IDX_3f2c1467b2bcbf6273ab6aecf6` ON `pole`');
    await queryRunner.query('DROP INDEX `IDX_b2a49611a817f8fe6ed3a82b4e` ON `pole`');
    await queryRunner.query('DROP INDEX `IDX_bd7ae1c4c03a7b15e369bc4d5a` ON `pole`');
    await queryRunner.query('DROP TABLE `pole`');
    await queryRunner.query('DROP INDEX `UQ_membership_member_pole_start` ON `membership`');
    await queryRunner.query('DROP INDEX `IDX_membership_pole_member` ON `membership`');
    await queryRunner.query('DROP INDEX `IDX_54c5548391b2ae8b2bbdc81bb9` ON `membership`');
    await queryRunner.query('DROP INDEX `IDX_6b6bb4517c9e7b390eceb52f25` ON `membership`');
    await queryRunner.query('DROP INDEX `IDX_3b4b41597707b13086e7172742` ON `membership`');
    await queryRunner.query('DROP TABLE `membership`');
    await queryRunner.query('DROP INDEX `UQ_pole_year_pole_year` ON `pole_year`');
    await queryRunner.query('DROP INDEX `IDX_95af6ba63f8c6181119219364c` ON `pole_year`');
    await queryRunner.query('DROP INDEX `IDX_bff4f7c78ce5ef5ac943718a01` ON `pole_year`');
    await queryRunner.query('DROP TABLE `pole_year`');
    await queryRunner.query('DROP INDEX `IDX_d39e888e20592fb5fb0ff9c2f0` ON `theme`');
    await queryRunner.query('DROP TABLE `theme`');
    await queryRunner.query('DROP INDEX `IDX_431ba95ee0290b54eae2ef2bdf` ON `funding_programme`');
    await queryRunner.query('DROP INDEX `IDX_d6f2d3fc7d80abcfde366276f9` ON `funding_programme`');
    await queryRunner.query('DROP TABLE `funding_programme`');
  }
}
