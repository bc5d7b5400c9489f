import type { Block, DocumentLang, DocumentModel } from '../../core/documents/index.ts';
import type { StatutesAnswers } from './statutes.answers.ts';
import { sectionHeading, statutesLanguageOf, statutesSections, statutesTitle } from './statutes.template.ts';

const ADOPTED: Record<'nb' | 'nn', (version: number, date: string) => string> = {
  nb: (version, date) => `Vedtatt ${date}. Versjon ${version}.`,
  nn: (version, date) => `Vedteke ${date}. Versjon ${version}.`,
};

function formatDate(d: Date): string {
  return d.toLocaleDateString('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
}

/**
 * The statutes as a document (core/documents), for the HTML page and the tagged PDF: the title as the
 * level-1 heading, each "§ n" as a level-2 heading with its paragraphs and lists. The statutes' own
 * language decides the wording; there is no English template, so 'en' gives bokmål.
 * `adopted` (optional) adds which version it is and when it was adopted.
 */
export function statutesDocument(
  answers: StatutesAnswers,
  lang: DocumentLang,
  adopted?: { version: number; adoptedAt: Date },
): DocumentModel {
  const language = statutesLanguageOf(lang);
  const title = statutesTitle(answers, language);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: title }];
  if (adopted) blocks.push({ kind: 'paragraph', text: ADOPTED[language](adopted.version, formatDate(adopted.adoptedAt)) });
  for (const section of statutesSections(answers, language)) {
    blocks.push({ kind: 'heading', level: 2, text: sectionHeading(section) });
    for (const part of section.parts) {
      if (part.kind === 'paragraph') blocks.push({ kind: 'paragraph', text: part.text });
      else {
        if (part.intro) blocks.push({ kind: 'paragraph', text: part.intro });
        blocks.push({ kind: 'list', ordered: true, items: part.items });
      }
    }
  }
  return { title, lang: language, blocks };
}
