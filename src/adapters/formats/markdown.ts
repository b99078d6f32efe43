// Markdown to Extraction with marked's lexer: sections from headings, code blocks kept as text.
import { Lexer, type Token, type Tokens } from "marked";
import type { ExtractedUnit, Extraction } from "../../core/text/types";
import { SKIPPED_ELEMENTS, extractHtml } from "./html";
import { extractPlainText } from "./plain-text";

/**
 * Deepest container nesting (blockquote ">" and list markers at a line's start) handed to marked;
 * deeper markers are dropped. marked's block lexer re-reads the following lines once per level,
 * so a 5 KB file of 1,000 nested ">" ran for minutes in a worker, and 2,000 overflowed the stack.
 */
export const MAX_MARKDOWN_NESTING = 16;
/** One container marker; no optional whitespace after it, so the pattern cannot backtrack badly. */
const CONTAINER_MARKER = String.raw`[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))`;
const TOO_DEEP = new RegExp(`^((?:${CONTAINER_MARKER}){${MAX_MARKDOWN_NESTING}})(?:${CONTAINER_MARKER})+`, "gm");

/** `markdown` with container nesting capped at MAX_MARKDOWN_NESTING levels per line. */
export function capNesting(markdown: string): string {
  return markdown.replace(TOO_DEEP, "$1");
}

/**
 * Extracts sections (one per heading, plus the untitled text before the first one, named
 * `untitled`) and paragraphs (paragraphs, list items, table rows, code blocks, quotes). Nothing is
 * rendered: inline markup is reduced to its text, raw HTML to the text between its tags.
 */
export function extractMarkdown(markdown: string, untitled: string): Extraction {
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(capNesting(markdown));
  } catch {
    // A recursive parser can still run out of stack on some input; its text is text all the same.
    return extractPlainText(markdown, untitled);
  }
  const units: ExtractedUnit[] = [];
  let unit: ExtractedUnit = { kind: "section", number: 1, title: untitled, level: 0, paragraphs: [] };
  const push = (text: string) => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean.length > 0) unit.paragraphs.push(clean);
  };
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case "heading": {
          const title = inlineText(token.tokens ?? []).replace(/\s+/g, " ").trim();
          if (title.length === 0) break;
          if (unit.paragraphs.length > 0 || unit.level > 0) units.push(unit);
          unit = { kind: "section", number: units.length + 1, title, level: (token as Tokens.Heading).depth, paragraphs: [] };
          break;
        }
        case "code":
          push((token as Tokens.Code).text);
          break;
        case "list":
          for (const item of (token as Tokens.List).items) visit(item.tokens);
          break;
        case "blockquote":
          visit((token as Tokens.Blockquote).tokens);
          break;
        case "table": {
          const table = token as Tokens.Table;
          push(table.header.map((cell) => inlineText(cell.tokens)).join(" "));
          for (const row of table.rows) push(row.map((cell) => inlineText(cell.tokens)).join(" "));
          break;
        }
        case "html":
          for (const section of extractHtml((token as Tokens.HTML).text, "").units) section.paragraphs.forEach(push);
          break;
        case "space":
        case "hr":
        case "def":
          break;
        default:
          // paragraph, text, and anything a marked extension adds: keep its text.
          push("tokens" in token && token.tokens ? inlineText(token.tokens) : "text" in token ? String(token.text) : "");
      }
    }
  };
  visit(tokens);
  units.push(unit);
  return { units: units.map((entry, index) => ({ ...entry, number: index + 1 })) };
}

/** An inline HTML tag as marked emits it: "<script>", "</svg>", "<br/>", "<!-- -->". */
const INLINE_TAG = /^<\s*(\/)?\s*([a-zA-Z][\w:-]*)(?:\s[\s\S]*?)?(\/)?\s*>$/;

/**
 * The visible text of inline tokens: emphasis and links by their text, images by their alt text.
 * marked splits inline HTML into one token per tag, so the text between `<script>` and
 * `</script>` (or style, svg, iframe, ...) arrives as ordinary text; `skipped` tracks the open
 * skipped elements across tokens so that content is dropped, as the HTML adapter drops it.
 */
function inlineText(tokens: readonly Token[], skipped: string[] = []): string {
  let text = "";
  for (const token of tokens) {
    if (token.type === "html") {
      trackSkipped(String(token.text).trim(), skipped);
      text += " ";
    } else if (skipped.length > 0) continue;
    else if (token.type === "br") text += " ";
    else if ("tokens" in token && token.tokens && token.tokens.length > 0) text += inlineText(token.tokens, skipped);
    else if (token.type === "escape" || token.type === "codespan" || token.type === "text" || token.type === "image") text += decodeEntities(String(token.text));
    else if ("text" in token) text += String(token.text);
  }
  return text;
}

/** Pushes an opened skipped element, pops on its closing tag; other tags change nothing. */
function trackSkipped(tag: string, skipped: string[]): void {
  const match = INLINE_TAG.exec(tag);
  const name = match?.[2]?.toLowerCase();
  if (!match || !name || !SKIPPED_ELEMENTS.has(name)) return;
  if (match[1]) {
    const open = skipped.lastIndexOf(name);
    if (open >= 0) skipped.length = open;
  } else if (!match[3]) skipped.push(name);
}

/** marked escapes &, <, >, " and ' in code and text; turn them back into characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "");
}
