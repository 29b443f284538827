import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795405121873 } from './migrations/1795405121873-InitialSchema';

/** Committed migrations, oldest first. MySQL and MariaDB schemas only change through these. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [InitialSchema1795405121873];
