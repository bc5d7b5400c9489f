import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import {
  assertDocumentModel,
  blocksWithTitle,
  type DocumentModel,
  type ListBlock,
  type SignaturesBlock,
  type TableBlock,
} from './document-model.ts';

/**
 * Renders a document as a tagged, accessible PDF with pdfkit:
 * - tagged (/MarkInfo << /Marked true >>) with a structure tree — Document > H1/H2/H3, P, L > LI > Lbl/LBody,
 *   Table > Caption, TR > TH (scope Column)/TD — in reading order; every drawn line (table rules, signature
 *   lines) is marked as an Artifact, so nothing on the page is untagged;
 * - the document language in the catalog (/Lang), the title in the info dictionary and XMP metadata, and
 *   /ViewerPreferences << /DisplayDocTitle true >> so viewers show the title, not the file name;
 * - PDF 1.7 with an embedded TrueType font (DejaVu Sans, subset, with a ToUnicode map so text can be
 *   copied and read aloud) that has the Norwegian letters æ, ø and å.
 * We do not declare PDF/UA conformance in the metadata: the requirements above follow its checklist
 * (pdfkit.org/docs/accessibility.html), but no PDF/UA validator runs in our test suite to back a claim.
 */
export async function renderDocumentPdf(model: DocumentModel): Promise<Uint8Array> {
  assertDocumentModel(model);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    info: { Title: model.title, Creator: 'Frivillig', Producer: 'Frivillig (PDFKit)' },
  });
  const done = collect(doc);
  doc.registerFont(FONT_REGULAR, fontBytes('DejaVuSans.ttf'));
  doc.registerFont(FONT_BOLD, fontBytes('DejaVuSans-Bold.ttf'));
  doc.font(FONT_REGULAR).fontSize(BODY_SIZE).fillColor(TEXT_COLOUR);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const writer = new Writer(doc, root);
  for (const block of blocksWithTitle(model)) {
    switch (block.kind) {
      case 'heading':
        writer.heading(block.level, block.text);
        break;
      case 'paragraph':
        writer.paragraph(block.text);
        break;
      case 'list':
        writer.list(block);
        break;
      case 'table':
        writer.table(block);
        break;
      case 'signatures':
        writer.signatures(block);
        break;
    }
  }
  root.end();
  doc.end();
  return done;
}

const MARGIN = 56; // 2 cm
const BODY_SIZE = 11;
const HEADING_SIZES = { 1: 20, 2: 15, 3: 12.5 } as const;
const TEXT_COLOUR = '#1a1a1a';
const RULE_COLOUR = '#6b6b6b';
const CELL_PADDING = 5;
const FONT_REGULAR = 'DocumentRegular';
const FONT_BOLD = 'DocumentBold';

type Pdf = InstanceType<typeof PDFDocument>;

// pdfkit ≥ 0.19 accepts a table header's scope (written as /A << /O /Table /Scope /Column >>); @types/pdfkit
// 0.17 does not know it yet.
declare global {
  namespace PDFKit.Mixins {
    interface StructureElementOptions {
      scope?: 'Row' | 'Column' | 'Both';
    }
  }
}
type StructElement = ReturnType<Pdf['struct']>;

/**
 * Lays the blocks out top to bottom. Each block's content is drawn inside a structure element's closure,
 * which pdfkit wraps in a marked-content sequence (BDC … EMC with an MCID) linked from the structure tree;
 * a sequence that runs over a page break is continued on the next page by pdfkit.
 */
class Writer {
  constructor(
    private readonly doc: Pdf,
    private readonly root: StructElement,
  ) {}

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(level: 1 | 2 | 3, text: string) {
    const { doc } = this;
    const size = HEADING_SIZES[level];
    doc.font(FONT_BOLD).fontSize(size);
    if (level > 1 && doc.y > doc.page.margins.top) doc.moveDown(0.6);
    // Keep a heading with at least two lines of what follows it.
    this.ensureSpace(doc.heightOfString(text, { width: this.width }) + BODY_SIZE * 3);
    this.root.add(doc.struct(`H${level}`, {}, () => doc.text(text, this.left, doc.y, { width: this.width })));
    doc.moveDown(0.4);
    doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
  }

  paragraph(text: string) {
    const { doc } = this;
    doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
    this.ensureSpace(doc.currentLineHeight(true));
    this.root.add(doc.struct('P', {}, () => doc.text(text, this.left, doc.y, { width: this.width })));
    doc.moveDown(0.5);
  }

  list(block: ListBlock) {
    const { doc } = this;
    doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
    const list = doc.struct('L');
    this.root.add(list);
    const labelWidth = block.ordered ? doc.widthOfString(`${block.items.length}.`) + 8 : 14;
    const bodyX = this.left + 10 + labelWidth;
    const bodyWidth = this.width - 10 - labelWidth;
    block.items.forEach((text, index) => {
      this.ensureSpace(doc.currentLineHeight(true));
      const y = doc.y;
      const item = doc.struct('LI');
      list.add(item);
      const label = block.ordered ? `${index + 1}.` : '•';
      item.add(doc.struct('Lbl', {}, () => doc.text(label, this.left + 10, y, { width: labelWidth, lineBreak: false })));
      item.add(doc.struct('LBody', {}, () => doc.text(text, bodyX, y, { width: bodyWidth })));
      item.end();
      doc.moveDown(0.2);
    });
    list.end();
    doc.x = this.left;
    doc.moveDown(0.4);
  }

