// jax-js runs wasm kernels on a pool of blob: workers when SharedArrayBuffer exists. Where the page's
// Content-Security-Policy does not allow blob: workers (worker-src 'self'), those workers never start
// and every read of a result hangs; this checks first and, if they cannot start, hides Worker from
// jax-js so it runs wasm on the calling thread instead.

/** Whether a blob: module worker can start here (a CSP may forbid it); false after `timeoutMs`. */
export async function blobWorkersAllowed(timeoutMs = 2000): Promise<boolean> {
  if (typeof Worker === "undefined" || typeof SharedArrayBuffer === "undefined") return false;
  const url = URL.createObjectURL(new Blob(["postMessage(1);"], { type: "text/javascript" }));
  let worker: Worker | null = null;
  try {
    worker = new Worker(url, { type: "module" });
    const started = worker;
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      started.onmessage = () => {
        clearTimeout(timer);
        resolve(true);
      };
      started.onerror = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
  } catch {
    return false;
  } finally {
    worker?.terminate();
    URL.revokeObjectURL(url);
  }
}

/**
 * Call before jax-js is imported (its wasm backend may start at import): returns whether wasm may
 * use threads; if not, jax-js will not try.
 */
export async function prepareWasmThreads(): Promise<boolean> {
  if (await blobWorkersAllowed()) return true;
  if (typeof Worker !== "undefined") Object.defineProperty(globalThis, "Worker", { value: undefined, configurable: true, writable: true });
  return false;
}
