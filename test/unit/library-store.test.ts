// Library store with fake ingestion over fake IndexedDB: many files, failures, passwords, removal.
import { beforeEach, describe, expect, it } from "vitest";
import * as repository from "../../src/adapters/storage/documents-repository";
import { createLibraryStore, type LibraryStore } from "../../src/features/library/library-store";
import type { IngestOptions, LibraryServices } from "../../src/features/library/library-types";
import type { DocumentMeta, FolioDocument } from "../../src/core/text/types";
import { FolioError } from "../../src/lib/errors";
import { freshIndexedDb, makeDocument } from "./storage-fixtures";

beforeEach(freshIndexedDb);

/** Resolves when the predicate holds for the store's state. */
function until(store: LibraryStore, predicate: (state: ReturnType<LibraryStore["getState"]>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate(store.getState())) return resolve();
    const stop = store.subscribe((state) => {
      if (predicate(state)) {
        stop();
        resolve();
      }
    });
  });
}

const allSettled = (state: ReturnType<LibraryStore["getState"]>) =>
  Object.values(state.jobs).every((job) => ["done", "error", "needs-password"].includes(job.status));

function file(name: string, body = "hello"): File {
  return new File([body], name);
}

/**
 * Fake ingestion that stores like the ingest worker does: "bad*" files are damaged, "locked*" need
 * the password "secret"; `save` stores the document (the real repository unless a test swaps it).
 */
function fakeIngest(
  log: { active: number; max: number } = { active: 0, max: 0 },
  save: (doc: FolioDocument) => Promise<void> = repository.saveDocument,
) {
  return async (input: File, options: IngestOptions): Promise<DocumentMeta> => {
    log.active += 1;
    log.max = Math.max(log.max, log.active);
    try {
      for (let page = 1; page <= 3; page++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        options.onProgress?.({ stage: "extracting", done: page, total: 3 });
      }
      if (input.name.startsWith("bad")) throw new FolioError("DamagedFileError", `"${input.name}" is damaged.`, "Export it again.");
      if (input.name.startsWith("locked")) {
        if (options.password === undefined) throw new FolioError("PasswordRequiredError", "Needs a password.", "Enter it.");
        if (options.password !== "secret") throw new FolioError("WrongPasswordError", "Wrong password.", "Try again.");
      }
      options.signal?.throwIfAborted();
      const doc = makeDocument(options.id, input.name, Date.now());
      options.onProgress?.({ stage: "saving", done: 0, total: 0 });
      await save(doc);
      return repository.toDocumentMeta(doc);
    } finally {
      log.active -= 1;
    }
  };
}

function makeStore(overrides: Partial<LibraryServices> = {}): LibraryStore {
  let next = 0;
  return createLibraryStore({ ...repository, ingestAndStore: fakeIngest(), newId: () => `id-${++next}`, ...overrides });
}

