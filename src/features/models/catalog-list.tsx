// The model catalog: every reasoning model web-llm offers, what it costs, whether it fits this
// device, the recommended one, and "Download & load".
import type { Capabilities } from "../../core/models/capabilities";
import { formatBytes } from "../../core/models/bytes";
import { recommendModel, type CatalogEntry, type Fit } from "../../core/models/catalog";
import { useEngineStore } from "./engine-store";

const FIT_TEXT: Record<Fit, string> = { fits: "Fits", "too-big": "Too big", "needs-f16": "Needs shader-f16", unsupported: "Cannot run" };

function formatParameters(parameters: number): string {
  return parameters >= 1e9 ? `${(parameters / 1e9).toFixed(parameters >= 10e9 ? 0 : 1)}B` : `${Math.round(parameters / 1e6)}M`;
}

function formatTokens(tokens: number): string {
  return tokens >= 1024 ? `${Math.round(tokens / 1024)}K` : String(tokens);
}

export function CatalogList({ catalog, capabilities }: { catalog: CatalogEntry[]; capabilities: Capabilities }) {
  const loadStatus = useEngineStore((s) => s.loadStatus);
  const loadingModelId = useEngineStore((s) => s.loadingModelId);
  const loadModel = useEngineStore((s) => s.loadModel);
  const cached = useEngineStore((s) => s.cached);
  const recommendation = recommendModel(catalog, capabilities);
  const fitOf = new Map(recommendation.assessments.map((a) => [a.modelId, a]));
  const cachedIds = new Set(cached.filter((c) => c.complete).map((c) => c.modelId));

  return (
    <div className="catalog">
      <p className="models-muted" data-testid="recommendation" data-model-id={recommendation.modelId ?? ""}>
        {recommendation.modelId ? <>Recommended: <strong>{recommendation.modelId}</strong>. </> : null}
        {recommendation.reasons.join(" ")}
      </p>
      <p className="models-muted small">
        Download sizes are estimates (parameters × bits per weight); memory is web-llm&apos;s own advisory figure at
        its default 4K window. Downloads resume from the last finished shard if interrupted.
      </p>
      <table className="catalog-table" data-testid="catalog-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Params</th>
            <th scope="col">Weights</th>
            <th scope="col">Download</th>
            <th scope="col">Memory</th>
            <th scope="col">Context</th>
            <th scope="col">On this device</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {catalog.map((entry) => {
            const assessment = fitOf.get(entry.modelId);
            const fit = assessment?.fit ?? "unsupported";
            const recommended = entry.modelId === recommendation.modelId;
            const busy = loadStatus === "loading";
            return (
              <tr
                key={entry.modelId}
                data-testid={`catalog-row-${entry.modelId}`}
                data-fit={fit}
                className={recommended ? "recommended" : fit === "fits" ? undefined : "unfit"}
              >
                <th scope="row">
                  <span className="model-name">{entry.name}</span>
                  {recommended && <span className="badge" data-testid="recommended-badge">Recommended for this machine</span>}
                  {cachedIds.has(entry.modelId) && <span className="badge badge-muted">Downloaded</span>}
                  <div className="models-muted small"><code>{entry.modelId}</code></div>
                </th>
                <td>{formatParameters(entry.parameters)}</td>
                <td><code>{entry.format}</code> <span className="models-muted small">{entry.precision}</span></td>
                <td data-testid="download-size" data-bytes={entry.downloadBytes}>≈ {formatBytes(entry.downloadBytes)}</td>
                <td data-bytes={entry.memoryBytes}>{formatBytes(entry.memoryBytes)}</td>
                <td title={`Loads with up to ${entry.maxContextWindow} tokens, as memory allows; web-llm's default is ${entry.defaultContextWindow}.`}>
                  {formatTokens(entry.defaultContextWindow)}–{formatTokens(entry.maxContextWindow)}
                </td>
                <td className={`fit-${fit}`} title={assessment?.reason ?? undefined}>
                  {FIT_TEXT[fit]}
                  {assessment?.reason && fit !== "fits" && <div className="models-muted small">{assessment.reason}</div>}
                </td>
                <td>
                  <button
                    className={recommended ? "primary" : undefined}
                    disabled={busy || fit === "unsupported" || fit === "needs-f16"}
                    onClick={() => void loadModel(entry.modelId, capabilities)}
                    data-testid={`load-${entry.modelId}`}
                  >
                    {busy && loadingModelId === entry.modelId ? "Loading…" : cachedIds.has(entry.modelId) ? "Load" : "Download & load"}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
