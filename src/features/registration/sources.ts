import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/client.ts';
import { renderDocumentPdf } from '../../core/documents/index.ts';
import type { FoundingMeeting } from '../founding/founding.data.ts';
import { foundingProtocolDocument } from '../founding/founding.documents.ts';
import { readFoundingMeeting } from '../founding/founding.queries.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import { statutesDocument } from '../statutes/statutes.documents.ts';
import { findCurrentVersion } from '../statutes/statutes.queries.ts';

/**
 * What the package takes from the other parts of the founding journey (contract in /tmp/issue4-contract.md):
 * the adopted statutes (statutes builder) and the founding meeting (its protocol and the board it elected).
 * Both become PDF attachments of the notice (brief §4.1: vedtekter and stiftelsesdokument), rendered from the
 * same document models as their own pages, in the language they were adopted in.
 */

export interface StatutesSource {
  version: number;
  answers: StatutesAnswers;
  language: 'nb' | 'nn';
  adoptedAt: Date;
  /** sha256 of the adopted text: part of what the board confirms. */
  textHash: string;
}

export interface FoundingSource {
  meeting: FoundingMeeting;
  finalised: boolean;
  /** sha256 of the meeting as recorded: part of what the board confirms. */
  hash: string;
}

export async function readStatutesSource(db: Db, organisationId: string): Promise<StatutesSource | null> {
  const row = await findCurrentVersion(db, organisationId);
  if (!row) return null;
  return {
    version: row.version,
    answers: row.answers,
    language: row.language,
    adoptedAt: row.adoptedAt,
    textHash: createHash('sha256').update(row.text).digest('hex'),
  };
}

export async function readFoundingSource(db: Db, organisationId: string): Promise<FoundingSource | null> {
  const meeting = await readFoundingMeeting(db, organisationId);
  if (!meeting) return null;
  const { finalisedAt, ...content } = meeting;
  return {
    meeting,
    finalised: finalisedAt !== null,
    hash: createHash('sha256')
      .update(JSON.stringify({ ...content, finalisedAt: finalisedAt?.toISOString() ?? null }))
      .digest('hex'),
  };
}

export interface AttachmentFile {
  /** The Vedlegg type in the Melding (melding.xsd: "type vedlegg, stiftelsesdokument, vedtekter, mm"). */
  type: 'vedtekter' | 'stiftelsesdokument';
  title: string;
  filename: string;
  contentType: 'application/pdf';
  data: Uint8Array;
}

export async function statutesPdf(source: StatutesSource): Promise<AttachmentFile> {
  const doc = statutesDocument(source.answers, source.language, { version: source.version, adoptedAt: source.adoptedAt });
  return {
    type: 'vedtekter',
    title: doc.title,
    filename: 'vedtekter.pdf',
    contentType: 'application/pdf',
    data: await renderDocumentPdf(doc),
  };
}

export async function foundingProtocolPdf(source: FoundingSource, organisationName: string): Promise<AttachmentFile> {
  const doc = foundingProtocolDocument(source.meeting, source.meeting.organisationName ?? organisationName, source.meeting.language);
  return {
    type: 'stiftelsesdokument',
    title: doc.title,
    filename: 'stiftelsesprotokoll.pdf',
    contentType: 'application/pdf',
    data: await renderDocumentPdf(doc),
  };
}
