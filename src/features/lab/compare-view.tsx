// Several stored runs on the same axes: pick the runs and the metric; each run's settings are listed beside its colour.
import { useMemo } from "react";
import { METRICS, metricPoints, type MetricName } from "./chart-series";
import { useLabStore } from "./lab-store";
import { LineChart, PALETTE } from "./line-chart";

export function CompareView() {
  const runs = useLabStore((s) => s.runs);
  const compareIds = useLabStore((s) => s.compareIds);
  const metric = useLabStore((s) => s.compareMetric);
  const { toggleCompare, setCompareMetric, deleteRun } = useLabStore.getState();
  const chosen = useMemo(() => compareIds.flatMap((id) => runs.filter((r) => r.id === id)), [compareIds, runs]);
  const series = useMemo(() => chosen.map((r) => ({ label: r.name, points: metricPoints(r.history, metric) })), [chosen, metric]);
  return (
    <section className="panel" aria-labelledby="lab-compare-title" data-testid="compare-view">
      <div className="lab-heading">
        <h2 id="lab-compare-title">Compare runs</h2>
        <label className="lab-inline">
          Metric{" "}
          <select value={metric} onChange={(e) => setCompareMetric(e.target.value as MetricName)} data-testid="compare-metric">
            {Object.entries(METRICS).map(([id, m]) => <option key={id} value={id}>{m.label}</option>)}
          </select>
        </label>
      </div>
      {runs.length === 0 ? (
        <p className="lab-muted">Runs are kept here with their settings and metrics once started.</p>
      ) : (
        <ul className="lab-list" data-testid="run-list">
          {runs.map((r) => {
            const at = compareIds.indexOf(r.id);
            const spec = r.spec;
            const algorithm = spec.run.algorithm?.name ?? "grpo";
            return (
              <li key={r.id} data-testid="run-item" data-run-name={r.name}>
                <label className="lab-check">
                  <input type="checkbox" checked={at >= 0} onChange={() => toggleCompare(r.id)} data-testid="compare-toggle" />
                  {at >= 0 && <span className="swatch" style={{ background: PALETTE[at % PALETTE.length] }} />}
                  <span className="lab-item-name">{r.name}</span>
                </label>
                <span className="lab-muted">
                  {r.status} · {spec.task} · {spec.model} · {algorithm.toUpperCase()} · G {spec.run.groupSize} · SFT {spec.run.warmupSftSteps} · {r.history.length} steps · {r.device}
                </span>
                <button className="danger" onClick={() => void deleteRun(r.id)} data-testid="delete-run">Delete</button>
              </li>
            );
          })}
        </ul>
      )}
      {chosen.length > 0 && <div className="lab-compare-chart"><LineChart title={`${METRICS[metric].label} by run`} series={series} testId="compare-chart" xLabel={METRICS[metric].rlOnly ? "RL step" : "step"} /></div>}
    </section>
  );
}
