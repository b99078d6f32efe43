// One row of the document viewer: a page label, a heading or a paragraph, with highlights marked.
import { memo } from "react";
import type { CharRange } from "../../core/text/types";
import { splitByRanges } from "./highlight-ranges";
import type { ViewerRow } from "./viewer-rows";

/** The text of [start, end) with every part inside `ranges` wrapped in a <mark>. */
const MarkedText = memo(function MarkedText({ text, start, end, ranges }: { text: string; start: number; end: number; ranges: readonly CharRange[] }) {
  const pieces = splitByRanges(start, end, ranges);
  return (
    <>
      {pieces.map((piece) =>
        piece.marked ? (
          <mark key={piece.start} data-testid="highlight" data-start={piece.start} data-end={piece.end}>
            {text.slice(piece.start, piece.end)}
          </mark>
        ) : (
          <span key={piece.start}>{text.slice(piece.start, piece.end)}</span>
        ),
      )}
    </>
  );
});

export const ViewerRowView = memo(function ViewerRowView({
  row,
  text,
  ranges,
  sectionCount,
}: {
  row: ViewerRow;
  text: string;
  ranges: readonly CharRange[];
  sectionCount: number;
}) {
  switch (row.kind) {
    case "label":
      return (
        <div className="viewer-label" data-section={row.section}>
          <span>{row.title}</span>
          {/^Page \d+$/.test(row.title) && <span className="viewer-label-of"> of {sectionCount}</span>}
        </div>
      );
    case "heading": {
      const level = Math.min(Math.max(row.level, 1), 4);
      return (
        <div className={`viewer-heading level-${level}`} role="heading" aria-level={level + 2} data-start={row.start}>
          <MarkedText text={text} start={row.start} end={row.end} ranges={ranges} />
        </div>
      );
    }
    case "paragraph":
      return (
        <p className="viewer-paragraph" data-start={row.start}>
          <MarkedText text={text} start={row.start} end={row.end} ranges={ranges} />
        </p>
      );
    case "empty":
      return <p className="viewer-empty">No text on this page.</p>;
  }
});
