// The Library area: drop zone and picker, ingestion cards, the document list or the open document.
import { useEffect, useRef } from "react";
import { LIBRARY_HASH, parseLibraryRoute, routeKey } from "./deep-link";
import { DocumentList } from "./document-list";
import { DocumentViewer } from "./document-viewer";
import { DropZone, IntakeBar } from "./drop-zone";
import { isActive } from "./format";
import { JobList } from "./job-list";
import { showLibraryList } from "./navigation";
import { libraryStore, useLibrary } from "./use-library";
import "./library.css";

/**
 * `route` is what follows "#/library" in the URL hash ("" for the list, "/doc/<id>?highlight=..."
 * for a document). The route decides what is open, so links, back and reload all agree.
 */
export function LibraryPage({ route }: { route: string }) {
  const load = useLibrary((state) => state.load);
  const addFiles = useLibrary((state) => state.addFiles);
  const openStatus = useLibrary((state) => state.open.status);

  useEffect(() => {
    void load();
  }, [load]);

  const lastRoute = useRef<string | null>(null);
  useEffect(() => {
    const parsed = parseLibraryRoute(route);
    const key = routeKey(parsed);
    if (key === lastRoute.current) return;
    lastRoute.current = key;
    const { openDocument, closeDocument } = libraryStore.getState();
    if (parsed.view === "document") void openDocument(parsed.id, parsed.highlights);
    else closeDocument();
  }, [route]);

  return (
    <DropZone onFiles={addFiles}>
      {openStatus === "closed" ? (
        <>
          <IntakeBar onFiles={addFiles} />
          <Notice />
          <JobList />
          <DocumentList />
        </>
      ) : (
        // Reading gets the whole area; files dropped meanwhile show their cards back on the list.
        <>
          <ActiveJobsNote />
          <OpenDocumentPanel />
        </>
      )}
    </DropZone>
  );
}

function ActiveJobsNote() {
  const active = useLibrary((state) => Object.values(state.jobs).filter((job) => isActive(job.status)).length);
  if (active === 0) return null;
  return (
    <p className="active-jobs-note" role="status">
      Adding {active} file{active === 1 ? "" : "s"}… <a href={LIBRARY_HASH}>See progress</a>
    </p>
  );
}

function Notice() {
  const notice = useLibrary((state) => state.notice);
  const dismissNotice = useLibrary((state) => state.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="library-notice" data-error-name={notice.name}>
      <div>
        <p className="error-name">{notice.name}</p>
        <p className="error-message">{notice.message}</p>
        {notice.hint && <p className="error-hint">{notice.hint}</p>}
      </div>
      <button type="button" onClick={dismissNotice} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

function OpenDocumentPanel() {
  const open = useLibrary((state) => state.open);
  if (open.status === "ready") {
    return <DocumentViewer key={open.id} document={open.document} highlights={open.highlights} request={open.request} onClose={showLibraryList} />;
  }
  if (open.status === "error") {
    return (
      <section className="viewer viewer-message" data-testid="viewer-error" data-error-name={open.error.name}>
        <button type="button" className="viewer-back" onClick={showLibraryList}>
          ← Library
        </button>
        <div className="job-error" role="alert">
          <p className="error-name">{open.error.name}</p>
          <p className="error-message">{open.error.message}</p>
          {open.error.hint && <p className="error-hint">{open.error.hint}</p>}
        </div>
      </section>
    );
  }
  return (
    <section className="viewer viewer-message" data-testid="viewer-loading" aria-busy="true">
      <p className="empty-state">Opening the document…</p>
    </section>
  );
}
