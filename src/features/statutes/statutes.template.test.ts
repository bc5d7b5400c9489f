import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/helpers/pdf.ts';
import { SAMPLE_ANSWERS as A } from '../../../test/helpers/statutes-fixtures.ts';
import { renderDocumentHtml, renderDocumentPdf } from '../../core/documents/index.ts';
import { LOVNORM_DEFAULTS, statutesAnswersSchema } from './statutes.answers.ts';
import { statutesDocument } from './statutes.documents.ts';
import { statutesSections, statutesText } from './statutes.template.ts';

describe('statutes template', () => {
  it('the sample answers fit the contract schema', () => {
    expect(statutesAnswersSchema.parse(A)).toEqual(A);
  });

  it('numbers the paragraphs from § 1 Navn, § 2 Formål, § 3 Organisasjonsform, in bokmål and nynorsk', () => {
    expect(
      statutesSections(A, 'nb')
        .slice(0, 3)
        .map((s) => `§ ${s.number} ${s.heading}`),
    ).toEqual(['§ 1 Navn', '§ 2 Formål', '§ 3 Organisasjonsform']);
    expect(
      statutesSections(A, 'nn')
        .slice(0, 3)
        .map((s) => `§ ${s.number} ${s.heading}`),
    ).toEqual(['§ 1 Namn', '§ 2 Føremål', '§ 3 Organisasjonsform']);
    expect(statutesSections(A, 'nb').at(-1)?.heading).toBe('Oppløsning');
    expect(statutesSections(A, 'nn').at(-1)?.heading).toBe('Oppløysing');
  });

  it('writes what the registers require: name, kommune, purpose, selveiende and no distribution to members', () => {
    const nb = statutesText(A, 'nb');
    expect(nb).toContain('Foreningens navn er Løvstakken sjakklubb.');
    expect(nb).toContain('Foreningen har sitt sete i Bergen kommune.');
    expect(nb).toContain(A.purpose);
    expect(nb).toContain('selveiende og frittstående');
    expect(nb).toContain('ikke fortjenestebasert');
    expect(nb).toContain('Foreningens gjenværende midler skal gå til Bergen sjakkrets, til arbeid for barn og unge.');
    expect(nb).toContain('Midlene kan ikke deles ut til medlemmene.');
    const nn = statutesText(A, 'nn');
    expect(nn).toContain('Namnet til foreininga er Løvstakken sjakklubb.');
    expect(nn).toContain('sjølveigande og frittståande');
    expect(nn).toContain('Midlane kan ikkje delast ut til medlemene.');
  });

  it('follows the choices: årsmøte deadline and notice, voting rules, board, signature, majorities, audit', () => {
    const nb = statutesText(A, 'nb');
    expect(nb).toContain('holdes hvert år innen 31. mars');
    expect(nb).toContain('med minst 30 dagers varsel');
    expect(nb).toContain('senest 14 dager før årsmøtet');
    expect(nb).toContain('senest 7 dager før årsmøtet');
    expect(nb).toContain('må medlemmet ha fylt 15 år, ha vært medlem i minst 1 måned og ha betalt kontingent.');
    expect(nb).toContain('Styret har fra 3 til 7 medlemmer, medregnet leder. Styremedlemmene velges for 2 år om gangen.');
    expect(nb).toContain('leder og ett styremedlem i fellesskap');
    expect(nb).toContain('krever 2/3 flertall av de avgitte stemmene');
    expect(nb).toContain('revisor eller et kontrollutvalg valgt av årsmøtet');
    expect(nb).toContain('1. godkjenne innkallingen og saklisten');
    expect(nb).toContain('fastsette kontingenten');

    const other = statutesText(
      {
        ...A,
        membership: { ...A.membership, votingMinimumAge: 0, votingMinimumMonths: 0, feeRequiredToVote: false },
        feeSetBy: 'styret',
        annualMeeting: { ...A.annualMeeting, proposalsDays: 0, papersDays: 0 },
        board: { minMembers: 5, maxMembers: 5, termYears: 1 },
        audit: 'none',
        selveiende: false,
      },
      'nb',
    );
    expect(other).toContain('Alle medlemmer har stemmerett på årsmøtet og er valgbare.');
    expect(other).toContain('Kontingenten fastsettes av styret.');
    expect(other).not.toContain('fastsette kontingenten');
    expect(other).not.toContain('Forslag som skal behandles');
    expect(other).toContain('Styret har 5 medlemmer');
    expect(other).not.toContain('revideres');
    expect(other).not.toContain('selveiende');
    expect(other).not.toContain('Midlene kan ikke deles ut');
  });

  it('LOVNORM_DEFAULTS produce the lovnorm wording once the free-text answers are given', () => {
    const answers = statutesAnswersSchema.parse({
      ...LOVNORM_DEFAULTS,
      name: A.name,
      kommunenummer: A.kommunenummer,
      purpose: A.purpose,
      membership: { ...LOVNORM_DEFAULTS.membership, openTo: 'alle' },
      dissolution: { ...LOVNORM_DEFAULTS.dissolution, assetsTo: 'kretsen' },
    });
    expect(statutesText(answers, 'nb')).toContain('innen 31. mars');
  });
});

describe('statutes documents', () => {
  it('builds a document model with the title as h1 and each § as h2, in the statutes language', () => {
    const doc = statutesDocument(A, 'nn', { version: 2, adoptedAt: new Date('2025-03-01T12:00:00Z') });
    expect(doc.lang).toBe('nn');
    expect(doc.title).toBe('Vedtekter for Løvstakken sjakklubb');
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Vedtekter for Løvstakken sjakklubb' });
    expect(doc.blocks[1]).toEqual({ kind: 'paragraph', text: 'Vedteke 1. mars 2025. Versjon 2.' });
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b.kind === 'heading' ? b.text : ''))).toHaveLength(
      14,
    );
    expect(doc.blocks.some((b) => b.kind === 'list' && b.ordered)).toBe(true);
    // There is no English template: English gets bokmål.
    expect(statutesDocument(A, 'en').lang).toBe('nb');
  });

  it('renders as a standalone HTML page and as a tagged PDF with the text and the Norwegian letters', async () => {
    const doc = statutesDocument(A, 'nb', { version: 1, adoptedAt: new Date('2025-03-01T12:00:00Z') });
    const html = renderDocumentHtml(doc);
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<h2>§ 1 Navn</h2>');
    const pdf = await readPdf(await renderDocumentPdf(doc));
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe('nb');
    expect(pdf.title).toBe('Vedtekter for Løvstakken sjakklubb');
    expect(pdf.roles).toContain('H1');
    expect(pdf.roles).toContain('H2');
    expect(pdf.text).toContain('§ 14 Oppløsning');
    expect(pdf.text).toContain('Foreningens navn er Løvstakken sjakklubb.');
  });
});
