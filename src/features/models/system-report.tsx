// The capability report: WebGPU, adapter, shader-f16, limits, storage, and what they mean for models.
import type { Capabilities } from "../../core/models/capabilities";
import { assessModelSupport, type Verdict } from "../../core/models/requirements";
import { LimitsTable } from "./limits-table";
import { StorageSection } from "./storage-section";

const VERDICT_TEXT: Record<Verdict, string> = {
  ready: "Ready for local models",
  limited: "Local models can run, with limits",
  unsupported: "Local models cannot run here",
};

export function SystemReport({ capabilities }: { capabilities: Capabilities }) {
  const support = assessModelSupport(capabilities);
  const { webgpu } = capabilities;
  const adapter = webgpu.available ? webgpu.adapter : null;

  return (
    <div className="system-report" data-testid="system-report">
      <div className={`verdict verdict-${support.verdict}`} data-testid="model-verdict" data-verdict={support.verdict}>
        <strong>{VERDICT_TEXT[support.verdict]}</strong>
        {support.quantization && (
          <span data-testid="quantization">
            {" "}· weights: <code>{support.quantization}</code>
          </span>
        )}
      </div>
      <ul className="model-notes" data-testid="model-notes">
        {support.notes.map((note) => (
          <li key={note.text} className={`note-${note.level}`}>{note.text}</li>
        ))}
      </ul>

      <h3>GPU</h3>
      <dl className="facts">
        <dt>WebGPU</dt>
        <dd data-testid="webgpu-status" data-available={String(webgpu.available)}>
          {webgpu.available ? "Available" : "Not available"}
          {!webgpu.available && (
            <span className="models-muted" data-testid="webgpu-reason" data-reason={webgpu.reason}>
              {" "}({webgpu.detail})
            </span>
          )}
        </dd>
        {adapter && (
          <>
            <dt>Vendor</dt>
            <dd data-testid="adapter-vendor">{adapter.vendor || "hidden by the browser"}</dd>
            <dt>Architecture</dt>
            <dd data-testid="adapter-architecture">{adapter.architecture || "hidden by the browser"}</dd>
            <dt>Device</dt>
            <dd data-testid="adapter-device">{adapter.description || adapter.device || "hidden by the browser"}</dd>
            <dt>Software adapter</dt>
            <dd data-testid="adapter-fallback">{adapter.isFallbackAdapter ? "Yes (runs on the CPU)" : "No"}</dd>
            <dt>shader-f16</dt>
            <dd data-testid="shader-f16" data-available={String(adapter.shaderF16)}>
              {adapter.shaderF16 ? "Available" : "Not available"}
            </dd>
          </>
        )}
        <dt>Cross-origin isolated</dt>
        <dd data-testid="cross-origin-isolated">{capabilities.crossOriginIsolated ? "Yes" : "No"}</dd>
        <dt>CPU threads</dt>
        <dd data-testid="hardware-concurrency">{capabilities.hardwareConcurrency ?? "unknown"}</dd>
        <dt>Device memory</dt>
        <dd data-testid="device-memory">
          {capabilities.deviceMemoryGiB === null ? "unknown" : `at least ${capabilities.deviceMemoryGiB} GiB`}
        </dd>
      </dl>

      {adapter && (
        <>
          <h3>Limits</h3>
          <LimitsTable checks={support.checks} limits={adapter.limits} />
          <details className="features">
            <summary>{adapter.features.length} adapter features</summary>
            <p data-testid="adapter-features">{adapter.features.join(", ") || "none"}</p>
          </details>
        </>
      )}

      <h3>Storage</h3>
      <StorageSection storage={capabilities.storage} />
    </div>
  );
}
