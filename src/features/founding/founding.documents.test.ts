import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/helpers/pdf.ts';
import { renderDocumentHtml, renderDocumentPdf } from '../../core/documents/index.ts';
import { type FoundingMeeting, toFoundingMeeting } from './founding.data.ts';
import { foundingProtocolDocument, protocolFileName } from './founding.documents.ts';

const meeting: FoundingMeeting = toFoundingMeeting({
  version: 2,
  language: 'nb',
  statutesVersion: 3,
  finalisedAt: new Date('2026-03-14T10:00:00Z'),
  organisationName: 'Blåbærturer på Ørsta',
  data: {
    heldOn: '2026-03-12',
    place: 'Ørsta bibliotek',
    purpose: 'Foreningen skal arrangere turer i nærmiljøet for alle.',
    agenda: [
      { title: 'Åpning, valg av møteleder og referent', decision: 'Kari Nordmann ble valgt til møteleder og Ola Ås til referent.' },
      { title: 'Valg av styre', decision: 'Styret ble valgt.' },
    ],
    attendees: [{ name: 'Kari Nordmann' }, { name: 'Ola Ås' }, { name: 'Bjørn Æsøy' }],
    chair: 'Kari Nordmann',
    minuteTaker: 'Ola Ås',
    board: [
      { name: 'Ola Ås', role: 'board_member', birthDate: '1990-01-31' },
      { name: 'Kari Nordmann', role: 'leader' },
      { name: 'Bjørn Æsøy', role: 'deputy' },
    ],
    signers: ['Ola Ås', 'Bjørn Æsøy'],
  },
});

describe('foundingProtocolDocument', () => {
  it('has what Brønnøysundregistrene ask of a founding document: name, date, place, purpose, founders, board, signatures', () => {
    const doc = foundingProtocolDocument(meeting, 'Blåbærturer på Ørsta', 'nb');
    expect(doc.title).toBe('Protokoll fra stiftelsesmøte i Blåbærturer på Ørsta');
    expect(doc.lang).toBe('nb');
    const text = JSON.stringify(doc.blocks);
    for (const expected of [
      'Foreningens navn: Blåbærturer på Ørsta',
      'Dato: 12. mars 2026',
      'Sted: Ørsta bibliotek',
      'Foreningen skal arrangere turer i nærmiljøet for alle.',
      'Disse 3 personene var til stede og stiftet Blåbærturer på Ørsta:',
      'Møteleder: Kari Nordmann',
      'Sak 1: Åpning, valg av møteleder og referent',
      'Vedtak: Styret ble valgt.',
      '(versjon 3 av vedtektene)',
      'fullført 14. mars 2026 (versjon 2)',
    ]) {
      expect(text).toContain(expected);
    }
    // The board leader first, deputies last; birth dates stay out of a document that is shared.
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table).toEqual({
      kind: 'table',
      caption: 'Styret i Blåbærturer på Ørsta',
      header: ['Navn', 'Rolle'],
      rows: [
        ['Kari Nordmann', 'Leder'],
        ['Ola Ås', 'Styremedlem'],
        ['Bjørn Æsøy', 'Varamedlem'],
      ],
    });
    expect(text).not.toContain('1990');
    expect(doc.blocks.at(-2)).toEqual({ kind: 'signatures', names: ['Ola Ås', 'Bjørn Æsøy'] });
  });

  it('is written in nynorsk when the protocol is', () => {
    const doc = foundingProtocolDocument({ ...meeting, language: 'nn' }, 'Blåbærturer på Ørsta', 'nn');
    expect(doc.title).toBe('Protokoll frå stiftingsmøte i Blåbærturer på Ørsta');
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain('Møteleiar: Kari Nordmann');
    expect(text).toContain('Valt styre');
    expect(text).toContain('Leiar');
  });

  it('marks a draft as a draft', () => {
    const doc = foundingProtocolDocument({ ...meeting, finalisedAt: null }, 'Blåbærturer', 'nb');
    expect(JSON.stringify(doc.blocks)).toContain('UTKAST');
  });

  it('renders as a tagged PDF with the Norwegian text, the language and the title', async () => {
    const pdf = await readPdf(await renderDocumentPdf(foundingProtocolDocument(meeting, 'Blåbærturer på Ørsta', 'nb')));
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe('nb');
    expect(pdf.title).toBe('Protokoll fra stiftelsesmøte i Blåbærturer på Ørsta');
    expect(pdf.displayDocTitle).toBe(true);
    expect(pdf.roles).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'Caption', 'TH', 'TD']));
    expect(pdf.text).toContain('Protokoll fra stiftelsesmøte i Blåbærturer på Ørsta');
    expect(pdf.text).toContain('Bjørn Æsøy');
    expect(pdf.text).toContain('Sted: Ørsta bibliotek');
  });

  it('renders as an accessible HTML page', () => {
    const html = renderDocumentHtml(foundingProtocolDocument(meeting, 'Blåbærturer på Ørsta', 'nn'));
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<title>Protokoll frå stiftingsmøte i Blåbærturer på Ørsta</title>');
    expect(html).toContain('<caption>Styret i Blåbærturer på Ørsta</caption>');
    expect(html).toContain('<p class="document-signature">Ola Ås</p>');
  });

  it('names downloads in ASCII', () => {
    expect(protocolFileName('Blåbærturer på Ørsta!', 2, 'pdf')).toBe('stiftelsesprotokoll-blabaerturer-pa-orsta-v2.pdf');
    expect(protocolFileName('«»', 1, 'html')).toBe('stiftelsesprotokoll-organisasjon-v1.html');
  });
});
