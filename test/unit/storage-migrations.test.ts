// Schema migrations: an empty database, a v1 database opened by the current code, step ordering.
import { beforeEach, describe, expect, it } from "vitest";
import { openDB } from "idb";
import { closeFolioDatabase, openFolioDatabase } from "../../src/adapters/storage/database";
import { getDocument, listDocuments } from "../../src/adapters/storage/documents-repository";
import { DB_VERSION, MIGRATIONS, checkMigrations, runMigrations } from "../../src/adapters/storage/migrations";
import { DB_NAME, STORES } from "../../src/adapters/storage/schema";
import { freshIndexedDb, makeDocument } from "./storage-fixtures";

beforeEach(freshIndexedDb);

/**
 * Builds the database exactly as version 1 shipped it, written out by hand rather than through
 * MIGRATIONS, so an accidental edit of the shipped step shows up here. Stores one document.
 */
async function createVersion1Database(doc: ReturnType<typeof makeDocument>): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore("documents", { keyPath: "id" }).createIndex("addedAt", "addedAt");
      database.createObjectStore("contents", { keyPath: "id" });
    },
  });
  const { text, sections, ...meta } = doc;
  const tx = db.transaction(["documents", "contents"], "readwrite");
  await Promise.all([tx.objectStore("documents").put(meta), tx.objectStore("contents").put({ id: doc.id, text, sections }), tx.done]);
  db.close();
}

describe("migrations", () => {
  it("creates the current schema from an empty database", async () => {
    const db = await openFolioDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.values(STORES).sort());
    expect([...db.transaction(STORES.documents).store.indexNames]).toContain("addedAt");
    expect(await listDocuments()).toEqual([]);
  });

  it("opens a version 1 database with the current code and keeps its documents", async () => {
    const doc = makeDocument("kept", "kept.pdf");
    await createVersion1Database(doc);

    const db = await openFolioDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect((await listDocuments()).map((meta) => meta.id)).toEqual(["kept"]);
    expect(await getDocument("kept")).toEqual(doc);
    await closeFolioDatabase();
    expect(await getDocument("kept")).toEqual(doc);
  });

  it("numbers shipped steps 1, 2, 3, ... and opens the last one", () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(DB_VERSION).toBe(MIGRATIONS.at(-1)?.version);
    expect(() => checkMigrations([{ version: 2, description: "gap", migrate: () => undefined }])).toThrow(/expected 1/);
  });

  it("runs only the steps between the old and the new version, in order", async () => {
    const ran: number[] = [];
    const steps = [1, 2, 3, 4].map((version) => ({ version, description: `v${version}`, migrate: () => void ran.push(version) }));
    const unused = null as never;
    await runMigrations(unused, unused, 1, 3, steps);
    expect(ran).toEqual([2, 3]);
  });

  it("leaves the database at its old version when a migration fails", async () => {
    const doc = makeDocument("safe");
    await createVersion1Database(doc);
    const failing = [...MIGRATIONS, { version: 2, description: "broken", migrate: () => Promise.reject(new Error("boom")) }];
    const attempt = openDB(DB_NAME, 2, {
      upgrade(database, oldVersion, newVersion, tx) {
        tx.done.catch(() => undefined);
        runMigrations(database as never, tx as never, oldVersion, newVersion ?? 2, failing).catch(() => tx.abort());
      },
    });
    await expect(attempt).rejects.toBeDefined();
    expect(await getDocument("safe")).toEqual(doc);
  });
});
