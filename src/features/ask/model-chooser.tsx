// The model line above the turns: the active engine's model (a web-llm model loaded in Models, or
// the tiny one) and the choice of Folio's shipped tiny passkey model, loaded here with progress.
import { useState } from "react";
import { getActiveEngine, setActiveEngine } from "../../adapters/llm/active-engine";
import type { LoadProgress } from "../../adapters/llm/engine";
import { TinyEngine } from "../../adapters/llm/tiny-engine";
import { toFolioError, type SerializedError } from "../../lib/errors";
import { isRetrievalOnly } from "./retrieval-answer";
import type { ActiveEngineView } from "./use-active-engine";

/** The shipped checkpoint's id (public/models/index.json). */
export const TINY_MODEL_ID = "passkey-tiny";
const TINY_LABEL = "Tiny passkey model (trained in Folio, ~430 KB, retrieval only)";

type TinyLoad = { status: "idle" } | { status: "loading"; progress: LoadProgress | null } | { status: "failed"; error: SerializedError };

/** Makes a TinyEngine the active engine and loads the shipped model into it. */
async function activateTinyModel(onProgress: (progress: LoadProgress) => void): Promise<void> {
  // The engine notifies the app's listeners through setActiveEngine, while it is still the active one.
  const engine: TinyEngine = new TinyEngine({ onChange: () => void (getActiveEngine() === engine && setActiveEngine(engine)) });
  await setActiveEngine(engine);
  await engine.load(TINY_MODEL_ID, { contextWindow: 0, onProgress });
}

export function ModelChooser({ engine, disabled }: { engine: ActiveEngineView; disabled: boolean }) {
  const [load, setLoad] = useState<TinyLoad>({ status: "idle" });
  const caps = engine.ready ? engine.capabilities : null;
  const tinyActive = caps !== null && isRetrievalOnly(caps);
  const loading = load.status === "loading";

  const chooseTiny = (): void => {
    setLoad({ status: "loading", progress: null });
    activateTinyModel((progress) => setLoad({ status: "loading", progress })).then(
      () => setLoad({ status: "idle" }),
      (error: unknown) => setLoad({ status: "failed", error: toFolioError(error).toJSON() }),
    );
  };

  return (
    <div className="ask-model-line" data-testid="model-line">
      {caps ? (
        <span data-testid="active-model">
          Model: <strong data-testid="model-name"><span data-testid="active-model-name">{caps.modelId}</span></strong> · {caps.contextWindow.toLocaleString("en")}-token window
          {tinyActive && " · retrieval only: it returns the value it finds, and Folio cites the passage that holds it"}
        </span>
      ) : (
        <span data-testid="no-model">
          No model loaded: questions are answered with <strong>evidence only</strong>. <a href="#/models">Load a model in Models</a> for written answers, or try the tiny one.
        </span>
      )}
      {!tinyActive && (
        <button
          type="button"
          className="ask-model-choice"
          onClick={chooseTiny}
          disabled={disabled || loading}
          data-testid="model-choice-tiny"
          title={caps ? `Replaces ${caps.modelId}, which is unloaded to free its memory` : "Downloads the shipped checkpoint from this app and runs it on the CPU"}
        >
          {loading ? "Loading the tiny model…" : `Use: ${TINY_LABEL}`}
        </button>
      )}
      {load.status === "loading" && (
        <span className="ask-model-progress" data-testid="model-choice-progress">
          <progress max={1} value={load.progress?.fraction ?? undefined} /> {load.progress?.text ?? "Starting…"}
        </span>
      )}
      {load.status === "failed" && (
        <p className="ask-error" role="alert" data-testid="model-choice-error" data-error-name={load.error.name}>
          <strong>{load.error.name}: {load.error.message}</strong> {load.error.hint}
        </p>
      )}
    </div>
  );
}
