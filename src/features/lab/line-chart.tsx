// A small SVG line chart: several series on shared axes, min/max ticks, a legend. Hand-written
// rather than a charting library: a few hundred points per chart need no canvas, and SVG keeps the
// points inspectable by tests and screen readers.
import type { Series } from "./chart-series";

export const PALETTE = ["#2f6fb0", "#c2571a", "#2e8b57", "#8e44ad", "#b8860b", "#c0392b", "#16a0a0", "#555"] as const;

const WIDTH = 320;
const HEIGHT = 150;
const PAD = { left: 40, right: 8, top: 8, bottom: 20 };

function format(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.01 || abs >= 10_000)) return value.toExponential(1);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function extent(values: number[]): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return [lo, hi];
}

export interface LineChartProps {
  title: string;
  series: Series[];
  testId: string;
  xLabel?: string;
}

export function LineChart({ title, series, testId, xLabel = "step" }: LineChartProps) {
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = extent(all.map((p) => p[0]));
  const [y0, y1] = extent(all.map((p) => p[1]));
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - ((y - y0) / (y1 - y0)) * (HEIGHT - PAD.top - PAD.bottom);
  const last = series.length === 1 ? series[0]?.points.at(-1) : undefined;
  return (
    <figure className="lab-chart" data-testid={testId} data-points={all.length}>
      <figcaption>
        {title}
        {last && <span className="lab-chart-last"> {format(last[1])}</span>}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${all.length} points`}>
        <line className="axis" x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} />
        <line className="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} />
        {all.length > 0 && (
          <g className="ticks">
            <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">{format(y1)}</text>
            <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} textAnchor="end">{format(y0)}</text>
            <text x={PAD.left} y={HEIGHT - 4}>{format(x0)}</text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end">{`${xLabel} ${format(x1)}`}</text>
          </g>
        )}
        {series.map((s, i) => {
          const color = PALETTE[i % PALETTE.length];
          if (s.points.length === 1) {
            const [x, y] = s.points[0] as [number, number];
            return <circle key={i} cx={sx(x)} cy={sy(y)} r={2.5} fill={color} />;
          }
          const d = s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(" ");
          return <polyline key={i} points={d} fill="none" stroke={color} strokeWidth={1.5} />;
        })}
        {all.length === 0 && (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="empty">no data yet</text>
        )}
      </svg>
      {series.length > 1 && (
        <ul className="lab-legend">
          {series.map((s, i) => (
            <li key={i}>
              <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
