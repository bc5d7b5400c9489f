import type { Block, DocumentLang, DocumentModel } from '../../core/documents/index.ts';
import { translator } from '../../core/i18n/catalogue.ts';
import type { BoardRole, FoundingMeeting } from './founding.data.ts';
import { listNames } from './founding.prefill.ts';

const LOCALE: Record<DocumentLang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const ROLE_ORDER: Record<BoardRole, number> = { leader: 0, treasurer: 1, board_member: 1, deputy: 2 };

/** 12. mars 2026 — an ISO date written out, in the document's language. */
export function longDate(iso: string, lang: DocumentLang): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The founding protocol (stiftelsesprotokoll) as a document: what Brønnøysundregistrene ask of a
 * "stiftelsesdokument" (brief §4.1) — the organisation's name, the founding date, the purpose, the
 * founders (those present), the place and the signatures — plus the agenda with each decision and the
 * board elected, so the same document is the "protocol showing the election of the board".
 * Birth dates are left out: the protocol is shared and published; the registration package carries them.
 */
export function foundingProtocolDocument(meeting: FoundingMeeting, orgName: string, lang: DocumentLang): DocumentModel {
  const t = translator(lang);
  const title = t('founding.doc.title', { name: orgName });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'paragraph',
      text: [
        t('founding.doc.organisation', { name: orgName }),
        t('founding.doc.date', { date: meeting.heldOn ? longDate(meeting.heldOn, lang) : '' }),
        t('founding.doc.place', { place: meeting.place }),
      ].join('\n'),
    },
  ];
  if (!meeting.finalisedAt) blocks.push({ kind: 'paragraph', text: t('founding.doc.draft') });

  blocks.push({ kind: 'heading', level: 2, text: t('founding.doc.purposeHeading') }, { kind: 'paragraph', text: meeting.purpose });

  blocks.push(
    { kind: 'heading', level: 2, text: t('founding.doc.attendeesHeading') },
    { kind: 'paragraph', text: t('founding.doc.attendeesLead', { count: meeting.attendees.length, name: orgName }) },
    { kind: 'list', items: meeting.attendees.map((a) => a.name) },
  );

  blocks.push(
    { kind: 'heading', level: 2, text: t('founding.doc.leadershipHeading') },
    {
      kind: 'paragraph',
      text: [t('founding.doc.chair', { name: meeting.chair }), t('founding.doc.minuteTaker', { name: meeting.minuteTaker })].join('\n'),
    },
  );

  blocks.push({ kind: 'heading', level: 2, text: t('founding.doc.itemsHeading') });
  meeting.agenda.forEach((item, index) => {
    blocks.push(
      { kind: 'heading', level: 3, text: t('founding.doc.item', { n: index + 1, title: item.title }) },
      { kind: 'paragraph', text: t('founding.doc.decision', { decision: item.decision }) },
    );
  });

  const board = [...meeting.boardElected].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  blocks.push(
    { kind: 'heading', level: 2, text: t('founding.doc.boardHeading') },
    {
      kind: 'table',
      caption: t('founding.doc.boardCaption', { name: orgName }),
      header: [t('founding.doc.boardName'), t('founding.doc.boardRole')],
      rows: board.map((b) => [b.name, t(`founding.role.${b.role}`)]),
    },
  );

  blocks.push(
    { kind: 'heading', level: 2, text: t('founding.doc.statutesHeading') },
    {
      kind: 'paragraph',
      text: meeting.statutesVersion ? t('founding.doc.statutesVersion', { version: meeting.statutesVersion }) : t('founding.doc.statutes'),
    },
  );

  const signers = meeting.signers.filter((name) => name !== '');
  blocks.push(
    { kind: 'heading', level: 2, text: t('founding.doc.signaturesHeading') },
    { kind: 'paragraph', text: t('founding.doc.signaturesLead', { names: listNames(signers, lang) }) },
    { kind: 'signatures', names: signers },
  );
  if (meeting.finalisedAt) {
    const finalised = meeting.finalisedAt.toLocaleDateString(LOCALE[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Oslo',
    });
    blocks.push({ kind: 'paragraph', text: t('founding.doc.footer', { version: meeting.version, date: finalised }) });
  }
  return { title, lang, blocks };
}

/** A file name for downloads: stiftelsesprotokoll-<name>-v<version>.<ext>, ASCII only. */
export function protocolFileName(orgName: string, version: number, ext: 'pdf' | 'html'): string {
  const slug = orgName
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `stiftelsesprotokoll-${slug || 'organisasjon'}-v${version}.${ext}`;
}
