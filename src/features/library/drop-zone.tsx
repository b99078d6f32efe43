// The library's drop target (the whole area) and the intake bar with its file picker.
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";

/** What the picker offers; dropped files of any other type still get a named error on their card. */
export const ACCEPTED_FILES = [
  ".pdf",
  ".docx",
  ".html",
  ".htm",
  ".md",
  ".markdown",
  ".txt",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/html",
  "text/markdown",
  "text/plain",
].join(",");

const DROP_PROMPT = "Drop PDF, DOCX, HTML, Markdown or text files";

function hasFiles(event: DragEvent | globalThis.DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

export function DropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  // Enter and leave fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);

  useEffect(() => {
    // A file dropped just outside the zone would make the browser navigate away from the app.
    const guard = (event: globalThis.DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    window.addEventListener("dragover", guard);
    window.addEventListener("drop", guard);
    return () => {
      window.removeEventListener("dragover", guard);
      window.removeEventListener("drop", guard);
    };
  }, []);

  return (
    <section
      className={dragging ? "library drop-zone dragging" : "library drop-zone"}
      data-testid="drop-zone"
      aria-label="Library"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        const files = Array.from(event.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      }}
    >
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{DROP_PROMPT}</p>
        </div>
      )}
    </section>
  );
}

export function IntakeBar({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="intake">
      <div className="intake-text">
        <p className="intake-title">{DROP_PROMPT} anywhere here</p>
        <p className="intake-note">They are read on this device and stay in this browser; nothing is uploaded.</p>
      </div>
      <button className="primary" type="button" onClick={() => input.current?.click()}>
        Choose files…
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        data-testid="file-input"
        aria-label="Choose files to add"
        tabIndex={-1}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Reset so picking the same file again still fires a change.
          event.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
