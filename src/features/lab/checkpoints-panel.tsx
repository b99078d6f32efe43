// Stored checkpoints: load one into the worker (then Continue), export it as a .folio-ckpt file,
// delete it, or import a file (validated in full first; a damaged file shows a named error).
import { useRef } from "react";
import { useLabStore } from "./lab-store";

function size(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function CheckpointsPanel({ busy }: { busy: boolean }) {
  const checkpoints = useLabStore((s) => s.checkpoints);
  const { loadCheckpoint, exportCheckpoint, deleteCheckpoint, importCheckpoint } = useLabStore.getState();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="panel" aria-labelledby="lab-checkpoints-title" data-testid="checkpoints-panel">
      <div className="lab-heading">
        <h2 id="lab-checkpoints-title">Checkpoints</h2>
        <button onClick={() => input.current?.click()} data-testid="import-checkpoint">
          Import .folio-ckpt…
        </button>
        <input
          ref={input}
          type="file"
          accept=".folio-ckpt"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void importCheckpoint(file);
          }}
        />
      </div>
      {checkpoints.length === 0 ? (
        <p className="lab-muted">No checkpoints yet. Save one from a run, or import a file.</p>
      ) : (
        <ul className="lab-list" data-testid="checkpoint-list">
          {checkpoints.map((c) => (
            <li key={c.id} data-testid="checkpoint-item" data-checkpoint-id={c.id} data-name={c.name}>
              <span className="lab-item-name">{c.name}</span>
              <span className="lab-muted">
                {c.info.task} · {c.info.modelSize} · {size(c.bytes)} · {new Date(c.createdAt).toLocaleString()}
              </span>
              <span className="lab-item-actions">
                <button disabled={busy} onClick={() => void loadCheckpoint(c.id)} data-testid="load-checkpoint">Load</button>
                <button onClick={() => void exportCheckpoint(c.id)} data-testid="export-checkpoint">Export</button>
                <button className="danger" onClick={() => void deleteCheckpoint(c.id)} data-testid="delete-checkpoint">Delete</button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
