// The document viewer: text by page or section, virtualised so long documents open and scroll fast,
// with an outline to jump and highlighted ranges scrolled into view on open.
import { useEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { CharRange, FolioDocument, Section } from "../../core/text/types";
import { FORMAT_LABELS, formatCount, formatExtent } from "./format";
import { buildViewerLayout, rowForOffset, sectionOfRow, type ViewerRow } from "./viewer-rows";
import { ViewerRowView } from "./viewer-row";

/** Rough heights before measuring, so jumps land close even to rows never rendered. */
function estimateRowSize(row: ViewerRow | undefined): number {
  if (!row) return 40;
  if (row.kind === "paragraph") return 18 + 27 * Math.ceil((row.end - row.start) / 90);
  if (row.kind === "heading") return 56;
  return 44;
}

/**
 * Centring a row shows a short paragraph's highlight, but a paragraph taller than the view can
 * hide it; once rows are measured, bring the mark itself to the upper third if it is out of view.
 * Returns a cancel function for effects.
 */
function revealMark(container: HTMLElement, start: number): () => void {
  let frame = 0;
  let framesLeft = 4;
  const step = () => {
    if (--framesLeft > 0) {
      frame = requestAnimationFrame(step);
      return;
    }
    const marks = container.querySelectorAll<HTMLElement>('mark[data-testid="highlight"]');
    const mark = Array.from(marks).find((element) => Number(element.dataset.end) > start);
    if (!mark) return;
    const view = container.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom) container.scrollTop += box.top - view.top - view.height / 3;
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}

export interface DocumentViewerProps {
  document: FolioDocument;
  /** Normalised ranges to mark. */
  highlights: readonly CharRange[];
  /** Changes on every open request; a new value scrolls to the first highlight again. */
  request: number;
  onClose: () => void;
}

export function DocumentViewer({ document: doc, highlights, request, onClose }: DocumentViewerProps) {
  const layout = useMemo(() => buildViewerLayout(doc), [doc]);
  const isPaged = doc.sections.some((section) => section.kind === "page");
  // Built once per document: the viewer re-renders on every scroll (the outline follows the
  // current section). Paged documents get a page-number field instead: a 2,000-option list took
  // a long task of its own to create.
  const outlineOptions = useMemo(
    () =>
      isPaged
        ? []
        : doc.sections.map((section, index) => (
            <option key={index} value={index}>
              {`${"\u2003".repeat(Math.max(0, section.level - 1))}${section.title}`}
            </option>
          )),
    [doc, isPaged],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [highlightIndex, setHighlightIndex] = useState(0);

  const virtualizer = useVirtualizer({
    count: layout.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimateRowSize(layout.rows[index]),
    overscan: 6,
  });

  const scrollToHighlight = (index: number) => {
    const range = highlights[index];
    if (!range) return;
    setHighlightIndex(index);
    virtualizer.scrollToIndex(rowForOffset(layout, range.start), { align: "center" });
    if (scrollRef.current) revealMark(scrollRef.current, range.start);
  };

  useEffect(() => {
    const first = highlights[0];
    if (!first) return;
    setHighlightIndex(0);
    virtualizer.scrollToIndex(rowForOffset(layout, first.start), { align: "center" });
    if (scrollRef.current) return revealMark(scrollRef.current, first.start);
    // Only a new open request should scroll; the virtualizer instance is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, layout]);

  const items = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;
  const firstVisible = items.find((item) => item.end > offset) ?? items[0];
  const currentSection = firstVisible ? sectionOfRow(layout, firstVisible.index) : 0;
  const jumpToSection = (index: number): void => {
    const row = layout.sectionRows[index];
    if (row !== undefined) virtualizer.scrollToIndex(row, { align: "start" });
  };

  return (
    <section className="viewer" data-testid="document-viewer" data-doc-id={doc.id} aria-labelledby="viewer-title">
      <header className="viewer-head">
        <button type="button" className="viewer-back" data-testid="viewer-close" onClick={onClose}>
          ← Library
        </button>
        <div className="viewer-title-block">
          <h2 id="viewer-title" title={doc.name}>
            {doc.name}
          </h2>
          <p className="viewer-meta">
            {FORMAT_LABELS[doc.format]} · {formatExtent(doc)} · {formatCount(doc.stats.characters)} characters ·{" "}
            {formatCount(doc.stats.tokens)} tokens
          </p>
        </div>
        {isPaged ? (
          <PageJump sections={doc.sections} current={currentSection} onJump={jumpToSection} />
        ) : (
          <label className="viewer-jump">
            <span>Section</span>
            <select data-testid="viewer-outline" value={currentSection} onChange={(event) => jumpToSection(Number(event.target.value))}>
              {outlineOptions}
            </select>
          </label>
        )}
      </header>

      {highlights.length > 0 && (
        <div className="viewer-highlights" data-testid="viewer-highlights">
          <span>
            {highlights.length === 1 ? "1 highlighted passage" : `Highlighted passage ${highlightIndex + 1} of ${highlights.length}`}
          </span>
          {highlights.length > 1 && (
            <>
              <button type="button" onClick={() => scrollToHighlight((highlightIndex + highlights.length - 1) % highlights.length)}>
                Previous
              </button>
              <button type="button" data-testid="viewer-next-highlight" onClick={() => scrollToHighlight((highlightIndex + 1) % highlights.length)}>
                Next
              </button>
            </>
          )}
          {highlights.length === 1 && (
            <button type="button" onClick={() => scrollToHighlight(0)}>
              Show
            </button>
          )}
        </div>
      )}

      <div ref={scrollRef} className="viewer-scroll" data-testid="viewer-scroll" tabIndex={0} aria-label={`Text of ${doc.name}`}>
        <div className="viewer-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="viewer-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ViewerRowView row={layout.rows[item.index] as ViewerRow} text={doc.text} ranges={highlights} sectionCount={doc.sections.length} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/** "Page [n] of N": shows the page in view; typing a number and pressing Enter (or leaving) jumps. */
function PageJump({ sections, current, onJump }: { sections: readonly Section[]; current: number; onJump: (index: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = sections[current]?.number ?? 1;
  const last = sections.at(-1)?.number ?? sections.length;
  const commit = (): void => {
    if (draft === null) return;
    const index = sections.findIndex((section) => section.number === Number(draft));
    if (index >= 0) onJump(index);
    setDraft(null);
  };
  return (
    <label className="viewer-jump">
      <span>Page</span>
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={last}
        data-testid="viewer-page"
        value={draft ?? String(shown)}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setDraft(null);
        }}
        onBlur={commit}
      />
      <span>of {last.toLocaleString("en")}</span>
    </label>
  );
}
