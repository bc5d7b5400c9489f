import { createHash } from 'node:crypto';
import { kommuneName } from '../../core/validators/kommunenummer.ts';
import { parsePersonnummer } from '../../core/validators/personnummer.ts';
import type { PackageState, PersonState } from './package-state.ts';
import { ROLE_CODE } from './registration.schema.ts';
import type { AttachmentFile } from './sources.ts';
import { cleanXmlText, escapeXml } from './xml.ts';

/**
 * The structured submission document: a `Melding` for Brønnøysundregistrene's electronic intake (brief §4.4;
 * envelope per http://schema.brreg.no/postmottak/melding.xsd v4.0, namespace .../postmottak/henvendelse):
 * attributes id (our UUID, the sender's reference), tjeneste, tjenestehandling and versjon; Mottaker (Brønnøysund-
 * registrene, 974760673) and Avsender (whoever runs this service) by organisasjonsnummer; Referanse (our package
 * id); Innhold/Data with the registration content; one Vedlegg per attachment whose DataRef names the multipart
 * file and carries its SHA-256.
 *
 * UNVERIFIED (brief §4.4 and §8 item 10): which `tjeneste`/`tjenestehandling` values accept Samordnet
 * registermelding through this API, and the schema of the registration content itself, are not public. The values
 * come from configuration (BRREG_MOTTAK_TJENESTE, BRREG_MOTTAK_TJENESTEHANDLING) and the content below is our own
 * clearly named format (namespace urn:no:frivillig:samordnet-registermelding:v1) built from the fields the brief
 * lists (§2.2, §4.1) with the register's own field names where the draft linkml model `bvrfriv` gives them (§2.5).
 * When Brønnøysundregistrene publishes the real content schema, only `registrationContentXml` changes.
 */

export const HENVENDELSE_NS = 'http://schema.brreg.no/postmottak/henvendelse';
export const CONTENT_NS = 'urn:no:frivillig:samordnet-registermelding:v1';
export const BRREG_ORGNR = '974760673';

export interface MeldingSettings {
  tjeneste: string;
  tjenestehandling: string;
  avsenderOrgnr: string;
  mottakerOrgnr?: string;
}

const SIGNATURE_TEXT: Record<string, { nob: string; nno: string }> = {
  'leader-alone': { nob: 'Styrets leder alene', nno: 'Styreleiaren åleine' },
  'leader-and-one-board-member': { nob: 'Styrets leder og ett styremedlem i fellesskap', nno: 'Styreleiaren og eitt styremedlem saman' },
  'two-board-members': { nob: 'To styremedlemmer i fellesskap', nno: 'To styremedlemmer saman' },
  'board-jointly': { nob: 'Styret i fellesskap', nno: 'Styret i fellesskap' },
};

