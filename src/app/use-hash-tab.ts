// Keeps the current tab in the URL hash so reloads and the back button land where the user was.
import { useCallback, useEffect, useState } from "react";
import { isTabId, type TabId } from "./tabs";

function readHash(): TabId {
  const hash = window.location.hash.replace(/^#\/?/, "");
  return isTabId(hash) ? hash : "library";
}

export function useHashTab(): [TabId, (tab: TabId) => void] {
  const [tab, setTab] = useState<TabId>(readHash);
  useEffect(() => {
    const onHashChange = () => setTab(readHash());
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  const select = useCallback((next: TabId) => {
    window.location.hash = `/${next}`;
    setTab(next);
  }, []);
  return [tab, select];
}
