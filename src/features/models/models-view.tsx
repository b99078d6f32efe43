// The Models area: the device's capability report, the model catalog with load progress and the
// loaded model, and the cache manager for downloaded models.
import { useEffect } from "react";
import { CacheManager } from "./cache-manager";
import { CatalogList } from "./catalog-list";
import { useEngineStore } from "./engine-store";
import { LoadStatus } from "./load-status";
import { useModelsStore } from "./models-store";
import { SystemReport } from "./system-report";
import "./models.css";

export function ModelsView() {
  const probe = useModelsStore((s) => s.probe);
  const capabilities = useModelsStore((s) => s.capabilities);
  const error = useModelsStore((s) => s.error);
  const runProbe = useModelsStore((s) => s.runProbe);
  const catalog = useEngineStore((s) => s.catalog);
  const catalogError = useEngineStore((s) => s.catalogError);
  const loadCatalog = useEngineStore((s) => s.loadCatalog);

  useEffect(() => {
    // Probe once per visit; the result stays in the store across tab switches.
    if (useModelsStore.getState().probe === "idle") void runProbe();
    // The catalog comes from web-llm, which loads as its own chunk the first time Models opens.
    void loadCatalog();
  }, [runProbe, loadCatalog]);

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

      <section className="panel" aria-labelledby="engine-title" data-testid="engine-panel">
        <h2 id="engine-title">Loaded model</h2>
        {capabilities ? <LoadStatus capabilities={capabilities} /> : <p className="models-muted">Waiting for the device check…</p>}
      </section>

      <section className="panel" aria-labelledby="catalog-title" data-testid="catalog-panel">
        <h2 id="catalog-title">Model catalog</h2>
        {catalogError && (
          <p className="models-error" role="alert" data-testid="catalog-error">{catalogError.message} {catalogError.hint}</p>
        )}
        {!catalog && !catalogError && <p className="models-muted" data-testid="catalog-loading">Reading the model list…</p>}
        {catalog && capabilities && <CatalogList catalog={catalog} capabilities={capabilities} />}
      </section>

      <section className="panel" aria-labelledby="cache-title" data-testid="cache-panel">
        <h2 id="cache-title">Downloaded models</h2>
        <CacheManager />
      </section>
    </div>
  );
}
