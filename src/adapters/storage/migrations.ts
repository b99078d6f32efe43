// Versioned schema changes, applied in order inside IndexedDB's upgrade transaction.
import type { IDBPDatabase, IDBPTransaction } from "idb";
import { STORES } from "./schema";

/** An upgrade transaction without the current schema's types: migrations describe past versions. */
export type UpgradeTransaction = IDBPTransaction<unknown, string[], "versionchange">;

/**
 * Brings the database from `version - 1` to `version`. Runs inside the upgrade transaction, so it
 * may create or delete stores and indexes, and read or rewrite records through `tx`. It may be
 * async, but it must await only IndexedDB requests on `tx` (anything else lets the transaction
 * commit early).
 */
export type Migration = (db: IDBPDatabase<unknown>, tx: UpgradeTransaction) => void | Promise<void>;

export interface MigrationStep {
  version: number;
  description: string;
  migrate: Migration;
}

/**
 * Every schema change ever shipped, oldest first, one per version starting at 1. Never edit a
 * shipped step: add a new one (for example v2 for a compression index, v3 for conversations).
 */
export const MIGRATIONS: readonly MigrationStep[] = [
  {
    version: 1,
    description: "documents (meta, indexed by addedAt) and contents (text and sections)",
    migrate: (db) => {
      const documents = db.createObjectStore(STORES.documents, { keyPath: "id" });
      documents.createIndex("addedAt", "addedAt");
      db.createObjectStore(STORES.contents, { keyPath: "id" });
    },
  },
  {
    version: 2,
    description: "lab runs (config and metrics history), lab checkpoint meta (indexed by runId) and checkpoint bytes",
    migrate: (db) => {
      db.createObjectStore(STORES.labRuns, { keyPath: "id" });
      db.createObjectStore(STORES.labCheckpoints, { keyPath: "id" }).createIndex("runId", "runId");
      db.createObjectStore(STORES.labCheckpointData, { keyPath: "id" });
    },
  },
  {
    version: 3,
    description: "Ask: per-document compression indexes (keyed by document id) and conversations (indexed by updatedAt)",
    migrate: (db) => {
      db.createObjectStore(STORES.compressIndexes, { keyPath: "id" });
      db.createObjectStore(STORES.conversations, { keyPath: "id" }).createIndex("updatedAt", "updatedAt");
    },
  },
];

/** The schema version the current code opens, which is the last migration's. */
export const DB_VERSION: number = MIGRATIONS.length;

/** Throws unless steps are numbered 1, 2, 3, ... with no gap or repeat. */
export function checkMigrations(steps: readonly MigrationStep[]): void {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Migration ${index} has version ${step.version}; expected ${index + 1} (versions run 1, 2, 3, ... in order).`);
    }
  });
}

/** Applies every step after `oldVersion` up to and including `newVersion`, one after another. */
export async function runMigrations(
  db: IDBPDatabase<unknown>,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
  steps: readonly MigrationStep[] = MIGRATIONS,
): Promise<void> {
  checkMigrations(steps);
  for (const step of steps) {
    if (step.version > oldVersion && step.version <= newVersion) await step.migrate(db, tx);
  }
}