/** CDATA that survives any text: a "]]>" inside is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

class XmlWriter {
  private lines: string[] = [];
  private depth = 0;
  open(name: string, attrs: Record<string, string | number | undefined> = {}) {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(attrs)}>`);
    this.depth++;
    return this;
  }
  close(name: string) {
    this.depth--;
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`);
    return this;
  }
  leaf(name: string, value: string | number | boolean | null | undefined, attrs: Record<string, string | number | undefined> = {}) {
    if (value === null || value === undefined) return this;
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(attrs)}>${escapeXml(cleanXmlText(String(value)))}</${name}>`);
    return this;
  }
  empty(name: string, attrs: Record<string, string | number | undefined>) {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(attrs)}/>`);
    return this;
  }
  raw(line: string) {
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
    return this;
  }
  toString() {
    return this.lines.join('\n');
  }
}

function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(cleanXmlText(String(v)))}"`)
    .join('');
}

function person(w: XmlWriter, p: PersonState) {
  w.open('person');
  if (p.fnr) {
    const parsed = parsePersonnummer(p.fnr, { allowSynthetic: true });
    w.leaf(parsed?.kind === 'd-nummer' ? 'dNummer' : 'foedselsnummer', p.fnr);
  }
  w.leaf('navn', p.name);
  w.close('person');
}

function address(w: XmlWriter, name: string, a: { address: string; postnummer: string; poststed: string; kommunenummer?: string }) {
  w.open(name);
  w.leaf('adresse', a.address);
  w.leaf('postnummer', a.postnummer);
  w.leaf('poststed', a.poststed);
  if (a.kommunenummer) {
    w.leaf('kommunenummer', a.kommunenummer);
    w.leaf('kommune', kommuneName(a.kommunenummer));
  }
  w.leaf('landkode', 'NO');
  w.close(name);
}

/** The registration content (our format; see the module comment). Every fødselsnummer in it is in clear. */
export function registrationContentXml(
  state: PackageState,
  opts: { attachments: AttachmentFile[]; createdAt: Date; avsenderOrgnr: string },
): string {
  const d = state.data;
  const maalform = d.contactDetails?.maalform ?? 'nob';
  const w = new XmlWriter();
  w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  w.open('Registermelding', { xmlns: CONTENT_NS, versjon: '1', meldingstype: 'nyregistrering', opprettet: opts.createdAt.toISOString() });
  w.leaf('maalformForTilbakemelding', maalform);
  if (d.contactDetails) {
    w.open('innsender');
    w.leaf('e_postadresse', d.contactDetails.email);
    w.open('mobilnummer');
    const phone = d.contactDetails.phone.replace(/^\+47/, '');
    w.leaf('internasjonaltPrefiks', '+47');
    w.leaf('nasjonaltNummer', phone);
    w.close('mobilnummer');
    w.close('innsender');
  }
  w.open('fagsystemReferanse');
  w.leaf('fagsystemID', 'frivillig');
  w.leaf('orgnrFagsystem', opts.avsenderOrgnr);
  w.leaf('referanseFagsystem', state.pkg.id);
  w.close('fagsystemReferanse');

  w.open('enhetsregisteret');
  if (d.organisation) {
    w.leaf('navn', d.organisation.name);
    w.leaf('organisasjonsform', 'FLI');
    w.leaf('stiftelsesdato', d.organisation.foundedOn);
    w.leaf('formaal', d.organisation.purpose);
    w.leaf('aktivitet', d.organisation.activity);
  }
  if (d.address) {
    address(w, 'forretningsadresse', d.address.business);
    if (d.address.postal) address(w, 'postadresse', d.address.postal);
  }
  if (d.contactDetails) {
    w.open('kontaktinformasjon');
    w.leaf('epostadresse', d.contactDetails.email);
    w.leaf('mobilnummer', d.contactDetails.phone);
    w.close('kontaktinformasjon');
  }
  w.open('roller');
  if (d.contact) {
    const contact = state.persons.find((p) => p.id === d.contact!.personId);
    if (contact) {
      w.open('rolle', { rollekode: d.contact.kind === 'daglig-leder' ? 'DAGL' : 'KONT' });
      person(w, contact);
      w.close('rolle');
    }
  }
  w.open('styre', { antallMedlemmer: state.board.length });
  state.board.forEach((p, i) => {
    w.open('rolle', { rollekode: ROLE_CODE[p.boardRole!], rekkefoelge: i + 1 });
    person(w, p);
    w.close('rolle');
  });
  w.close('styre');
  for (const [code, firm] of [
    ['REVI', d.roles?.revisor],
    ['REGN', d.roles?.regnskapsforer],
  ] as const) {
    if (!firm) continue;
    w.open('rolle', { rollekode: code });
    w.open('enhet');
    w.leaf('organisasjonsnummer', firm.orgnr);
    w.leaf('navn', firm.name);
    w.close('enhet');
    w.close('rolle');
  }
  w.close('roller');
  if (d.roles) {
    w.leaf('signatur', SIGNATURE_TEXT[d.roles.signature]?.[maalform], { regel: d.roles.signature });
    if (d.roles.prokura) w.leaf('prokura', d.roles.prokura);
  }
  if (d.questions) {
    w.open('merverdiavgiftsregisteret').leaf('skalRegistreres', d.questions.mva).close('merverdiavgiftsregisteret');
    w.open('ansatte')
      .leaf('harAnsatte', d.questions.employees > 0)
      .leaf('antall', d.questions.employees)
      .close('ansatte');
    w.open('foretaksregisteret').leaf('skalRegistreres', d.questions.foretaksregisteret).close('foretaksregisteret');
  }
  w.close('enhetsregisteret');

  if (d.frr?.register) {
    const f = d.frr;
    w.open('frivilligOrganisasjon');
    if (d.grasrot?.kontonummer) w.leaf('kontonummer', d.grasrot.kontonummer);
    w.open('icnpoKategori');
    for (const [i, code] of f.icnpo.entries()) w.leaf(`kategori${i + 1}`, code);
    w.close('icnpoKategori');
    if (d.grasrot) {
      w.open('grasrotandel');
      w.leaf('deltarI', d.grasrot.deltarI);
      for (const [k, v] of Object.entries(d.grasrot.declarations ?? {})) w.leaf(k, v);
      w.close('grasrotandel');
    }
    w.open('rapporteringspliktRegnskap');
    w.leaf('harPaatattSegRapporteringsplikt', f.rapporteringsplikt);
    if (f.regnskapsperiodeSlutt) w.leaf('avslutningsdatoRegnskapsperiode', f.regnskapsperiodeSlutt);
    w.close('rapporteringspliktRegnskap');
    w.open('vedtekter').leaf('frivilligRegistrerteVedtekter', f.vedtekter).close('vedtekter');
    w.open('registreringsrett');
    w.leaf('harOffentligFlertallIStyret', f.offentligFlertall);
    w.leaf('utdelingTilFysiskePersoner', f.utdelingFysiskePersoner);
    w.close('registreringsrett');
    w.close('frivilligOrganisasjon');
  }

  w.open('vedlegg');
  for (const a of opts.attachments) w.empty('fil', { type: a.type, filnavn: a.filename, tittel: a.title });
  w.close('vedlegg');

  // The board's confirmations in Frivillig. They are not Altinn signatures (brief §4.1: signing there is personal
  // and decided by the form); they record who confirmed which content, and when.
  w.open('bekreftelser', { innholdshash: state.contentHash, algoritme: 'HMAC-SHA256' });
  for (const p of state.board) {
    if (p.confirmation?.valid)
      w.empty('bekreftelse', { rollekode: ROLE_CODE[p.boardRole!], navn: p.name, tidspunkt: p.confirmation.confirmedAt.toISOString() });
  }
  w.close('bekreftelser');
  w.close('Registermelding');
  return w.toString();
}

