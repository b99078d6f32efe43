// Reads and writes the Lab's runs and checkpoints. A checkpoint's meta and bytes always go together
// in one transaction, so a failed save or import leaves what was stored exactly as it was.
import type { LabCheckpointInfo, LabRunSpec, TrainDevice } from "../nn/lab-spec";
import type { StepMetrics } from "../nn/trainer";
import { FolioError } from "../../lib/errors";
import { openFolioDatabase } from "./database";
import { STORES } from "./schema";
import { toStorageError } from "./storage-errors";
import { writeTogether, type WriteTransaction } from "./write-transaction";

export type LabRunStatus = "running" | "paused" | "done" | "stopped" | "failed";

/** One run: its settings and every step's metrics, kept for the comparison view. */
export interface LabRunRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  spec: LabRunSpec;
  device: TrainDevice;
  status: LabRunStatus;
  history: StepMetrics[];
}

export interface LabCheckpointMeta {
  id: string;
  runId: string;
  /** The run's name and its step counts, e.g. "run 1 · SFT 20 · RL 12". */
  name: string;
  createdAt: number;
  info: LabCheckpointInfo;
  sftSteps: number;
  rlSteps: number;
  bytes: number;
}

export interface LabCheckpointBlob {
  id: string;
  data: ArrayBuffer;
}

/** Every run, newest first. */
export async function listLabRuns(): Promise<LabRunRecord[]> {
  try {
    const db = await openFolioDatabase();
    return (await db.getAll(STORES.labRuns)).sort((a, b) => b.createdAt - a.createdAt);
  } catch (error) {
    throw toStorageError(error, "list your Lab runs");
  }
}

/** Stores a run or replaces the one with the same id. */
export async function saveLabRun(run: LabRunRecord): Promise<void> {
  await writeTogether("save the run", [STORES.labRuns], [(tx) => tx.objectStore(STORES.labRuns).put(run)]);
}

/** Removes a run (its checkpoints stay; they carry their own settings). */
export async function deleteLabRun(id: string): Promise<void> {
  await writeTogether("remove the run", [STORES.labRuns], [(tx) => tx.objectStore(STORES.labRuns).delete(id)]);
}

/** Every checkpoint's meta, newest first; the bytes are not read. */
export async function listLabCheckpoints(): Promise<LabCheckpointMeta[]> {
  try {
    const db = await openFolioDatabase();
    return (await db.getAll(STORES.labCheckpoints)).sort((a, b) => b.createdAt - a.createdAt);
  } catch (error) {
    throw toStorageError(error, "list your checkpoints");
  }
}

/** Stores a checkpoint's meta and bytes together, with `run` too when given (an import adds its run). */
export async function saveLabCheckpoint(meta: LabCheckpointMeta, data: ArrayBuffer, run?: LabRunRecord): Promise<void> {
  await writeTogether("save the checkpoint", [STORES.labCheckpoints, STORES.labCheckpointData, STORES.labRuns], [
    (tx) => tx.objectStore(STORES.labCheckpoints).put(meta),
    (tx) => tx.objectStore(STORES.labCheckpointData).put({ id: meta.id, data }),
    ...(run ? [(tx: WriteTransaction) => tx.objectStore(STORES.labRuns).put(run)] : []),
  ]);
}

/** A checkpoint's bytes; an InvalidRequestError when it is not stored. */
export async function getLabCheckpointData(id: string): Promise<ArrayBuffer> {
  let blob: LabCheckpointBlob | undefined;
  try {
    const db = await openFolioDatabase();
    blob = await db.get(STORES.labCheckpointData, id);
  } catch (error) {
    throw toStorageError(error, "read the checkpoint");
  }
  if (!blob) throw new FolioError("InvalidRequestError", "This checkpoint is not stored on this device.", "Refresh the list; it may have been removed.");
  return blob.data;
}

/** Removes a checkpoint's meta and bytes together. */
export async function deleteLabCheckpoint(id: string): Promise<void> {
  await writeTogether("remove the checkpoint", [STORES.labCheckpoints, STORES.labCheckpointData], [
    (tx) => tx.objectStore(STORES.labCheckpoints).delete(id),
    (tx) => tx.objectStore(STORES.labCheckpointData).delete(id),
  ]);
}
