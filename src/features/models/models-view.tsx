// The Models area: the device's capability report now; the model catalog and cache manager later.
import { useEffect } from "react";
import { useModelsStore } from "./models-store";
import { SystemReport } from "./system-report";
import "./models.css";

export function ModelsView() {
  const probe = useModelsStore((s) => s.probe);
  const capabilities = useModelsStore((s) => s.capabilities);
  const error = useModelsStore((s) => s.error);
  const runProbe = useModelsStore((s) => s.runProbe);

  useEffect(() => {
    // Probe once per visit; the result stays in the store across tab switches.
    if (useModelsStore.getState().probe === "idle") void runProbe();
  }, [runProbe]);

  return (
    <div className="models-view" data-testid="models-view">
      <section className="panel" aria-labelledby="system-title">
        <div className="models-heading">
          <h2 id="system-title">System</h2>
          <button onClick={() => void runProbe()} disabled={probe === "probing"} data-testid="reprobe-button">
            {probe === "probing" ? "Checking…" : "Check again"}
          </button>
        </div>
        {probe === "probing" && !capabilities && (
          <p className="models-muted" data-testid="probe-status">Checking what this device can do…</p>
        )}
        {error && (
          <p className="models-error" role="alert" data-testid="models-error">
            {error.message} {error.hint}
          </p>
        )}
        {capabilities && <SystemReport capabilities={capabilities} />}
      </section>

      <section className="panel not-built" aria-labelledby="catalog-title" data-testid="catalog-not-built">
        <h2 id="catalog-title">Model catalog</h2>
        <p>
          Not built yet. The model catalog (which models fit this device), downloads with progress and the cache
          manager come in a later issue. Nothing is downloaded from this page today.
        </p>
      </section>
    </div>
  );
}
