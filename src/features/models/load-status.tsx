// The model load in progress (phase, MB done of total, rate), the loaded model with Unload, or the
// mapped error with its hint and a retry button.
import type { Capabilities } from "../../core/models/capabilities";
import { formatBytes } from "../../core/models/bytes";
import type { LoadPhase, LoadProgress } from "../../core/models/progress";
import { useEngineStore } from "./engine-store";

const PHASE_TEXT: Record<LoadPhase, string> = {
  download: "Downloading weights",
  load: "Loading weights onto the GPU",
  compile: "Compiling GPU shaders",
};

function ProgressLine({ progress }: { progress: LoadProgress | null }) {
  if (!progress) return <p className="models-muted" data-testid="load-phase" data-phase="starting">Starting: fetching the model&apos;s configuration and library…</p>;
  const bytes =
    progress.bytesDone !== undefined
      ? `${formatBytes(progress.bytesDone)}${progress.bytesTotal !== undefined ? ` of ${formatBytes(progress.bytesTotal)}` : ""}`
      : null;
  const rate = progress.rateBytesPerSecond !== undefined ? `${formatBytes(progress.rateBytesPerSecond)}/s` : null;
  return (
    <>
      <p data-testid="load-phase" data-phase={progress.phase}>
        <strong>{PHASE_TEXT[progress.phase]}</strong> · {Math.floor(progress.fraction * 100)}%
        {bytes && <span data-testid="load-bytes"> · {bytes}</span>}
        {rate && <span data-testid="load-rate"> · {rate}</span>}
        {progress.shardsTotal !== undefined && <span className="models-muted"> · shard {progress.shardsDone}/{progress.shardsTotal}</span>}
      </p>
      <progress max={1} value={progress.fraction} className="load-bar" />
      <p className="models-muted small" data-testid="load-text">{progress.text}</p>
    </>
  );
}

export function LoadStatus({ capabilities }: { capabilities: Capabilities }) {
  const status = useEngineStore((s) => s.loadStatus);
  const modelId = useEngineStore((s) => s.loadingModelId);
  const progress = useEngineStore((s) => s.progress);
  const loaded = useEngineStore((s) => s.loaded);
  const error = useEngineStore((s) => s.loadError);
  const loadModel = useEngineStore((s) => s.loadModel);
  const cancelLoad = useEngineStore((s) => s.cancelLoad);
  const unloadModel = useEngineStore((s) => s.unloadModel);

  if (status === "idle") return <p className="models-muted" data-testid="engine-status" data-status="idle">No model loaded.</p>;
  return (
    <div className="load-status" data-testid="engine-status" data-status={status}>
      {status === "loading" && (
        <>
          <p>Loading <code>{modelId}</code>. An interrupted download resumes from the last finished shard.</p>
          <ProgressLine progress={progress} />
          <button onClick={cancelLoad} data-testid="cancel-load">Cancel</button>
        </>
      )}
      {status === "ready" && loaded && (
        <>
          <p data-testid="loaded-model" data-model-id={loaded.capabilities.modelId}>
            <strong>{loaded.entry.name}</strong> is loaded (<code>{loaded.capabilities.modelId}</code>), with a{" "}
            {loaded.capabilities.contextWindow.toLocaleString("en")}-token context window; took {loaded.loadSeconds.toFixed(1)} s.
            {loaded.capabilities.tokenCounting === "estimate" && " Token counts for this model are estimates."}
          </p>
          <button onClick={() => void unloadModel()} data-testid="unload-button">Unload</button>
        </>
      )}
      {status === "failed" && error && (
        <div className="models-error" role="alert" data-testid="load-error" data-error={error.name}>
          <p><strong>Could not load <code>{modelId}</code>.</strong> {error.message}</p>
          <p data-testid="load-error-hint">{error.hint}</p>
          {error.retryable && modelId && (
            <button onClick={() => void loadModel(modelId, capabilities)} data-testid="retry-load">Retry</button>
          )}
        </div>
      )}
    </div>
  );
}
