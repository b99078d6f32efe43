// Downloaded models: what is stored for each with its size, deleting one or all, storage used and
// quota for the site, and asking the browser to keep it (persistence).
import { formatBytes } from "../../core/models/bytes";
import { useEngineStore } from "./engine-store";

export function CacheManager() {
  const cached = useEngineStore((s) => s.cached);
  const status = useEngineStore((s) => s.cacheStatus);
  const deleting = useEngineStore((s) => s.deleting);
  const error = useEngineStore((s) => s.cacheError);
  const storage = useEngineStore((s) => s.storage);
  const persistResult = useEngineStore((s) => s.persistResult);
  const loadingId = useEngineStore((s) => (s.loadStatus === "loading" ? s.loadingModelId : null));
  const { deleteModel, deleteAll, refreshCache, makePersistent } = useEngineStore.getState();
  const total = cached.reduce((sum, model) => sum + model.bytes, 0);

  return (
    <div className="cache-manager" data-testid="cache-manager" data-status={status}>
      {cached.length === 0 ? (
        <p className="models-muted" data-testid="cache-empty">{status === "listing" ? "Reading the cache…" : "No models are downloaded."}</p>
      ) : (
        <table className="catalog-table" data-testid="cache-table">
          <thead>
            <tr><th scope="col">Model</th><th scope="col">Stored</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Action</span></th></tr>
          </thead>
          <tbody>
            {cached.map((model) => (
              <tr key={model.modelId} data-testid={`cached-${model.modelId}`} data-bytes={model.bytes}>
                <th scope="row"><code>{model.modelId}</code></th>
                <td data-testid="cached-size">{formatBytes(model.bytes)}</td>
                <td>
                  {model.complete
                    ? "Complete"
                    : model.shardsTotal > 0
                      ? `Partial: ${model.shardsCached} of ${model.shardsTotal} shards (resumes from the last finished shard)`
                      : "Partial: configuration only"}
                </td>
                <td>
                  <button
                    className="danger"
                    disabled={deleting !== null || loadingId === model.modelId}
                    onClick={() => void deleteModel(model.modelId)}
                    data-testid={`delete-${model.modelId}`}
                  >
                    {deleting === model.modelId ? "Deleting…" : "Delete"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="cache-actions">
        {cached.length > 0 && (
          <button className="danger" disabled={deleting !== null || loadingId !== null} onClick={() => void deleteAll()} data-testid="delete-all">
            {deleting === "all" ? "Deleting…" : `Delete all (${formatBytes(total)})`}
          </button>
        )}
        <button onClick={() => void refreshCache()} disabled={status === "listing"} data-testid="refresh-cache">Refresh</button>
        {storage?.persisted !== true && (
          <button onClick={() => void makePersistent()} data-testid="cache-persist-button">Make persistent</button>
        )}
      </div>
      {storage && (
        <p className="models-muted" data-testid="cache-storage" data-usage={storage.usage ?? ""} data-quota={storage.quota ?? ""}>
          This site uses {formatBytes(storage.usage)} of {formatBytes(storage.quota)}
          {storage.persisted === true ? "; storage is persistent." : "; the browser may evict models when the disk runs low."}
          {persistResult === "declined" && " The browser declined persistence for now."}
        </p>
      )}
      {error && (
        <p className="models-error" role="alert" data-testid="cache-error">{error.message} {error.hint}</p>
      )}
    </div>
  );
}
