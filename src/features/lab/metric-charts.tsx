// The live run's charts: reward, accuracy per context length, answer length, entropy, clip
// fraction and loss, redrawn once per animation frame from the batched metrics buffer.
import { useMemo } from "react";
import { accuracyByContext, METRICS, metricPoints, type MetricName } from "./chart-series";
import { labMetrics } from "./lab-store";
import { LineChart } from "./line-chart";
import { useLiveMetricsVersion } from "./use-live-metrics";

const SINGLE: MetricName[] = ["rewardMean", "answerLength", "entropy", "clipFraction", "loss"];

export function MetricCharts() {
  const version = useLiveMetricsVersion();
  const charts = useMemo(() => {
    void version; // recompute when the buffer changes
    const history = labMetrics.metrics();
    const last = history.at(-1);
    return {
      steps: history.length,
      last,
      single: SINGLE.map((metric) => ({ metric, series: [{ label: METRICS[metric].label, points: metricPoints(history, metric) }] })),
      accuracy: accuracyByContext(history),
    };
  }, [version]);
  const { last } = charts;
  return (
    <section className="panel lab-charts-panel" aria-labelledby="lab-charts-title" data-testid="lab-charts" data-steps={charts.steps}>
      <div className="lab-heading">
        <h2 id="lab-charts-title">Metrics</h2>
        <span className="lab-muted" data-testid="lab-step-summary">
          {last
            ? `${charts.steps} steps · ${last.kind === "sft" ? "SFT" : "RL"} step ${last.step + 1} · ctx ${last.contextTokens} · ${last.stepMs.toFixed(0)} ms/step · ${last.tokensPerSecond.toFixed(0)} tok/s`
            : "No steps yet."}
        </span>
      </div>
      <div className="lab-charts">
        <LineChart title={METRICS.rewardMean.label} series={charts.single[0]?.series ?? []} testId="chart-rewardMean" xLabel="RL step" />
        <LineChart title="Accuracy per context length" series={charts.accuracy} testId="chart-accuracy" xLabel="RL step" />
        {charts.single.slice(1).map(({ metric, series }) => (
          <LineChart key={metric} title={METRICS[metric].label} series={series} testId={`chart-${metric}`} xLabel={METRICS[metric].rlOnly ? "RL step" : "step"} />
        ))}
      </div>
    </section>
  );
}
