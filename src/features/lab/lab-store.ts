// The Lab's state: the run form, the run's lifecycle in the training worker, stored runs and
// checkpoints. Per-step metrics do not live here: they go to labMetrics, read once per frame.
import { create } from "zustand";
import { readCheckpointSummary } from "../../adapters/nn/lab-checkpoint-info";
import { specFromCheckpoint, type LabRunSpec, type TrainDevice } from "../../adapters/nn/lab-spec";
import { createTrainClient, type TrainClient } from "../../adapters/nn/train-client";
import type { DeviceReport, StartRequest } from "../../adapters/nn/train-protocol";
import {
  deleteLabCheckpoint,
  deleteLabRun,
  getLabCheckpointData,
  listLabCheckpoints,
  listLabRuns,
  saveLabCheckpoint,
  saveLabRun,
  type LabCheckpointMeta,
  type LabRunRecord,
  type LabRunStatus,
} from "../../adapters/storage/lab-repository";
import { serializeError, type SerializedError } from "../../lib/errors";
import type { MetricName } from "./chart-series";
import { DEFAULT_FORM, validateForm, type FieldError, type LabForm } from "./lab-form";
import { createMetricsBuffer } from "./metrics-buffer";
import { downloadBytes, newId, nextRunName } from "./lab-helpers";

export type LabStatus = "idle" | "starting" | "running" | "paused" | "stopping" | "done" | "stopped" | "failed" | "loaded";

/** How often a running run's metrics history is written to IndexedDB. */
const PERSIST_MS = 3000;

/** The live run's metrics and rollouts (outside React state; see metrics-buffer.ts). */
export const labMetrics = createMetricsBuffer();

interface RunContext {
  id: string;
  name: string;
  createdAt: number;
  spec: LabRunSpec;
  device: TrainDevice;
}

