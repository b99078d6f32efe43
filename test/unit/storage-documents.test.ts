// Documents repository over fake IndexedDB: round trip, deletes, atomic saves, quota errors.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  deleteAllDocuments,
  deleteDocument,
  getDocument,
  listDocuments,
  saveDocument,
} from "../../src/adapters/storage/documents-repository";
import { openFolioDatabase } from "../../src/adapters/storage/database";
import { STORES } from "../../src/adapters/storage/schema";
import { FolioError } from "../../src/lib/errors";
import { freshIndexedDb, makeDocument } from "./storage-fixtures";

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

async function expectFolioError(promise: Promise<unknown>, name: string): Promise<FolioError> {
  const error = await promise.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(FolioError);
  expect((error as FolioError).name).toBe(name);
  return error as FolioError;
}

describe("documents repository", () => {
  it("round-trips a document and lists only meta, newest first", async () => {
    const older = makeDocument("a", "older.pdf", 1000);
    const newer = makeDocument("b", "newer.pdf", 2000);
    await saveDocument(older);
    await saveDocument(newer);

    const list = await listDocuments();
    expect(list.map((meta) => meta.id)).toEqual(["b", "a"]);
    expect(list[0]).not.toHaveProperty("text");
    expect(list[0]).not.toHaveProperty("sections");
    expect(await getDocument("a")).toEqual(older);
  });

  it("stores the sections packed in one typed array", async () => {
    await saveDocument(makeDocument("p"));
    const db = await openFolioDatabase();
    const record = await db.get(STORES.contents, "p");
    expect(record?.packed?.offsets).toBeInstanceOf(Int32Array);
    expect(record).not.toHaveProperty("sections");
    expect((await getDocument("p")).sections).toEqual(makeDocument("p").sections);
  });

  it("reads a damaged stored layout as DamagedFileError and leaves the record alone", async () => {
    await saveDocument(makeDocument("d"));
    const db = await openFolioDatabase();
    const record = await db.get(STORES.contents, "d");
    const damaged = { ...record!, packed: { ...record!.packed!, offsets: record!.packed!.offsets.slice(0, 4) } };
    await db.put(STORES.contents, damaged);
    await expectFolioError(getDocument("d"), "DamagedFileError");
    expect(await db.get(STORES.contents, "d")).toEqual(damaged);
    expect((await listDocuments()).map((meta) => meta.id)).toEqual(["d"]);
  });

  it("keeps stray properties out of the meta store", async () => {
    const doc = { ...makeDocument("x"), extra: "should not be stored" };
    await saveDocument(doc);
    const db = await openFolioDatabase();
    expect(await db.get(STORES.documents, "x")).not.toHaveProperty("extra");
  });

  it("throws DocumentNotFoundError for an unknown id", async () => {
    await expectFolioError(getDocument("missing"), "DocumentNotFoundError");
  });

  it("deletes one document's meta and content and leaves the others", async () => {
    await saveDocument(makeDocument("a"));
    await saveDocument(makeDocument("b"));
    await deleteDocument("a");

    expect((await listDocuments()).map((meta) => meta.id)).toEqual(["b"]);
    const db = await openFolioDatabase();
    expect(await db.get(STORES.contents, "a")).toBeUndefined();
    expect(await db.get(STORES.contents, "b")).toBeDefined();
    await deleteDocument("never-there");
  });

  it("deletes everything", async () => {
    await saveDocument(makeDocument("a"));
    await saveDocument(makeDocument("b"));
    await deleteAllDocuments();

    expect(await listDocuments()).toEqual([]);
    const db = await openFolioDatabase();
    expect(await db.count(STORES.contents)).toBe(0);
  });

  it("maps a quota failure to StorageQuotaError and changes nothing stored", async () => {
    const original = makeDocument("a", "original.pdf");
    await saveDocument(original);

    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === STORES.contents) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    });

    const replacement = { ...makeDocument("a", "replacement.pdf"), text: "changed" };
    const error = await expectFolioError(saveDocument(replacement), "StorageQuotaError");
    expect(error.hint).toMatch(/remove documents/i);
    await expectFolioError(saveDocument(makeDocument("new")), "StorageQuotaError");

    vi.restoreAllMocks();
    expect(await listDocuments()).toEqual([expect.objectContaining({ id: "a", name: "original.pdf" })]);
    expect(await getDocument("a")).toEqual(original);
  });

  it("aborts the whole save when the content cannot be stored", async () => {
    await saveDocument(makeDocument("a", "original.pdf"));
    const broken = { ...makeDocument("a", "broken.pdf"), sections: [() => "not cloneable"] } as unknown as ReturnType<typeof makeDocument>;

    await expectFolioError(saveDocument(broken), "StorageError");
    expect((await listDocuments())[0]?.name).toBe("original.pdf");
  });
});
