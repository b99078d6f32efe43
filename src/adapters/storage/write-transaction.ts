// All-or-nothing writes: the requests of one change go in one readwrite transaction, so a failure
// (a full disk included) leaves what was stored before exactly as it was.
import type { IDBPTransaction, StoreNames } from "idb";
import { openFolioDatabase } from "./database";
import type { FolioSchema } from "./schema";
import { mostTellingError, toStorageError } from "./storage-errors";

export type WriteStores = StoreNames<FolioSchema>[];
export type WriteTransaction = IDBPTransaction<FolioSchema, WriteStores, "readwrite">;
/** Issues one request on the transaction; it must not await anything else, or the transaction commits early. */
export type WriteRequest = (tx: WriteTransaction) => Promise<unknown>;

/**
 * Issues `requests` in order in one readwrite transaction over `stores` and waits for it to
 * commit. If anything fails (a request, cloning a value, the commit itself) the transaction is
 * aborted, so none of its writes land, and the most telling error is thrown as a FolioError.
 * `action` completes "Folio could not ...", e.g. "save the run".
 */
export async function writeTogether(action: string, stores: WriteStores, requests: readonly WriteRequest[]): Promise<void> {
  let tx: WriteTransaction;
  try {
    const db = await openFolioDatabase();
    tx = db.transaction(stores, "readwrite");
  } catch (error) {
    throw toStorageError(error, action);
  }
  const pending: Promise<unknown>[] = [];
  try {
    for (const request of requests) pending.push(request(tx));
  } catch (error) {
    // A value that cannot be stored throws synchronously; undo the writes already queued.
    abortQuietly(tx);
    await Promise.allSettled([...pending, tx.done]);
    throw toStorageError(mostTellingError([error, tx.error]), action);
  }
  const results = await Promise.allSettled([...pending, tx.done]);
  const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  if (failures.length > 0) {
    abortQuietly(tx);
    throw toStorageError(mostTellingError([...failures, tx.error]), action);
  }
}

function abortQuietly(tx: WriteTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
