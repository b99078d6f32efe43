// The WebGPU limits that matter for models: this device's figure beside what web-llm needs.
import type { GpuLimits } from "../../core/models/capabilities";
import { GPU_LIMIT_NAMES } from "../../core/models/capabilities";
import { formatBytes } from "../../core/models/bytes";
import type { CheckStatus, LimitCheck } from "../../core/models/requirements";

const BYTE_LIMITS = new Set<keyof GpuLimits>([
  "maxStorageBufferBindingSize",
  "maxBufferSize",
  "maxComputeWorkgroupStorageSize",
]);

const STATUS_TEXT: Record<CheckStatus, string> = { ok: "OK", limited: "Limited", fail: "Too low" };

export function LimitsTable({ checks, limits }: { checks: LimitCheck[]; limits: GpuLimits }) {
  const byLimit = new Map(checks.map((check) => [check.limit, check]));
  return (
    <table className="limits-table" data-testid="limits-table">
      <thead>
        <tr>
          <th scope="col">Limit</th>
          <th scope="col">This device</th>
          <th scope="col">web-llm needs</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {GPU_LIMIT_NAMES.map((name) => {
          const check = byLimit.get(name);
          const show = (value: number) => (BYTE_LIMITS.has(name) ? formatBytes(value) : value.toLocaleString("en"));
          return (
            <tr key={name} data-testid={`limit-${name}`} data-value={limits[name]}>
              <th scope="row"><code>{name}</code></th>
              <td>{show(limits[name])}</td>
              <td>{check ? needs(check, show) : "—"}</td>
              <td className={check ? `status-${check.status}` : undefined}>
                {check ? STATUS_TEXT[check.status] : ""}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "128 MiB (best 1 GiB)": the hard minimum, and the figure above which web-llm has no fallback. */
function needs(check: LimitCheck, show: (value: number) => string): string {
  const required = check.required > 0 ? show(check.required) : "any";
  return check.preferred > check.required ? `${required} (best ${show(check.preferred)})` : required;
}
