/**
 * The document model shared by every generated document (statutes, founding protocol, registration
 * package attachments). A feature builds a `DocumentModel` once and gets both renderings from it —
 * `renderDocumentHtml` and `renderDocumentPdf` — so the HTML page and the PDF always say the same thing.
 *
 * The model is deliberately small: the blocks are the structure elements a tagged PDF and an accessible
 * HTML page both need (headings, paragraphs, lists, tables with a caption and a header row, and a
 * signature block). Layout is the renderers' job.
 */
export type DocumentLang = 'nb' | 'nn' | 'en';

export type HeadingBlock = { kind: 'heading'; level: 1 | 2 | 3; text: string };
/** One paragraph; a line break inside the text ("\n") is kept as a line break. */
export type ParagraphBlock = { kind: 'paragraph'; text: string };
export type ListBlock = { kind: 'list'; ordered?: boolean; items: string[] };
/** A table always has a caption and one header row; every row has as many cells as the header. */
export type TableBlock = { kind: 'table'; caption: string; header: string[]; rows: string[][] };
/** Signature lines: a line to sign on above each name (e.g. the two who sign a protocol). */
export type SignaturesBlock = { kind: 'signatures'; names: string[] };

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | SignaturesBlock;

export type DocumentModel = {
  /** The document title: the PDF's Title metadata (shown by viewers) and the HTML <title>. */
  title: string;
  /** The document language: the PDF's /Lang and the HTML lang attribute. */
  lang: DocumentLang;
  blocks: Block[];
};

/** A malformed model is a programming error in the feature that built it, not bad user input. */
export class DocumentModelError extends Error {
  override name = 'DocumentModelError';
}

/**
 * Checks what both renderers rely on, so a broken model fails loudly instead of producing an
 * inaccessible document (a table without headers, a heading that skips a level).
 */
export function assertDocumentModel(doc: DocumentModel): void {
  if (doc.title.trim() === '') throw new DocumentModelError('A document needs a title');
  // Indexes below count the title heading that blocksWithTitle may add.
  let previousLevel = 0;
  blocksWithTitle(doc).forEach((block, index) => {
    const where = `block ${index} (${block.kind})`;
    switch (block.kind) {
      case 'heading':
        if (block.text.trim() === '') throw new DocumentModelError(`${where}: empty heading`);
        // Headings may go up any number of levels but down only one at a time (WCAG 1.3.1, PDF/UA).
        if (block.level > previousLevel + 1) {
          throw new DocumentModelError(`${where}: heading level ${block.level} follows level ${previousLevel}`);
        }
        previousLevel = block.level;
        break;
      case 'table':
        if (block.caption.trim() === '') throw new DocumentModelError(`${where}: a table needs a caption`);
        if (block.header.length === 0) throw new DocumentModelError(`${where}: a table needs a header row`);
        block.rows.forEach((row, r) => {
          if (row.length !== block.header.length) {
            throw new DocumentModelError(`${where}: row ${r} has ${row.length} cells, the header ${block.header.length}`);
          }
        });
        break;
      case 'list':
      case 'signatures':
      case 'paragraph':
        break;
    }
  });
}

/**
 * The blocks as rendered: when a model does not open with a level-1 heading, the title becomes one, so
 * every rendering has exactly the outline a screen reader expects (axe "page-has-heading-one").
 */
export function blocksWithTitle(doc: DocumentModel): Block[] {
  const first = doc.blocks[0];
  if (first?.kind === 'heading' && first.level === 1) return doc.blocks;
  return [{ kind: 'heading', level: 1, text: doc.title }, ...doc.blocks];
}
