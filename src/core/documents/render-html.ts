import { assertDocumentModel, type Block, blocksWithTitle, type DocumentModel } from './document-model.ts';

/**
 * Renders a document as a standalone HTML page: it is both served and downloaded, so it carries its own
 * <html lang>, <title> and landmark, uses only semantic markup (headings, lists, tables with caption and
 * column headers) and has no inline style or script (the CSP forbids them — see core/http/middleware.ts).
 * The look comes from one linked stylesheet; opened from disk without it the page is still fully
 * readable, because nothing depends on the styling.
 */
export function renderDocumentHtml(doc: DocumentModel, opts: { stylesheetHref?: string | null } = {}): string {
  assertDocumentModel(doc);
  const stylesheet = opts.stylesheetHref === undefined ? DOCUMENT_STYLESHEET : opts.stylesheetHref;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    stylesheet ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : '',
  ].filter(Boolean);
  const body = blocksWithTitle(doc).map(renderBlock).join('\n');
  return [
    '<!doctype html>',
    `<html lang="${doc.lang}">`,
    `<head>\n${head.join('\n')}\n</head>`,
    `<body>\n<main class="document">\n${body}\n</main>\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Served from src/static/document.css. */
export const DOCUMENT_STYLESHEET = '/static/document.css';

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${textWithBreaks(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${textWithBreaks(item)}</li>`).join('\n');
      return `<${tag}>\n${items}\n</${tag}>`;
    }
    case 'table': {
      const head = block.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
      const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${textWithBreaks(cell)}</td>`).join('')}</tr>`).join('\n');
      return [
        '<table class="document-table">',
        `<caption>${escapeHtml(block.caption)}</caption>`,
        `<thead><tr>${head}</tr></thead>`,
        `<tbody>\n${rows}\n</tbody>`,
        '</table>',
      ].join('\n');
    }
    case 'signatures': {
      // The line to sign on is a border drawn by the stylesheet: decoration, so not in the text.
      const names = block.names.map((name) => `<p class="document-signature">${escapeHtml(name)}</p>`).join('\n');
      return `<div class="document-signatures">\n${names}\n</div>`;
    }
  }
}

function textWithBreaks(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
