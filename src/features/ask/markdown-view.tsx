// Renders prepared answer tokens (markdown.ts) as React elements: raw HTML shows as text, only
// http(s) and mailto links are links, images show their alt text, and citations are buttons.
import type { ReactNode } from "react";
import type { Token, Tokens } from "marked";
import { decodeEntities, PLACEHOLDER, prepareAnswer, restoreMarkers, safeHref, type PreparedAnswer } from "./markdown";

interface ViewProps {
  answer: string;
  /** Citation numbers of the turn's evidence. */
  available: readonly number[];
  onCite: (citation: number) => void;
}

type Markers = PreparedAnswer["markers"];

export function MarkdownAnswer({ answer, available, onCite }: ViewProps) {
  const prepared = prepareAnswer(answer, available);
  return <div className="ask-markdown">{blocks(prepared.tokens, prepared.markers, onCite)}</div>;
}

function textWithCitations(text: string, markers: Markers, onCite: (n: number) => void, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) out.push(decodeEntities(text.slice(last, match.index)));
    const marker = markers[Number(match[1])];
    if (marker) {
      out.push(
        <span key={`${key}-c${match.index}`} className="ask-cite-group">
          {marker.refs.map((ref) =>
            ref.valid ? (
              <button key={ref.number} type="button" className="ask-cite" data-testid="citation" data-citation={ref.number} onClick={() => onCite(ref.number)} title={`Open evidence ${ref.number}`}>
                {ref.number}
              </button>
            ) : (
              <span key={ref.number} className="ask-cite invalid" data-testid="citation-invalid" title={`No evidence [${ref.number}] was given: the model invented this number`}>
                {ref.number}?
              </span>
            ),
          )}
        </span>,
      );
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(decodeEntities(text.slice(last)));
  return out;
}

function inline(tokens: readonly Token[] | undefined, markers: Markers, onCite: (n: number) => void, prefix = "i"): ReactNode[] {
  return (tokens ?? []).map((token, i) => {
    const key = `${prefix}${i}`;
    switch (token.type) {
      case "text": {
        const text = token as Tokens.Text;
        return text.tokens ? <span key={key}>{inline(text.tokens, markers, onCite, key)}</span> : <span key={key}>{textWithCitations(text.text, markers, onCite, key)}</span>;
      }
      case "escape":
        return <span key={key}>{(token as Tokens.Escape).text}</span>;
      case "strong":
        return <strong key={key}>{inline((token as Tokens.Strong).tokens, markers, onCite, key)}</strong>;
      case "em":
        return <em key={key}>{inline((token as Tokens.Em).tokens, markers, onCite, key)}</em>;
      case "del":
        return <del key={key}>{inline((token as Tokens.Del).tokens, markers, onCite, key)}</del>;
      case "codespan":
        return <code key={key}>{decodeEntities(restoreMarkers((token as Tokens.Codespan).text, markers))}</code>;
      case "br":
        return <br key={key} />;
      case "link": {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        const children = inline(link.tokens, markers, onCite, key);
        return href ? (
          <a key={key} href={href} title={href} target="_blank" rel="noopener noreferrer nofollow">
            {children}
          </a>
        ) : (
          <span key={key}>{children}</span>
        );
      }
      case "image":
        // No remote fetches from an answer: the alt text stands in for the image.
        return <span key={key}>{(token as Tokens.Image).text}</span>;
      default:
        // html, tags and anything unknown: shown as the literal text, never parsed.
        return <span key={key}>{textWithCitations(token.raw, markers, onCite, key)}</span>;
    }
  });
}

function blocks(tokens: readonly Token[], markers: Markers, onCite: (n: number) => void, prefix = "b"): ReactNode[] {
  return tokens.map((token, i) => {
    const key = `${prefix}${i}`;
    switch (token.type) {
      case "space":
      case "def":
        return null;
      case "paragraph":
        return <p key={key}>{inline((token as Tokens.Paragraph).tokens, markers, onCite, key)}</p>;
      case "heading": {
        const heading = token as Tokens.Heading;
        const Tag = `h${Math.min(6, Math.max(3, heading.depth + 2))}` as "h3";
        return <Tag key={key}>{inline(heading.tokens, markers, onCite, key)}</Tag>;
      }
      case "code":
        return (
          <pre key={key}>
            <code>{restoreMarkers((token as Tokens.Code).text, markers)}</code>
          </pre>
        );
      case "blockquote":
        return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, markers, onCite, key)}</blockquote>;
      case "list": {
        const list = token as Tokens.List;
        const items = list.items.map((item, j) => <li key={j}>{blocks(item.tokens, markers, onCite, `${key}-${j}`)}</li>);
        return list.ordered ? (
          <ol key={key} start={typeof list.start === "number" ? list.start : undefined}>
            {items}
          </ol>
        ) : (
          <ul key={key}>{items}</ul>
        );
      }
      case "hr":
        return <hr key={key} />;
      case "table": {
        const table = token as Tokens.Table;
        return (
          <table key={key}>
            <thead>
              <tr>{table.header.map((cell, j) => <th key={j}>{inline(cell.tokens, markers, onCite, `${key}h${j}`)}</th>)}</tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>{row.map((cell, j) => <td key={j}>{inline(cell.tokens, markers, onCite, `${key}r${r}c${j}`)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        );
      }
      case "text": {
        const text = token as Tokens.Text;
        return <p key={key}>{text.tokens ? inline(text.tokens, markers, onCite, key) : textWithCitations(text.text, markers, onCite, key)}</p>;
      }
      default:
        return <p key={key}>{textWithCitations(token.raw, markers, onCite, key)}</p>;
    }
  });
}
