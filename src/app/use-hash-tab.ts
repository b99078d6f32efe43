// Keeps the current tab in the URL hash so reloads and the back button land where the user was.
// The hash is "#/<tab>" optionally followed by a sub-path for that area, e.g.
// "#/library/doc/<id>?highlight=10-20"; the tab's part is returned separately as `rest`.
import { useCallback, useEffect, useState } from "react";
import { isTabId, type TabId } from "./tabs";

interface HashRoute {
  tab: TabId;
  /** What follows "#/<tab>", e.g. "/doc/abc?highlight=1-2"; "" when nothing does. */
  rest: string;
}

export function parseHash(hash: string): HashRoute {
  const path = hash.replace(/^#\/?/, "");
  const match = /^([^/?]*)(.*)$/s.exec(path);
  const head = match?.[1] ?? "";
  if (!isTabId(head)) return { tab: "library", rest: "" };
  return { tab: head, rest: match?.[2] ?? "" };
}

/** [current tab, select a tab (dropping any sub-path), the sub-path within the current tab]. */
export function useHashTab(): [TabId, (tab: TabId) => void, string] {
  const [route, setRoute] = useState<HashRoute>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  const select = useCallback((next: TabId) => {
    window.location.hash = `/${next}`;
    setRoute({ tab: next, rest: "" });
  }, []);
  return [route.tab, select, route.rest];
}
