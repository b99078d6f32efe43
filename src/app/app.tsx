// Composition root: the shell with its four areas. The only place features meet.
import { TABS } from "./tabs";
import { useHashTab } from "./use-hash-tab";
import { ErrorBoundary } from "./error-boundary";
import { AppStatus } from "./app-status";
import { LibraryPage } from "../features/library/library-page";
import { openPassage } from "../features/library/navigation";
import { AskView } from "../features/ask/ask-view";
import { ModelsView } from "../features/models/models-view";
import { LabView } from "../features/lab/lab-view";

export function App() {
  const [tab, selectTab, tabPath] = useHashTab();
  return (
    <div className="shell">
      <header className="topbar">
        <h1 className="brand">Folio</h1>
        <nav className="tabs" role="tablist" aria-label="Areas">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              className={tab === id ? "tab active" : "tab"}
              onClick={() => selectTab(id)}
            >
              {label}
            </button>
          ))}
        </nav>
        <AppStatus />
        <span className="privacy-note" title="Documents never leave this device">Private · on-device</span>
      </header>
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="content">
        <ErrorBoundary key={tab}>
          {tab === "library" && <LibraryPage route={tabPath} />}
          {tab === "ask" && <AskView onOpenPassage={(docId, ranges) => openPassage(docId, ranges)} />}
          {tab === "models" && <ModelsView />}
          {tab === "lab" && <LabView />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
