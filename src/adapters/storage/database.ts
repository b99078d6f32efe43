// Opens (and upgrades) Folio's IndexedDB database once per page and shares the connection.
import { openDB, type IDBPDatabase } from "idb";
import { DB_NAME, type FolioSchema } from "./schema";
import { DB_VERSION, runMigrations, type UpgradeTransaction } from "./migrations";
import { toStorageError } from "./storage-errors";

export type FolioDatabase = IDBPDatabase<FolioSchema>;

let connection: Promise<FolioDatabase> | null = null;

/** The shared connection, opened on first use with every pending migration applied. */
export function openFolioDatabase(): Promise<FolioDatabase> {
  connection ??= openAndMigrate().catch((error: unknown) => {
    connection = null;
    throw toStorageError(error, "open its storage");
  });
  return connection;
}

/** Closes the shared connection; the next call reopens it. Tests use it between fresh databases. */
export async function closeFolioDatabase(): Promise<void> {
  const pending = connection;
  connection = null;
  const db = await pending?.catch(() => null);
  db?.close();
}

async function openAndMigrate(): Promise<FolioDatabase> {
  let migrationError: unknown = null;
  try {
    const db = await openDB<FolioSchema>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        // The open promise reports a failed upgrade; this keeps its twin from going unhandled.
        tx.done.catch(() => undefined);
        const run = runMigrations(
          database as unknown as IDBPDatabase<unknown>,
          tx as unknown as UpgradeTransaction,
          oldVersion,
          newVersion ?? DB_VERSION,
        );
        // A failed migration aborts the upgrade, so the database stays at its old version intact.
        run.catch((error: unknown) => {
          migrationError = error;
          try {
            tx.abort();
          } catch {
            // Already finished or aborted: the open fails either way.
          }
        });
      },
      blocking() {
        // Another tab wants a newer version: step aside so its upgrade can run.
        void closeFolioDatabase();
      },
      terminated() {
        connection = null;
      },
    });
    return db;
  } catch (error) {
    throw migrationError ?? error;
  }
}
