// Small Lab helpers: fresh ids, the next free run name, and saving bytes as a download.

/** A random URL-safe id. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `current` if no run has that name, else the same stem with the next free number ("run 1" -> "run 2"). */
export function nextRunName(taken: readonly string[], current: string): string {
  const names = new Set(taken);
  if (!names.has(current)) return current;
  const match = /^(.*?)(\d+)$/.exec(current);
  const stem = match ? (match[1] as string) : `${current} `;
  let n = match ? Number(match[2]) + 1 : 2;
  while (names.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** Offers `data` as a file download through a temporary blob URL. */
export function downloadBytes(data: ArrayBuffer, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once started; revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
