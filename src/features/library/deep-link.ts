// The library's URL routes: the list, and one document with highlighted ranges
// (#/library/doc/<id>?highlight=START-END[,START-END]).
import type { CharRange } from "../../core/text/types";

export type LibraryRoute = { view: "list" } | { view: "document"; id: string; highlights: CharRange[] };

/** The hash of the library's list view. */
export const LIBRARY_HASH = "#/library";

/** The hash that opens `id` with `highlights` marked and scrolled to. */
export function documentHash(id: string, highlights: readonly CharRange[] = []): string {
  const base = `${LIBRARY_HASH}/doc/${encodeURIComponent(id)}`;
  if (highlights.length === 0) return base;
  return `${base}?highlight=${highlights.map((range) => `${range.start}-${range.end}`).join(",")}`;
}

/** Parses "START-END,START-END"; malformed or empty pieces are skipped, not fatal. */
export function parseHighlightParam(value: string | null): CharRange[] {
  if (!value) return [];
  const ranges: CharRange[] = [];
  for (const piece of value.split(",")) {
    const match = /^\s*(\d+)-(\d+)\s*$/.exec(piece);
    if (!match) continue;
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

/**
 * Reads the part of the hash after "#/library" (for example "/doc/abc?highlight=5-9" or ""), as
 * given by the app's hash hook. Anything unrecognised is the list view.
 */
export function parseLibraryRoute(rest: string): LibraryRoute {
  const [path = "", query = ""] = rest.replace(/^\/+/, "").split("?", 2);
  const match = /^doc\/([^/]+)\/?$/.exec(path);
  if (!match?.[1]) return { view: "list" };
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return { view: "list" };
  }
  return { view: "document", id, highlights: parseHighlightParam(new URLSearchParams(query).get("highlight")) };
}

/** A stable string for a route, so effects can tell when the route really changed. */
export function routeKey(route: LibraryRoute): string {
  return route.view === "list" ? "list" : documentHash(route.id, route.highlights);
}
