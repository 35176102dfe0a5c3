/** A run of plain text, or a link found in it. */
export type TextPart =
  { kind: "text"; text: string } | { kind: "link"; href: string };

const linkPattern = /https?:\/\/[^\s<>"]+/g;

/**
 * Splits plain text into text and web links, so links can be made
 * clickable without rendering any of the text as HTML.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    const href = trimTrailingPunctuation(match[0]);
    if (match.index > last) {
      parts.push({ kind: "text", text: text.slice(last, match.index) });
    }
    parts.push({ kind: "link", href });
    last = match.index + href.length;
  }
  if (last < text.length) {
    parts.push({ kind: "text", text: text.slice(last) });
  }
  return parts;
}

/** A sentence's full stop or closing bracket is not part of its link. */
function trimTrailingPunctuation(href: string): string {
  return href.replace(/[.,;:!?)\]]+$/, "");
}
