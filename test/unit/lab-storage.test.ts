// Lab runs and checkpoints in IndexedDB (fake-indexeddb): the migration adds the stores, a
// checkpoint's meta and bytes are written and removed together, an import adds its run in the same transaction.
import { beforeEach, describe, expect, it } from "vitest";
import type { LabRunSpec } from "../../src/adapters/nn/lab-spec";
import { openFolioDatabase } from "../../src/adapters/storage/database";
import {
  deleteLabCheckpoint,
  getLabCheckpointData,
  listLabCheckpoints,
  listLabRuns,
  saveLabCheckpoint,
  saveLabRun,
  type LabCheckpointMeta,
  type LabRunRecord,
} from "../../src/adapters/storage/lab-repository";
import { STORES } from "../../src/adapters/storage/schema";
import { freshIndexedDb } from "./storage-fixtures";

beforeEach(freshIndexedDb);

const spec: LabRunSpec = { name: "a", task: "compact-passkey", model: "micro", sftBatchSize: 4, sftLearningRate: 1e-3, run: {} };
const run = (id: string, createdAt: number): LabRunRecord => ({ id, name: id, createdAt, updatedAt: createdAt, spec, device: "wasm", status: "done", history: [] });
const meta = (id: string, runId: string): LabCheckpointMeta => ({
  id,
  runId,
  name: id,
  createdAt: 1,
  info: { runId, name: runId, task: "compact-passkey", modelSize: "micro", sftBatchSize: 4, sftLearningRate: 1e-3 },
  sftSteps: 1,
  rlSteps: 2,
  bytes: 8,
});

describe("lab repository", () => {
  it("creates the lab stores", async () => {
    const db = await openFolioDatabase();
    for (const store of [STORES.labRuns, STORES.labCheckpoints, STORES.labCheckpointData]) expect([...db.objectStoreNames]).toContain(store);
    expect([...db.transaction(STORES.labCheckpoints).store.indexNames]).toContain("runId");
  });

  it("keeps runs newest first and checkpoints with their bytes", async () => {
    await saveLabRun(run("old", 1));
    await saveLabRun(run("new", 2));
    expect((await listLabRuns()).map((r) => r.id)).toEqual(["new", "old"]);
    await saveLabCheckpoint(meta("c1", "new"), new Uint8Array([1, 2, 3]).buffer);
    expect((await listLabCheckpoints()).map((c) => c.id)).toEqual(["c1"]);
    expect([...new Uint8Array(await getLabCheckpointData("c1"))]).toEqual([1, 2, 3]);
    await deleteLabCheckpoint("c1");
    expect(await listLabCheckpoints()).toEqual([]);
    await expect(getLabCheckpointData("c1")).rejects.toMatchObject({ name: "InvalidRequestError" });
  });

  it("adds an imported checkpoint's run in the same write, and a failed write stores nothing", async () => {
    await saveLabCheckpoint(meta("c2", "imported"), new ArrayBuffer(4), run("imported", 3));
    expect((await listLabRuns()).map((r) => r.id)).toEqual(["imported"]);
    const bad = { ...run("broken", 4), history: [() => 1] } as unknown as LabRunRecord; // not cloneable
    await expect(saveLabCheckpoint(meta("c3", "broken"), new ArrayBuffer(4), bad)).rejects.toMatchObject({ name: "StorageError" });
    expect((await listLabCheckpoints()).map((c) => c.id)).toEqual(["c2"]);
  });
});