  table(block: TableBlock) {
    const { doc } = this;
    const table = doc.struct('Table');
    this.root.add(table);
    // The caption belongs to the table (a Caption child), as <caption> does in HTML.
    doc.font(FONT_BOLD).fontSize(BODY_SIZE);
    this.ensureSpace(doc.heightOfString(block.caption, { width: this.width }) + BODY_SIZE * 4);
    table.add(doc.struct('Caption', {}, () => doc.text(block.caption, this.left, doc.y, { width: this.width })));
    doc.moveDown(0.3);

    const widths = columnWidths(doc, block, this.width);
    const rowHeight = (cells: string[], header: boolean) => {
      doc.font(header ? FONT_BOLD : FONT_REGULAR).fontSize(BODY_SIZE);
      const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * CELL_PADDING }));
      return Math.max(...heights) + 2 * CELL_PADDING;
    };
    const drawRow = (cells: string[], header: boolean, tagged: StructElement | null) => {
      const height = rowHeight(cells, header);
      const y = doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = widths[i]!;
        const draw = () => doc.text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING });
        if (tagged) {
          tagged.add(header ? doc.struct('TH', { scope: 'Column' }, draw) : doc.struct('TD', {}, draw));
        } else {
          // A header row repeated on a new page is decoration: the tagged header is on the first page.
          doc.markContent('Artifact', { type: 'Pagination' });
          draw();
          doc.endMarkedContent();
        }
        x += width;
      });
      this.artifact(() => {
        let cellX = this.left;
        for (const width of widths) {
          doc.rect(cellX, y, width, height).lineWidth(0.75).strokeColor(RULE_COLOUR).stroke();
          cellX += width;
        }
      });
      doc.x = this.left;
      doc.y = y + height;
    };

    const headerRow = doc.struct('TR');
    table.add(headerRow);
    drawRow(block.header, true, headerRow);
    headerRow.end();
    for (const cells of block.rows) {
      if (doc.y + rowHeight(cells, false) > this.bottom) {
        doc.addPage();
        drawRow(block.header, true, null);
      }
      const row = doc.struct('TR');
      table.add(row);
      drawRow(cells, false, row);
      row.end();
    }
    table.end();
    doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
    doc.moveDown(0.8);
  }

  signatures(block: SignaturesBlock) {
    const { doc } = this;
    doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
    const group = doc.struct('Div');
    this.root.add(group);
    const gap = 28;
    const columnWidth = (this.width - gap) / 2;
    const lineSpace = 40; // room to sign above the line
    for (let i = 0; i < block.names.length; i += 2) {
      const pair = block.names.slice(i, i + 2);
      this.ensureSpace(lineSpace + doc.currentLineHeight(true) * 3);
      const lineY = doc.y + lineSpace;
      let lowest = lineY;
      pair.forEach((name, j) => {
        const x = this.left + j * (columnWidth + gap);
        this.artifact(() => {
          doc
            .moveTo(x, lineY)
            .lineTo(x + columnWidth, lineY)
            .lineWidth(0.75)
            .strokeColor(TEXT_COLOUR)
            .stroke();
        });
        group.add(doc.struct('P', {}, () => doc.text(name, x, lineY + 4, { width: columnWidth })));
        lowest = Math.max(lowest, doc.y);
      });
      doc.x = this.left;
      doc.y = lowest;
      doc.moveDown(0.5);
    }
    group.end();
  }

  /** Draws decoration outside the structure tree (PDF/UA 7.1: content is either tagged or an artifact). */
  private artifact(draw: () => void) {
    const { doc } = this;
    const { x, y } = doc;
    doc.save();
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
    doc.restore();
    doc.x = x;
    doc.y = y;
  }
}

/** Column widths from each column's longest word and content, within the page width. */
function columnWidths(doc: Pdf, block: TableBlock, total: number): number[] {
  const count = block.header.length;
  const natural = block.header.map((head, i) => {
    doc.font(FONT_BOLD).fontSize(BODY_SIZE);
    let width = doc.widthOfString(head);
    doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
    for (const row of block.rows) width = Math.max(width, doc.widthOfString(row[i] ?? ''));
    return width + 2 * CELL_PADDING + 1;
  });
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) {
    // Everything fits on one line: give the spare room to the columns in proportion.
    return natural.map((w) => (w / sum) * total);
  }
  // Otherwise share the width in proportion, but never below a readable minimum per column.
  const minimum = Math.min(60, total / count);
  const shares = natural.map((w) => Math.max(minimum, (w / sum) * total));
  const scale = total / shares.reduce((a, b) => a + b, 0);
  return shares.map((w) => w * scale);
}

const fontCache = new Map<string, Uint8Array>();

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` npm package (Bitstream Vera licence with DejaVu changes in the
 * public domain: free to embed and redistribute), so the PDF does not depend on fonts installed on the
 * machine. It covers æøå and the Sami letters.
 */
function fontBytes(file: string): Uint8Array {
  let bytes = fontCache.get(file);
  if (!bytes) {
    const packageDir = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
    bytes = new Uint8Array(readFileSync(join(packageDir, 'ttf', file)));
    fontCache.set(file, bytes);
  }
  return bytes;
}

function collect(doc: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}
