import { Entity, type EntityManager, PrimaryColumn } from 'typeorm';

/**
 * One row per rule that no constraint can express (e.g. "labelling phases never overlap"):
 * writers that could break the rule take the row's lock first, so they run one after another
 * while writers of anything else run on. Rows are created on first use.
 */
@Entity('write_lock')
export class WriteLock {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name!: string;
}

/**
 * Serialises, until the transaction ends, every transaction that takes the lock `name`.
 *
 * MySQL/MariaDB: `INSERT … ON DUPLICATE KEY UPDATE` takes the row's exclusive lock whether or
 * not it existed (and creates it the first time); a second writer waits there until the first
 * commits or rolls back. Call it before the rule's reads, and read with `lockedReads` (InnoDB's
 * locking reads see the latest committed rows, not the transaction's snapshot).
 * SQLite: one writer at a time already (database/transactions.ts), nothing to do.
 */
export async function takeWriteLock(manager: EntityManager, name: string): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') return;
  await manager.query(
    'INSERT INTO `write_lock` (`name`) VALUES (?) ON DUPLICATE KEY UPDATE `name` = `name`',
    [name],
  );
}

/**
 * The lock mode a read that checks a rule under `takeWriteLock` needs: InnoDB's shared locking
 * read (latest committed rows); none on SQLite, whose single writer always reads the latest.
 */
export function lockedReads(manager: EntityManager): 'pessimistic_read' | undefined {
  return manager.connection.options.type === 'better-sqlite3' ? undefined : 'pessimistic_read';
}
