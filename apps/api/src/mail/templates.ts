/** Escapes text for safe use inside HTML. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A message with one call to action, as plain text and HTML. */
export function actionEmail(parts: {
  lines: string[];
  action: string;
  link: string;
  footer: string;
}): { text: string; html: string } {
  const text = [
    ...parts.lines,
    "",
    `${parts.action}: ${parts.link}`,
    "",
    parts.footer,
  ].join("\n");
  const paragraphs = parts.lines
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
${paragraphs}
<p><a href="${escapeHtml(parts.link)}">${escapeHtml(parts.action)}</a></p>
<p style="color: #666; font-size: 13px">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { text, html };
}
