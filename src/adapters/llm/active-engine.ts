// The app's one active Engine: Models loads into it, Ask generates with it. Features cannot import
// each other, so this adapter module is where they meet:
//
//   const engine = getActiveEngine();              // always the same WebLlmEngine instance
//   if (engine.capabilities) for await (const chunk of engine.chat({...})) ...
//   const stopListening = subscribeActiveEngine(() => rerender(engine.state, engine.capabilities));
import type { Engine } from "./engine";
import { WebLlmEngine } from "./web-llm-engine";

type Listener = () => void;

const listeners = new Set<Listener>();
let active: Engine | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

/** The active engine, created on first call (creating it starts nothing: no worker, no download). */
export function getActiveEngine(): Engine {
  active ??= new WebLlmEngine({ onChange: notify });
  return active;
}

/** Replaces the active engine (another runtime, or a fake in tests); the old one is unloaded. */
export async function setActiveEngine(engine: Engine): Promise<void> {
  const previous = active;
  active = engine;
  if (previous && previous !== engine) await previous.unload();
  notify();
}

/**
 * Calls `listener` whenever the active engine's state or loaded model changes (load, unload, start
 * and end of a reply). Returns the unsubscribe function; fits React's useSyncExternalStore.
 */
export function subscribeActiveEngine(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
