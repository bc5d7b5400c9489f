import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf, type StructNode } from '../../../test/helpers/pdf.ts';
import { type DocumentModel, DocumentModelError, renderDocumentHtml, renderDocumentPdf } from './index.ts';

const model: DocumentModel = {
  title: 'Stiftelsesprotokoll for Blåbærsøkerne på Ørsta',
  lang: 'nb',
  blocks: [
    { kind: 'heading', level: 1, text: 'Stiftelsesprotokoll for Blåbærsøkerne på Ørsta' },
    { kind: 'paragraph', text: 'Møtet ble holdt på Ørsta bibliotek 12. mars 2026.\nÆrlig talt: æ, ø og å.' },
    { kind: 'heading', level: 2, text: 'Sakliste' },
    { kind: 'list', ordered: true, items: ['Åpning og valg av møteleder', 'Vedtak om å stifte foreningen'] },
    { kind: 'list', items: ['Første punkt', 'Andre punkt'] },
    {
      kind: 'table',
      caption: 'Styret',
      header: ['Navn', 'Rolle'],
      rows: [
        ['Kari Nordmann', 'Leder'],
        ['Ola Ås', 'Styremedlem'],
      ],
    },
    { kind: 'heading', level: 3, text: 'Underskrifter' },
    { kind: 'signatures', names: ['Kari Nordmann', 'Ola Ås'] },
  ],
};

function find(node: StructNode | null, role: string): StructNode[] {
  if (!node) return [];
  const here = node.role === role ? [node] : [];
  return [...here, ...(node.children ?? []).flatMap((child) => find(child, role))];
}

describe('renderDocumentPdf', () => {
  it('writes a tagged PDF 1.7 with language, title shown by viewers, an embedded font and the Norwegian text', async () => {
    const bytes = await renderDocumentPdf(model);
    const raw = Buffer.from(bytes).toString('latin1');
    // The catalog entries themselves (pdfkit writes dictionaries uncompressed).
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);

    const pdf = await readPdf(bytes);
    expect(pdf.version).toBe('1.7');
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe('nb');
    expect(pdf.title).toBe('Stiftelsesprotokoll for Blåbærsøkerne på Ørsta');
    expect(pdf.displayDocTitle).toBe(true);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((font) => font.embedded && /DejaVuSans/.test(font.name))).toBe(true);
    expect(pdf.text).toContain('Stiftelsesprotokoll for Blåbærsøkerne på Ørsta');
    expect(pdf.text).toContain('Møtet ble holdt på Ørsta bibliotek 12. mars 2026.');
    expect(pdf.text).toContain('Ærlig talt: æ, ø og å.');
    expect(pdf.text).toContain('Ola Ås');
  });

  it('has a structure tree in reading order: headings, paragraphs, lists, a captioned table with column headers, signatures', async () => {
    const pdf = await readPdf(await renderDocumentPdf(model));
    const tree = pdf.structTrees[0] ?? null;
    expect(tree).not.toBeNull();
    expect(pdf.roles.filter((role) => /^H\d$/.test(role) || role === 'P' || role === 'L' || role === 'Table')).toEqual([
      'H1',
      'P',
      'H2',
      'L',
      'L',
      'Table',
      'H3',
      'P',
      'P',
    ]);
    expect(find(tree, 'LI')).toHaveLength(4);
    expect(find(tree, 'Lbl')).toHaveLength(4);
    expect(find(tree, 'LBody')).toHaveLength(4);
    const table = find(tree, 'Table')[0]!;
    expect(table.children?.[0]?.role).toBe('Caption');
    expect(find(table, 'TR')).toHaveLength(3);
    expect(find(table, 'TH')).toHaveLength(2);
    expect(find(table, 'TD')).toHaveLength(4);
    // Every structure element leads to content on the page (no empty tags).
    const leaves = ['H1', 'H2', 'H3', 'P', 'Lbl', 'LBody', 'Caption', 'TH', 'TD'].flatMap((role) => find(tree, role));
    for (const leaf of leaves) expect(leaf.children?.some((child) => child.type === 'content')).toBe(true);
  });

  it('adds the title as the level-1 heading when the blocks do not start with one, and uses the document language', async () => {
    const pdf = await readPdf(
      await renderDocumentPdf({ title: 'Vedtekter for Fjellgruppa', lang: 'nn', blocks: [{ kind: 'paragraph', text: 'Føremål' }] }),
    );
    expect(pdf.lang).toBe('nn');
    expect(pdf.roles).toEqual(['Document', 'H1', 'P']);
    expect(pdf.text).toContain('Vedtekter for Fjellgruppa');
  });

  it('continues a long table on the next page with the rows tagged and the repeated header left out of the tags', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`Person ${i + 1}`, i === 0 ? 'Leder' : 'Styremedlem']);
    const pdf = await readPdf(
      await renderDocumentPdf({
        title: 'Medlemmer',
        lang: 'nb',
        blocks: [{ kind: 'table', caption: 'Alle', header: ['Navn', 'Rolle'], rows }],
      }),
    );
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.roles.filter((role) => role === 'TH')).toHaveLength(2);
    expect(pdf.roles.filter((role) => role === 'TD')).toHaveLength(120);
    // The header is drawn again on page 2 for sighted readers, as an artifact.
    expect(pdf.pageTexts[1]).toContain('Navn');
    expect(find(pdf.structTrees[1] ?? null, 'TH')).toHaveLength(0);
    expect(find(pdf.structTrees[1] ?? null, 'TD').length).toBeGreaterThan(0);
    expect(pdf.text).toContain('Person 60');
  });

  it('refuses a model that would give an inaccessible document', async () => {
    await expect(
      renderDocumentPdf({
        title: 'X',
        lang: 'nb',
        blocks: [{ kind: 'table', caption: 'Styret', header: ['Navn', 'Rolle'], rows: [['Kari']] }],
      }),
    ).rejects.toThrow(DocumentModelError);
    expect(() => renderDocumentHtml({ title: 'X', lang: 'nb', blocks: [{ kind: 'heading', level: 3, text: 'Dypt' }] })).toThrow(
      /heading level 3 follows level 1/,
    );
    expect(() =>
      renderDocumentHtml({ title: 'X', lang: 'nb', blocks: [{ kind: 'table', caption: ' ', header: ['A'], rows: [] }] }),
    ).toThrow(/caption/);
    expect(() => renderDocumentHtml({ title: '  ', lang: 'nb', blocks: [] })).toThrow(/title/);
  });
});

