// Moves the app to a library view through the URL hash, so back, reload and links all work.
import type { CharRange } from "../../core/text/types";
import { LIBRARY_HASH, documentHash } from "./deep-link";
import { libraryStore } from "./use-library";

/**
 * Opens `docId` in the library's viewer with `ranges` highlighted and scrolled to. This is what
 * the app wires to a citation click elsewhere (for example in Ask).
 */
export function openPassage(docId: string, ranges: readonly CharRange[] = []): void {
  const target = documentHash(docId, ranges);
  // Same hash means no hashchange event: open directly so the viewer scrolls again.
  if (window.location.hash === target) void libraryStore.getState().openDocument(docId, ranges);
  else window.location.hash = target;
}

/** Back to the document list. */
export function showLibraryList(): void {
  libraryStore.getState().closeDocument();
  if (window.location.hash !== LIBRARY_HASH) window.location.hash = LIBRARY_HASH;
}
