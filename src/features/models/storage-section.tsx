// Storage used and quota for this site, whether it is persistent, and the button to ask for it.
import type { StorageStatus } from "../../core/models/capabilities";
import { formatBytes } from "../../core/models/bytes";
import { useModelsStore, type PersistState } from "./models-store";

const PERSIST_RESULT: Partial<Record<PersistState, string>> = {
  granted: "The browser made storage persistent.",
  declined: "The browser declined for now. Chromium decides by how much you use the site; installing Folio as an app usually helps.",
  failed: "Asking the browser failed.",
};

export function StorageSection({ storage }: { storage: StorageStatus }) {
  const persist = useModelsStore((s) => s.persist);
  const makeStoragePersistent = useModelsStore((s) => s.makeStoragePersistent);

  if (!storage.supported) {
    return <p className="models-error" data-testid="storage-unsupported">This browser reports no storage for Folio.</p>;
  }
  const share = storage.usage !== null && storage.quota ? Math.min(1, storage.usage / storage.quota) : 0;
  return (
    <div className="storage">
      <dl className="facts">
        <dt>Used</dt>
        <dd data-testid="storage-usage" data-bytes={storage.usage ?? ""}>{formatBytes(storage.usage)}</dd>
        <dt>Quota</dt>
        <dd data-testid="storage-quota" data-bytes={storage.quota ?? ""}>{formatBytes(storage.quota)}</dd>
        <dt>Persistent</dt>
        <dd data-testid="storage-persisted" data-persisted={String(storage.persisted)}>
          {storage.persisted === null ? "unknown" : storage.persisted ? "Yes" : "No"}
        </dd>
      </dl>
      <div className="storage-bar" aria-hidden="true">
        <div style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      {storage.persisted !== true && (
        <button onClick={() => void makeStoragePersistent()} disabled={persist === "asking"} data-testid="persist-button">
          Make storage persistent
        </button>
      )}
      {PERSIST_RESULT[persist] && (
        <p className="models-muted" data-testid="persist-result" data-state={persist}>{PERSIST_RESULT[persist]}</p>
      )}
    </div>
  );
}
