import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A structure-tree node as pdf.js reports it: an element with a role, or a marked-content reference. */
export type StructNode = { role?: string; type?: string; children?: StructNode[] };

export interface ReadPdf {
  version: string;
  pages: number;
  /** /MarkInfo of the catalog (Marked true = a tagged PDF). */
  markInfo: { Marked?: boolean } | null;
  /** The catalog's /Lang. */
  lang: string | undefined;
  title: string | undefined;
  displayDocTitle: boolean | undefined;
  /** The structure tree of each page, only elements with content on that page (null when untagged). */
  structTrees: (StructNode | null)[];
  /** The structure roles in reading order, page by page (an element spanning pages is listed on each). */
  roles: string[];
  /** The text of each page as pdf.js extracts it (through the fonts' ToUnicode maps). */
  pageTexts: string[];
  /** All text with every run of white space (line and page breaks too) as one space, for `toContain`. */
  text: string;
  /** Names of the fonts used, and whether each is embedded in the file. */
  fonts: { name: string; embedded: boolean }[];
}

/**
 * Parses a PDF back with pdf.js (a reader independent of the library that wrote it), so tests assert what
 * a PDF viewer or screen reader actually gets: tagging, language, title, structure and text.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const metadata = await pdf.getMetadata();
    const info = metadata.info as { PDFFormatVersion?: string; Language?: string; Title?: string };
    const preferences = (await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
    const structTrees: (StructNode | null)[] = [];
    const pageTexts: string[] = [];
    const fonts = new Map<string, boolean>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      // pdf.js gives each page the whole tree, with empty elements where the content is on other pages;
      // keep only what has content on this page.
      structTrees.push(prune((await page.getStructTree()) as StructNode | null));
      const content = await page.getTextContent();
      pageTexts.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/[ \t]+/g, ' '),
      );
      // Rendering operators load the fonts into commonObjs, where pdf.js says whether each was embedded.
      await page.getOperatorList();
      for (const key of Object.keys(content.styles)) {
        const font = page.commonObjs.has(key) ? (page.commonObjs.get(key) as { name?: string; missingFile?: boolean }) : null;
        if (font) fonts.set(font.name ?? key, !font.missingFile);
      }
    }
    const roles: string[] = [];
    const walk = (node: StructNode | null) => {
      if (!node) return;
      if (node.role && node.role !== 'Root') roles.push(node.role);
      for (const child of node.children ?? []) walk(child);
    };
    structTrees.forEach(walk);
    return {
      version: info.PDFFormatVersion ?? '',
      pages: pdf.numPages,
      markInfo: (await pdf.getMarkInfo()) as { Marked?: boolean } | null,
      lang: info.Language,
      title: info.Title,
      displayDocTitle: preferences?.DisplayDocTitle,
      structTrees,
      roles,
      pageTexts,
      text: pageTexts.join('\n').replace(/\s+/g, ' '),
      fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })),
    };
  } finally {
    await pdf.destroy();
  }
}

function prune(node: StructNode | null): StructNode | null {
  if (!node) return null;
  if (node.type === 'content') return node;
  const children = (node.children ?? []).map(prune).filter((child): child is StructNode => child !== null);
  if (children.length === 0 && node.role !== 'Root') return null;
  return { ...node, children };
}
