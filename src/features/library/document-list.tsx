// The stored documents: name, format, extent, size in characters and tokens, date; open and remove.
import { useState } from "react";
import { documentHash } from "./deep-link";
import { FORMAT_LABELS, formatCount, formatDate, formatExtent } from "./format";
import { useLibrary } from "./use-library";

export function DocumentList() {
  const documents = useLibrary((state) => state.documents);
  const loadStatus = useLibrary((state) => state.loadStatus);
  const removeDocument = useLibrary((state) => state.removeDocument);
  const removeAll = useLibrary((state) => state.removeAll);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const count = documents.length;
  return (
    <section className="documents" aria-labelledby="documents-title">
      <div className="section-head">
        <h2 id="documents-title">
          Your documents {count > 0 && <span className="count">{formatCount(count)}</span>}
        </h2>
        {count > 0 && !confirming && (
          <button type="button" className="danger" data-testid="remove-all" onClick={() => setConfirming(true)}>
            Remove all
          </button>
        )}
      </div>

      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-remove-all" data-testid="remove-all-dialog">
          <p id="confirm-remove-all">
            Remove all {formatCount(count)} document{count === 1 ? "" : "s"} from this device? This cannot be undone.
          </p>
          <div className="confirm-actions">
            <button
              type="button"
              className="danger-solid"
              data-testid="remove-all-confirm"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await removeAll();
                setBusy(false);
                setConfirming(false);
              }}
            >
              Remove all
            </button>
            <button type="button" data-testid="remove-all-cancel" disabled={busy} onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}

      {count === 0 ? (
        <p className="empty-state" data-testid="documents-empty">
          {loadStatus === "loading" || loadStatus === "idle"
            ? "Loading your library…"
            : "No documents yet. Add a file above and it will be listed here."}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="document-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Format</th>
                <th scope="col">Pages / sections</th>
                <th scope="col" className="num">Characters</th>
                <th scope="col" className="num">Tokens</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id} data-testid="document-row" data-doc-id={doc.id} data-name={doc.name}>
                  <th scope="row" className="doc-name">
                    <a href={documentHash(doc.id)} title={doc.name}>
                      {doc.name}
                    </a>
                  </th>
                  <td>
                    <span className={`format-badge format-${doc.format}`}>{FORMAT_LABELS[doc.format]}</span>
                  </td>
                  <td>{formatExtent(doc)}</td>
                  <td className="num">{formatCount(doc.stats.characters)}</td>
                  <td className="num">{formatCount(doc.stats.tokens)}</td>
                  <td className="added">{formatDate(doc.addedAt)}</td>
                  <td className="row-actions">
                    <a className="button-link" href={documentHash(doc.id)} data-testid="document-open">
                      Open
                    </a>
                    <button
                      type="button"
                      className="danger"
                      data-testid="document-remove"
                      aria-label={`Remove ${doc.name}`}
                      onClick={() => void removeDocument(doc.id)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
