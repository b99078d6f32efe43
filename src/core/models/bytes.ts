// Human-readable byte sizes for the UI and the CLI, in binary units (what quotas and GPU limits use).

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

export const KIB = 1024;
export const MIB = 1024 * KIB;
export const GIB = 1024 * MIB;

/** 1536 -> "1.5 KiB"; 1073741824 -> "1 GiB". Non-finite or negative input reads "unknown". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "unknown";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal below 10 units keeps "1.5 GiB" readable without "1234.6 MiB" noise.
  const rounded = value < 10 && unit > 0 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${UNITS[unit]}`;
}
