// HTML to Extraction with htmlparser2: sections from h1-h6, paragraphs from block elements. The
// markup is only tokenised, never rendered or executed; script-like content is skipped.
import { Parser } from "htmlparser2";
import type { ExtractedUnit, Extraction } from "../../core/text/types";

/** Elements whose content is never document text (the Markdown adapter skips them inline too). */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object", "canvas"]);
/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody",
  "section", "article", "aside", "header", "footer", "nav", "main", "figure", "figcaption", "hr", "address",
  "details", "summary", "form", "fieldset", "caption", "body", "html",
]);
const HEADING = /^h([1-6])$/;

/**
 * Extracts sections and paragraphs. Text before the first heading becomes an untitled level-0
 * section named `untitled` (the document's name); each heading starts a section titled by it.
 * A document with no text at all yields a single empty unit.
 */
export function extractHtml(html: string, untitled: string): Extraction {
  const units: ExtractedUnit[] = [];
  let unit: ExtractedUnit = { kind: "section", number: 1, title: untitled, level: 0, paragraphs: [] };
  let paragraph = "";
  let heading: { level: number; text: string } | null = null;
  let skipDepth = 0;
  const skipStack: string[] = [];

  const flush = () => {
    const text = paragraph.replace(/\s+/g, " ").trim();
    if (text.length > 0) unit.paragraphs.push(text);
    paragraph = "";
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
          if (SKIPPED_ELEMENTS.has(name)) skipStack.push(name);
          skipDepth += SKIPPED_ELEMENTS.has(name) ? 1 : 0;
          return;
        }
        const match = HEADING.exec(name);
        if (match) {
          flush();
          heading = { level: Number(match[1]), text: "" };
        } else if (BLOCKS.has(name)) flush();
        else if (name === "br") paragraph += heading ? "" : "\n";
        else if (name === "img") paragraph += " ";
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (heading) heading.text += text;
        else paragraph += text;
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          if (skipStack.at(-1) === name) {
            skipStack.pop();
            skipDepth--;
          }
          return;
        }
        const match = HEADING.exec(name);
        if (match && heading) {
          const title = heading.text.replace(/\s+/g, " ").trim();
          heading = null;
          if (title.length === 0) return;
          if (unit.paragraphs.length > 0 || unit.level > 0) units.push(unit);
          unit = { kind: "section", number: units.length + 1, title, level: Number(match[1]), paragraphs: [] };
        } else if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  units.push(unit);
  return { units: units.map((entry, index) => ({ ...entry, number: index + 1 })) };
}