describe('renderDocumentHtml', () => {
  it('is a standalone page with language, title, headings, lists and a captioned table with column headers', () => {
    const html = renderDocumentHtml(model);
    expect(html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    expect(html).toContain('<title>Stiftelsesprotokoll for Blåbærsøkerne på Ørsta</title>');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<main class="document">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h2>Sakliste</h2>');
    expect(html).toContain('<ol>\n<li>Åpning og valg av møteleder</li>');
    expect(html).toContain('<ul>\n<li>Første punkt</li>');
    expect(html).toContain('<caption>Styret</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Navn</th><th scope="col">Rolle</th></tr></thead>');
    expect(html).toContain('<p>Møtet ble holdt på Ørsta bibliotek 12. mars 2026.<br>Ærlig talt: æ, ø og å.</p>');
    expect(html).toContain('<p class="document-signature">Ola Ås</p>');
  });

  it('has no inline style or script (the CSP forbids them) and links only the document stylesheet', () => {
    const html = renderDocumentHtml(model);
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    expect(html).toContain('<link rel="stylesheet" href="/static/document.css">');
    expect(readFileSync(new URL('../../static/document.css', import.meta.url), 'utf8')).toContain('.document-signature');
    expect(renderDocumentHtml(model, { stylesheetHref: null })).not.toContain('<link');
  });

  it('escapes text, so names and decisions cannot inject markup', () => {
    const html = renderDocumentHtml({
      title: 'A & B <script>alert(1)</script>',
      lang: 'nn',
      blocks: [{ kind: 'paragraph', text: '"<img src=x onerror=alert(1)>"' }],
    });
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<title>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<h1>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<p>&quot;&lt;img src=x onerror=alert(1)&gt;&quot;</p>');
    expect(html).not.toContain('<script');
  });
});
