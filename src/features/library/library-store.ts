// The library's state and actions: stored documents, ingestion jobs with limited concurrency,
// password retries, and the document open in the viewer with its highlights.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { DocumentMeta } from "../../core/text/types";
import { serializeError, type FolioErrorName } from "../../lib/errors";
import { normalizeRanges } from "./highlight-ranges";
import { DEFAULT_CONCURRENCY, type IngestJob, type LibraryServices, type LibraryState } from "./library-types";

const PASSWORD_ERRORS = new Set<FolioErrorName>(["PasswordRequiredError", "WrongPasswordError"]);

export type LibraryStore = StoreApi<LibraryState>;

export function createLibraryStore(services: LibraryServices): LibraryStore {
  const concurrency = Math.max(1, services.concurrency ?? DEFAULT_CONCURRENCY);
  // Kept outside the state: files and passwords are not data to render, and never persisted.
  const files = new Map<string, File>();
  const passwords = new Map<string, string>();
  const controllers = new Map<string, AbortController>();
  const queue: string[] = [];
  let running = 0;
  let openRequest = 0;

  return createStore<LibraryState>()((set, get) => {
    const patchJob = (jobId: string, patch: Partial<IngestJob>): void => {
      const job = get().jobs[jobId];
      if (!job) return;
      set({ jobs: { ...get().jobs, [jobId]: { ...job, ...patch } } });
    };

    const addMeta = (meta: DocumentMeta): void => {
      const others = get().documents.filter((doc) => doc.id !== meta.id);
      set({ documents: sortNewestFirst([meta, ...others]) });
    };

    const pump = (): void => {
      while (running < concurrency && queue.length > 0) {
        const jobId = queue.shift() as string;
        if (!get().jobs[jobId]) continue;
        running += 1;
        void runJob(jobId).finally(() => {
          running -= 1;
          pump();
        });
      }
    };

    const runJob = async (jobId: string): Promise<void> => {
      const file = files.get(jobId);
      const job = get().jobs[jobId];
      if (!file || !job) return;
      const controller = new AbortController();
      controllers.set(jobId, controller);
      const password = passwords.get(jobId);
      passwords.delete(jobId);
      patchJob(jobId, { status: "reading", progress: { done: 0, total: 0 }, error: null });
      try {
        const meta = await services.ingestAndStore(file, {
          id: job.docId,
          password,
          signal: controller.signal,
          onProgress: ({ stage, done, total }) => {
            const current = get().jobs[jobId];
            // Only a change the card would show is worth a state update.
            if (!current || (current.status === stage && current.progress.done === done && current.progress.total === total)) return;
            patchJob(jobId, { status: stage, progress: { done, total } });
          },
        });
        // Stored even if the job was dismissed meanwhile, so the list shows what storage holds.
        addMeta(meta);
        files.delete(jobId);
        patchJob(jobId, { status: "done", progress: { done: 1, total: 1 } });
      } catch (error) {
        if (controller.signal.aborted || !get().jobs[jobId]) return;
        const named = serializeError(error);
        const needsPassword = PASSWORD_ERRORS.has(named.name);
        if (!needsPassword) files.delete(jobId);
        patchJob(jobId, { status: needsPassword ? "needs-password" : "error", error: named });
      } finally {
        controllers.delete(jobId);
      }
    };

    const forgetJob = (jobId: string): void => {
      controllers.get(jobId)?.abort();
      controllers.delete(jobId);
      files.delete(jobId);
      passwords.delete(jobId);
      const index = queue.indexOf(jobId);
      if (index >= 0) queue.splice(index, 1);
    };

    return {
      documents: [],
      loadStatus: "idle",
      notice: null,
      jobs: {},
      jobOrder: [],
      open: { status: "closed" },

      async load({ force = false } = {}) {
        const status = get().loadStatus;
        if (status === "loading" || (status === "ready" && !force)) return;
        set({ loadStatus: "loading" });
        try {
          const stored = await services.listDocuments();
          // Documents saved while the list was being read are kept.
          const storedIds = new Set(stored.map((doc) => doc.id));
          const added = get().documents.filter((doc) => !storedIds.has(doc.id));
          set({ documents: sortNewestFirst([...added, ...stored]), loadStatus: "ready" });
        } catch (error) {
          set({ loadStatus: "error", notice: serializeError(error) });
        }
      },

      addFiles(input) {
        const added: IngestJob[] = Array.from(input, (file) => ({
          id: services.newId(),
          docId: services.newId(),
          fileName: file.name,
          size: file.size,
          status: "queued" as const,
          progress: { done: 0, total: 0 },
          error: null,
        }));
        if (added.length === 0) return [];
        const inputFiles = Array.from(input);
        added.forEach((job, index) => files.set(job.id, inputFiles[index] as File));
        const jobs = { ...get().jobs };
        for (const job of added) jobs[job.id] = job;
        set({ jobs, jobOrder: [...get().jobOrder, ...added.map((job) => job.id)] });
        queue.push(...added.map((job) => job.id));
        pump();
        return added.map((job) => job.id);
      },

      submitPassword(jobId, password) {
        const job = get().jobs[jobId];
        if (!job || job.status !== "needs-password" || !files.has(jobId)) return;
        passwords.set(jobId, password);
        patchJob(jobId, { status: "queued", progress: { done: 0, total: 0 } });
        queue.push(jobId);
        pump();
      },

      dismissJob(jobId) {
        if (!get().jobs[jobId]) return;
        forgetJob(jobId);
        const { [jobId]: _dismissed, ...jobs } = get().jobs;
        set({ jobs, jobOrder: get().jobOrder.filter((id) => id !== jobId) });
      },

      clearFinishedJobs() {
        const finished = new Set(Object.values(get().jobs).filter((job) => job.status === "done").map((job) => job.id));
        if (finished.size === 0) return;
        const jobs = Object.fromEntries(Object.entries(get().jobs).filter(([id]) => !finished.has(id)));
        set({ jobs, jobOrder: get().jobOrder.filter((id) => !finished.has(id)) });
      },

      async removeDocument(id) {
        try {
          await services.deleteDocument(id);
        } catch (error) {
          set({ notice: serializeError(error) });
          return;
        }
        set({ documents: get().documents.filter((doc) => doc.id !== id) });
        if (get().open.status !== "closed" && openId(get()) === id) get().closeDocument();
      },

      async removeAll() {
        try {
          await services.deleteAllDocuments();
        } catch (error) {
          set({ notice: serializeError(error) });
          return;
        }
        set({ documents: [] });
        get().closeDocument();
      },

      async openDocument(id, highlights = []) {
        const request = ++openRequest;
        const current = get().open;
        if (current.status === "ready" && current.id === id) {
          set({ open: { ...current, highlights: normalizeRanges(highlights, current.document.text.length), request } });
          return;
        }
        set({ open: { status: "loading", id } });
        try {
          const document = await services.getDocument(id);
          if (request !== openRequest) return;
          set({ open: { status: "ready", id, document, highlights: normalizeRanges(highlights, document.text.length), request } });
        } catch (error) {
          if (request !== openRequest) return;
          set({ open: { status: "error", id, error: serializeError(error) } });
        }
      },

      showPassage(docId, ranges) {
        return get().openDocument(docId, ranges);
      },

      closeDocument() {
        openRequest += 1;
        set({ open: { status: "closed" } });
      },

      dismissNotice() {
        set({ notice: null });
      },
    };
  });
}

function openId(state: LibraryState): string | null {
  return state.open.status === "closed" ? null : state.open.id;
}

function sortNewestFirst(documents: DocumentMeta[]): DocumentMeta[] {
  return [...documents].sort((a, b) => b.addedAt - a.addedAt);
}
