// The Lab area: run settings and controls, live charts and rollouts, checkpoints, and the run comparison.
import { useEffect } from "react";
import { installBenchHook } from "./bench-hook";
import { CheckpointsPanel } from "./checkpoints-panel";
import { CompareView } from "./compare-view";
import { ConfigForm } from "./config-form";
import { useLabStore } from "./lab-store";
import { MetricCharts } from "./metric-charts";
import { RolloutsTable } from "./rollouts-table";
import { RunControls } from "./run-controls";
import "./lab.css";

export function LabView() {
  const status = useLabStore((s) => s.status);
  const devices = useLabStore((s) => s.devices);
  const busy = status === "starting" || status === "running" || status === "paused" || status === "stopping";

  useEffect(() => {
    installBenchHook();
    void useLabStore.getState().init();
  }, []);

  return (
    <div className="lab-view" data-testid="lab-view">
      <section className="panel" aria-labelledby="lab-run-title">
        <div className="lab-heading">
          <h2 id="lab-run-title">Run</h2>
          <span className="lab-muted" data-testid="device-report">
            {devices
              ? `Devices: ${devices.available.join(", ")} · wasm ${devices.wasmThreads ? "multi-threaded" : "single-threaded"}${devices.adapter ? ` · GPU adapter ${devices.adapter}${devices.software ? " (software)" : ""}` : ""}`
              : "Starting the training worker…"}
          </span>
        </div>
        <ConfigForm disabled={busy} />
        <RunControls />
      </section>
      <MetricCharts />
      <RolloutsTable />
      <CheckpointsPanel busy={busy} />
      <CompareView />
    </div>
  );
}