/** The Melding envelope around the content, referring to each attachment by file name and SHA-256. */
export function buildMeldingXml(
  state: PackageState,
  opts: { meldingId: string; settings: MeldingSettings; attachments: AttachmentFile[]; createdAt: Date },
): string {
  const content = registrationContentXml(state, {
    attachments: opts.attachments,
    createdAt: opts.createdAt,
    avsenderOrgnr: opts.settings.avsenderOrgnr,
  });
  const w = new XmlWriter();
  w.raw('<?xml version="1.0" encoding="UTF-8" standalone="no"?>');
  w.open('Melding', {
    xmlns: HENVENDELSE_NS,
    id: opts.meldingId,
    tjeneste: opts.settings.tjeneste,
    tjenestehandling: opts.settings.tjenestehandling,
    versjon: '4.0',
  });
  w.empty('Mottaker', { id: opts.settings.mottakerOrgnr ?? BRREG_ORGNR, idType: 'Organisasjonsnummer' });
  w.empty('Avsender', { id: opts.settings.avsenderOrgnr, idType: 'Organisasjonsnummer' });
  w.empty('Referanse', { referanse: state.pkg.id, referanseType: 'Avsenderreferanse' });
  w.open('Innhold');
  w.raw(`<Data format="xml">${cdata(content)}</Data>`);
  w.close('Innhold');
  opts.attachments.forEach((a, i) => {
    w.open('Vedlegg', { type: a.type, navn: a.title });
    w.open('Vedleggsdel', { sekvensnr: i + 1, filnavn: a.filename });
    w.empty('DataRef', {
      referanse: a.filename,
      format: 'pdf',
      referanseFormat: 'filnavn',
      sjekksum: createHash('sha256').update(a.data).digest('hex'),
    });
    w.close('Vedleggsdel');
    w.close('Vedlegg');
  });
  w.close('Melding');
  return `${w.toString()}\n`;
}
