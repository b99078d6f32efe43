// The Models area's state: the latest capability report and the storage-persistence request.
import { create } from "zustand";
import type { Capabilities } from "../../core/models/capabilities";
import { probeCapabilities, requestPersistence } from "../../adapters/gpu/capabilities";
import { serializeError, type SerializedError } from "../../lib/errors";

export type ProbeState = "idle" | "probing" | "done" | "failed";
/** "declined" is the browser's answer, not a failure: Chromium grants by site engagement. */
export type PersistState = "idle" | "asking" | "granted" | "declined" | "failed";

interface ModelsState {
  probe: ProbeState;
  capabilities: Capabilities | null;
  error: SerializedError | null;
  persist: PersistState;
  /** Probes (or re-probes) the device; a second call while one runs is ignored. */
  runProbe: () => Promise<void>;
  makeStoragePersistent: () => Promise<void>;
}

export const useModelsStore = create<ModelsState>()((set, get) => ({
  probe: "idle",
  capabilities: null,
  error: null,
  persist: "idle",

  runProbe: async () => {
    if (get().probe === "probing") return;
    set({ probe: "probing", error: null });
    try {
      const capabilities = await probeCapabilities();
      set({ probe: "done", capabilities });
    } catch (error) {
      set({ probe: "failed", error: serializeError(error) });
    }
  },

  makeStoragePersistent: async () => {
    set({ persist: "asking", error: null });
    try {
      const granted = await requestPersistence();
      set({ persist: granted ? "granted" : "declined" });
      // Re-read storage so the "persistent" row shows the browser's real state, not our guess.
      await get().runProbe();
    } catch (error) {
      set({ persist: "failed", error: serializeError(error) });
    }
  },
}));