describe("library store", () => {
  it("ingests many files, two at a time, and one bad file stops none of the others", async () => {
    const log = { active: 0, max: 0 };
    const store = makeStore({ ingestAndStore: fakeIngest(log) });
    store.getState().addFiles([file("a.pdf"), file("bad.pdf"), file("c.md"), file("d.txt"), file("e.html")]);
    expect(Object.values(store.getState().jobs).every((job) => job.status === "queued" || job.status === "reading")).toBe(true);
    await until(store, allSettled);

    const jobs = store.getState().jobOrder.map((id) => store.getState().jobs[id]);
    expect(jobs.map((job) => [job?.fileName, job?.status])).toEqual([
      ["a.pdf", "done"], ["bad.pdf", "error"], ["c.md", "done"], ["d.txt", "done"], ["e.html", "done"],
    ]);
    expect(jobs[1]?.error).toMatchObject({ name: "DamagedFileError", hint: "Export it again." });
    expect(log.max).toBe(2);
    expect((await repository.listDocuments()).map((doc) => doc.name).sort()).toEqual(["a.pdf", "c.md", "d.txt", "e.html"]);
    expect(store.getState().documents).toHaveLength(4);
  });

  it("leaves stored documents untouched when a file fails to save", async () => {
    await repository.saveDocument(makeDocument("old", "old.pdf"));
    const store = makeStore({
      ingestAndStore: fakeIngest(undefined, () => Promise.reject(new FolioError("StorageQuotaError", "Full.", "Remove some."))),
    });
    await store.getState().load();
    store.getState().addFiles([file("new.pdf")]);
    await until(store, allSettled);

    const job = Object.values(store.getState().jobs)[0];
    expect(job?.status).toBe("error");
    expect(job?.error?.name).toBe("StorageQuotaError");
    expect(store.getState().documents.map((doc) => doc.id)).toEqual(["old"]);
    expect(await repository.getDocument("old")).toEqual(makeDocument("old", "old.pdf"));
  });

  it("asks for a password, shows a wrong one, and opens with the right one under the same id", async () => {
    const store = makeStore();
    const [jobId] = store.getState().addFiles([file("locked.pdf")]);
    const job = () => store.getState().jobs[jobId as string];
    await until(store, allSettled);
    expect(job()).toMatchObject({ status: "needs-password", error: { name: "PasswordRequiredError" } });
    const docId = job()?.docId;

    store.getState().submitPassword(jobId as string, "guess");
    await until(store, () => job()?.status === "needs-password" && job()?.error?.name === "WrongPasswordError");

    store.getState().submitPassword(jobId as string, "secret");
    await until(store, () => job()?.status === "done");
    expect(store.getState().documents.map((doc) => doc.id)).toEqual([docId]);
  });

  it("reports progress on the job's card", async () => {
    const store = makeStore();
    const seen: string[] = [];
    store.subscribe((state) => {
      const job = Object.values(state.jobs)[0];
      if (job) seen.push(`${job.status}:${job.progress.done}/${job.progress.total}`);
    });
    store.getState().addFiles([file("a.pdf")]);
    await until(store, allSettled);
    expect(seen).toContain("extracting:3/3");
    expect(seen).toContain("saving:0/0");
    expect(seen.at(-1)).toBe("done:1/1");
  });

  it("dismisses a running job without storing an error", async () => {
    const store = makeStore({
      ingestAndStore: (_file, options) =>
        new Promise((_, reject) => options.signal?.addEventListener("abort", () => reject(new FolioError("CancelledError", "Cancelled.", "")))),
    });
    const [jobId] = store.getState().addFiles([file("slow.pdf")]);
    store.getState().dismissJob(jobId as string);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.getState().jobs).toEqual({});
    expect(store.getState().jobOrder).toEqual([]);
  });

  it("lists a document whose save had begun when its job was dismissed", async () => {
    let release = () => undefined as void;
    const saving = new Promise<void>((resolve) => (release = resolve));
    const store = makeStore({ ingestAndStore: fakeIngest(undefined, async (doc) => {
      await saving;
      await repository.saveDocument(doc);
    }) });
    const [jobId] = store.getState().addFiles([file("late.pdf")]);
    await until(store, (state) => state.jobs[jobId as string]?.status === "saving");
    store.getState().dismissJob(jobId as string);
    release();
    await until(store, (state) => state.documents.length === 1);
    expect(store.getState().jobs).toEqual({});
    expect((await repository.listDocuments()).map((doc) => doc.name)).toEqual(["late.pdf"]);
  });

  it("removes one document (meta and content) and then all of them", async () => {
    await repository.saveDocument(makeDocument("a", "a.pdf", 1));
    await repository.saveDocument(makeDocument("b", "b.pdf", 2));
    const store = makeStore();
    await store.getState().load();
    expect(store.getState().documents.map((doc) => doc.id)).toEqual(["b", "a"]);

    await store.getState().openDocument("a");
    await store.getState().removeDocument("a");
    expect(store.getState().documents.map((doc) => doc.id)).toEqual(["b"]);
    expect(store.getState().open.status).toBe("closed");
    await expect(repository.getDocument("a")).rejects.toMatchObject({ name: "DocumentNotFoundError" });

    await store.getState().removeAll();
    expect(store.getState().documents).toEqual([]);
    expect(await repository.listDocuments()).toEqual([]);
  });

  it("opens a document with normalised highlights and names a missing one", async () => {
    const doc = makeDocument("a");
    await repository.saveDocument(doc);
    const store = makeStore();

    await store.getState().showPassage("a", [{ start: 20, end: 25 }, { start: 2, end: 6 }, { start: 4, end: 9 }, { start: 30, end: 9999 }]);
    const open = store.getState().open;
    expect(open.status).toBe("ready");
    if (open.status !== "ready") return;
    expect(open.document).toEqual(doc);
    expect(open.highlights).toEqual([{ start: 2, end: 9 }, { start: 20, end: 25 }, { start: 30, end: doc.text.length }]);

    const before = open.request;
    await store.getState().openDocument("a", [{ start: 0, end: 1 }]);
    const again = store.getState().open;
    expect(again.status === "ready" && again.request > before && again.highlights).toEqual([{ start: 0, end: 1 }]);

    await store.getState().openDocument("missing");
    expect(store.getState().open).toMatchObject({ status: "error", error: { name: "DocumentNotFoundError" } });
  });

  it("shows a load failure as a notice", async () => {
    const store = makeStore({ listDocuments: () => Promise.reject(new FolioError("StorageError", "No storage.", "Reload.")) });
    await store.getState().load();
    expect(store.getState().loadStatus).toBe("error");
    expect(store.getState().notice?.name).toBe("StorageError");
  });
});