interface LabState {
  form: LabForm;
  fieldError: FieldError | null;
  status: LabStatus;
  error: SerializedError | null;
  notice: string | null;
  devices: DeviceReport | null;
  /** The run whose metrics labMetrics holds. */
  current: RunContext | null;
  /** The worker holds a model (a run started or a checkpoint loaded), so it can be saved or continued. */
  hasModel: boolean;
  runs: LabRunRecord[];
  checkpoints: LabCheckpointMeta[];
  compareIds: string[];
  compareMetric: MetricName;
  setForm(patch: Partial<LabForm>): void;
  init(): Promise<void>;
  start(): Promise<void>;
  continueRun(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  saveCheckpoint(): Promise<void>;
  loadCheckpoint(id: string): Promise<void>;
  deleteCheckpoint(id: string): Promise<void>;
  exportCheckpoint(id: string): Promise<void>;
  importCheckpoint(file: File): Promise<void>;
  deleteRun(id: string): Promise<void>;
  toggleCompare(id: string): void;
  setCompareMetric(metric: MetricName): void;
}

let client: TrainClient | null = null;
const worker = () => (client ??= createTrainClient());
const busy = (status: LabStatus) => status === "starting" || status === "running" || status === "paused" || status === "stopping";

export const useLabStore = create<LabState>()((set, get) => {
  const fail = (error: unknown) => set({ error: serializeError(error), notice: null });
  const refresh = async () => {
    const [runs, checkpoints] = await Promise.all([listLabRuns(), listLabCheckpoints()]);
    set({ runs, checkpoints });
  };
  const persist = (ctx: RunContext, status: LabRunStatus) =>
    saveLabRun({ ...ctx, status, updatedAt: Date.now(), history: labMetrics.metrics().slice() });

  /** Runs `request` in the worker until it ends, streaming metrics into labMetrics and the history into IndexedDB. */
  const drive = async (request: StartRequest, ctx: RunContext) => {
    set({ status: "running", error: null, notice: null, hasModel: true, current: ctx });
    let lastPersist = Date.now();
    try {
      await persist(ctx, "running");
      void refresh();
      const result = await worker().call("start", request, {
        onProgress: (batch) => {
          labMetrics.push(batch.metrics, batch.rollouts);
          if (Date.now() - lastPersist > PERSIST_MS) {
            lastPersist = Date.now();
            persist(ctx, "running").catch(fail);
          }
        },
      });
      const status = result.outcome === "done" ? "done" : "stopped";
      set({ status });
      await persist(ctx, status);
    } catch (error) {
      set({ status: "failed" });
      fail(error);
      await persist(ctx, "failed").catch(() => undefined);
    }
    await refresh().catch(fail);
  };

  return {
    form: DEFAULT_FORM,
    fieldError: null,
    status: "idle",
    error: null,
    notice: null,
    devices: null,
    current: null,
    hasModel: false,
    runs: [],
    checkpoints: [],
    compareIds: [],
    compareMetric: "rewardMean",

    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch }, fieldError: null })),

    init: async () => {
      try {
        await refresh();
        set((s) => ({ form: { ...s.form, name: nextRunName(s.runs.map((r) => r.name), s.form.name) } }));
        if (get().devices) return;
        const devices = await worker().call("devices", {});
        set((s) => ({ devices, form: { ...s.form, device: devices.recommended } }));
      } catch (error) {
        fail(error);
      }
    },

    start: async () => {
      const { form, status, runs } = get();
      if (busy(status)) return;
      const checked = validateForm(form);
      if ("error" in checked) {
        set({ fieldError: checked.error });
        return;
      }
      const ctx: RunContext = { id: newId(), name: form.name, createdAt: Date.now(), spec: checked.spec, device: form.device };
      labMetrics.reset();
      set({ status: "starting", fieldError: null, form: { ...form, name: nextRunName([...runs.map((r) => r.name), form.name], form.name) } });
      await drive({ kind: "new", runId: ctx.id, spec: ctx.spec, device: ctx.device }, ctx);
    },

    continueRun: async () => {
      const { current, status, hasModel } = get();
      if (busy(status) || !current || !hasModel) return;
      set({ status: "starting" });
      await drive({ kind: "continue" }, current);
    },

    pause: async () => {
      if (get().status !== "running") return;
      const { state } = await worker().call("pause", {});
      if (state === "paused") set({ status: "paused" });
    },

    resume: async () => {
      if (get().status !== "paused") return;
      const { state } = await worker().call("resume", {});
      if (state === "running") set({ status: "running" });
    },

    stop: async () => {
      if (!busy(get().status)) return;
      set({ status: "stopping" });
      await worker().call("stop", {});
    },

    saveCheckpoint: async () => {
      const { current, hasModel } = get();
      if (!current || !hasModel) return;
      try {
        const { checkpoint } = await worker().call("save", {});
        const summary = readCheckpointSummary(checkpoint);
        const meta: LabCheckpointMeta = {
          id: newId(),
          runId: current.id,
          name: `${current.name} · SFT ${summary.sftSteps} · RL ${summary.rlSteps}`,
          createdAt: Date.now(),
          info: summary.info,
          sftSteps: summary.sftSteps,
          rlSteps: summary.rlSteps,
          bytes: checkpoint.byteLength,
        };
        await saveLabCheckpoint(meta, checkpoint);
        set({ notice: `Saved checkpoint “${meta.name}”.`, error: null });
        await refresh();
      } catch (error) {
        fail(error);
      }
    },

    loadCheckpoint: async (id) => {
      if (busy(get().status)) return;
      try {
        const data = await getLabCheckpointData(id);
        const loaded = await worker().call("load", { checkpoint: data, device: get().form.device }, { transfer: [data] });
        const existing = get().runs.find((r) => r.id === loaded.info.runId);
        const ctx: RunContext = existing ?? { id: loaded.info.runId, name: loaded.info.name, createdAt: Date.now(), spec: loaded.spec, device: get().form.device };
        labMetrics.reset(loaded.history);
        set({ status: "loaded", current: ctx, hasModel: true, error: null, notice: `Loaded “${loaded.info.name}” at SFT ${loaded.sftSteps} · RL ${loaded.rlSteps}.` });
      } catch (error) {
        fail(error);
      }
    },

    deleteCheckpoint: async (id) => {
      try {
        await deleteLabCheckpoint(id);
        await refresh();
      } catch (error) {
        fail(error);
      }
    },

    exportCheckpoint: async (id) => {
      try {
        const meta = get().checkpoints.find((c) => c.id === id);
        const data = await getLabCheckpointData(id);
        downloadBytes(data, `${(meta?.name ?? "checkpoint").replace(/[^\w.-]+/g, "-")}.folio-ckpt`);
      } catch (error) {
        fail(error);
      }
    },

    importCheckpoint: async (file) => {
      try {
        const data = await file.arrayBuffer();
        // Validated in full before anything is written: a damaged file changes nothing stored.
        const summary = readCheckpointSummary(data);
        const meta: LabCheckpointMeta = {
          id: newId(),
          runId: summary.info.runId,
          name: `${file.name.replace(/\.folio-ckpt$/, "")} (imported)`,
          createdAt: Date.now(),
          info: summary.info,
          sftSteps: summary.sftSteps,
          rlSteps: summary.rlSteps,
          bytes: data.byteLength,
        };
        const known = get().runs.some((r) => r.id === summary.info.runId);
        const run: LabRunRecord | undefined = known
          ? undefined
          : {
              id: summary.info.runId,
              name: summary.info.name,
              createdAt: Date.now(),
              updatedAt: Date.now(),
              spec: specFromCheckpoint(summary.info, summary.run),
              device: "wasm",
              status: "stopped",
              history: summary.history,
            };
        await saveLabCheckpoint(meta, data, run);
        set({ notice: `Imported “${meta.name}”.`, error: null });
        await refresh();
      } catch (error) {
        fail(error);
      }
    },

    deleteRun: async (id) => {
      try {
        await deleteLabRun(id);
        set((s) => ({ compareIds: s.compareIds.filter((x) => x !== id) }));
        await refresh();
      } catch (error) {
        fail(error);
      }
    },

    toggleCompare: (id) => set((s) => ({ compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id] })),
    setCompareMetric: (compareMetric) => set({ compareMetric }),
  };
});
