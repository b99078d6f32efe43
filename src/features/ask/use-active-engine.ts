// React view of the app's active engine (src/adapters/llm/active-engine.ts): its state and model.
import { useSyncExternalStore } from "react";
import { getActiveEngine, subscribeActiveEngine } from "../../adapters/llm/active-engine";
import type { EngineCapabilities, EngineState } from "../../adapters/llm/engine";

export interface ActiveEngineView {
  state: EngineState;
  capabilities: EngineCapabilities | null;
  /** A model is loaded and can answer now or after the current reply. */
  ready: boolean;
}

// The snapshot must be the same object while nothing changed, so it is cached by a key.
let cached: { key: string; view: ActiveEngineView } | null = null;

function snapshot(): ActiveEngineView {
  const engine = getActiveEngine();
  const caps = engine.capabilities;
  const key = `${engine.state}|${caps?.modelId ?? ""}|${caps?.contextWindow ?? 0}`;
  if (cached?.key !== key) {
    cached = { key, view: { state: engine.state, capabilities: caps, ready: caps !== null && (engine.state === "ready" || engine.state === "generating") } };
  }
  return cached.view;
}

export function useActiveEngine(): ActiveEngineView {
  return useSyncExternalStore(subscribeActiveEngine, snapshot);
}
