// Plain-JavaScript entry of the fuzz worker thread: registers tsx's loader in this thread (worker
// threads do not inherit it reliably from the parent's flags), then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./fuzz-worker.ts");
