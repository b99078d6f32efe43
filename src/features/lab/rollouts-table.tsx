// Recent sampled answers of the live run: the prompt around the needle, the model's output, the
// expected answer and the reward it earned. Newest first; refreshed once per animation frame.
import { labMetrics } from "./lab-store";
import { useLiveMetricsVersion } from "./use-live-metrics";

export function RolloutsTable() {
  useLiveMetricsVersion();
  const rollouts = labMetrics.rollouts();
  return (
    <section className="panel" aria-labelledby="lab-rollouts-title">
      <h2 id="lab-rollouts-title">Sampled rollouts</h2>
      {rollouts.length === 0 ? (
        <p className="lab-muted">Rollouts appear once RL steps run (after the SFT warm-up).</p>
      ) : (
        <table className="lab-table" data-testid="rollouts-table">
          <thead>
            <tr>
              <th>RL step</th>
              <th>Prompt (excerpt)</th>
              <th>Output</th>
              <th>Expected</th>
              <th>Reward</th>
            </tr>
          </thead>
          <tbody>
            {rollouts.map((r, i) => (
              <tr key={`${r.step}-${i}`} data-testid="rollout-row" className={r.reward >= 1 ? "solved" : undefined}>
                <td>{r.step}</td>
                <td className="lab-mono lab-prompt">{r.prompt}</td>
                <td className="lab-mono">{r.output || "∅"}</td>
                <td className="lab-mono">{r.answer}</td>
                <td data-testid="rollout-reward">{r.reward.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
