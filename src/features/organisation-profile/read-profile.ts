import type { CurrentUser } from '../../core/auth/current-user.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import type { OrgRole } from '../organisations/organisations.schema.ts';
import {
  findEnhet,
  findFrivillig,
  findMembershipRole,
  findRolleSett,
  findWorkspaceByOrgnr,
  icnpoNames,
  listChanges,
  listPublicRoles,
} from './organisation-profile.queries.ts';

/**
 * The public profile of one organisation, read from our copy of Enhetsregisteret (the record as received,
 * brief §1.2), Frivillighetsregisteret (§2.3), the roles (§1.6) and the update feed (§1.5). Birth dates of
 * role holders are never part of it: they are personal data the open licence does not cover (NLOD § 3).
 */

export interface Address {
  lines: string[];
  postnummer: string | null;
  poststed: string | null;
  kommune: string | null;
  land: string | null;
}

export interface ProfileRole {
  group: string;
  groupName: string;
  role: string;
  roleName: string;
  /** A person's name, or null when an organisation holds the role. */
  personName: string | null;
  organisation: { orgnr: string | null; name: string | null } | null;
}

export interface ProfileChange {
  id: number;
  type: string;
  at: Date;
  /** Top-level fields the change touched (from the JSON-Patch paths), when the feed said. */
  fields: string[];
}

export interface Profile {
  orgnr: string;
  name: string;
  form: { code: string; description: string | null } | null;
  kommune: { number: string; name: string | null } | null;
  businessAddress: Address | null;
  postalAddress: Address | null;
  founded: string | null;
  registered: string | null;
  purpose: string[];
  activity: string[];
  website: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  industryCodes: { code: string; description: string | null }[];
  sectorCode: { code: string; description: string | null } | null;
  /** null: not given, which since API v2 means 0–4 employees (brief §1.2). */
  employees: number | null;
  registers: {
    mva: boolean;
    foretaksregisteret: boolean;
    stiftelsesregisteret: boolean;
    frivillighetsregisteret: boolean;
    partiregisteret: boolean;
  };
  status: {
    underAvvikling: boolean;
    underAvviklingDato: string | null;
    konkurs: boolean;
    konkursdato: string | null;
    tvangsavvikling: boolean;
    slettedato: string | null;
  };
  lastAnnualAccounts: string | null;
  frivillig: {
    categories: { number: string; name: string | null; rank: number }[];
    grasrotandel: boolean;
    excludedFromGrasrot: { from: string | null; to: string | null } | null;
    registeredSince: string | null;
    firstRegistered: string | null;
    accounts: { reportsToRegnskapsregisteret: boolean; lastYear: number | null; lastRegistered: string | null };
    statutes: { registered: boolean; lastUpdated: string | null };
    leftOn: string | null;
  } | null;
  roles: ProfileRole[];
  rolesFetchedAt: Date | null;
  changes: ProfileChange[];
  dataUpdatedAt: Date;
}

export interface ProfileView {
  profile: Profile;
  /** The workspace for this orgnr, and the signed-in person's role in it. */
  workspace: { id: string; yourRole: OrgRole | null } | null;
}

const MAX_CHANGES = 100;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const bool = (v: unknown): boolean => v === true;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
const code = (v: unknown) => {
  const o = obj(v);
  const kode = str(o?.kode);
  return kode ? { code: kode, description: str(o?.beskrivelse) } : null;
};

function address(v: unknown): Address | null {
  const o = obj(v);
  if (!o) return null;
  const a: Address = {
    lines: strings(o.adresse),
    postnummer: str(o.postnummer),
    poststed: str(o.poststed),
    kommune: str(o.kommune),
    land: str(o.land),
  };
  return a.lines.length || a.postnummer || a.poststed || a.land ? a : null;
}

const fullName = (r: { fornavn: string | null; mellomnavn: string | null; etternavn: string | null }) =>
  [r.fornavn, r.mellomnavn, r.etternavn].filter((x) => x?.trim()).join(' ') || null;

function changedFields(endringer: unknown): string[] {
  if (!Array.isArray(endringer)) return [];
  const fields = new Set<string>();
  for (const e of endringer) {
    const path = str(obj(e)?.path);
    const first = path?.split('/').filter(Boolean)[0];
    if (first) fields.add(first);
  }
  return [...fields];
}

export async function readProfile(deps: Deps, opts: { user: CurrentUser | null; orgnr: string }): Promise<ProfileView> {
  const db = deps.database.db;
  const enhet = await findEnhet(db, opts.orgnr);
  if (!enhet) throw new AppError('not_found', 'profile.notFound');
  const d = enhet.data;

  const frr = await findFrivillig(db, opts.orgnr);
  let frivillig: Profile['frivillig'] = null;
  if (frr) {
    const fd = frr.data;
    // Ranked by rekkefoelge, not by array position (brief §2.3).
    const raw = (Array.isArray(fd.icnpoKategorier) ? fd.icnpoKategorier : [])
      .map((k) => obj(k))
      .filter((k): k is Json => k !== null)
      .map((k) => ({ number: String(k.icnpoNummer ?? ''), rank: Number(k.rekkefoelge ?? 99), name: str(k.navn) }))
      .filter((k) => k.number !== '')
      .sort((a, b) => a.rank - b.rank);
    const names = await icnpoNames(
      db,
      raw.map((k) => k.number),
    );
    const grasrot = obj(fd.grasrotandel);
    const excluded = obj(grasrot?.utestengelsesperiode);
    const accounts = obj(fd.regnskapsrapportering);
    const last = obj(accounts?.sistInnsendteAarsregnskap) ?? obj(accounts?.sistInnsendteAArsregnskap);
    const statutes = obj(fd.vedtekter);
    frivillig = {
      categories: raw.map((k) => ({ number: k.number, name: names.get(k.number) ?? k.name, rank: k.rank })),
      grasrotandel: frr.grasrotandel,
      excludedFromGrasrot: excluded ? { from: str(excluded.fraDato), to: str(excluded.tilDato) } : null,
      registeredSince: frr.innfoertDato,
      firstRegistered: frr.foersteGangInnfoert,
      accounts: {
        reportsToRegnskapsregisteret: bool(accounts?.harPaatattSegRapporteringsplikt),
        lastYear: typeof last?.regnskapsaar === 'number' ? last.regnskapsaar : last?.regnskapsaar ? Number(last.regnskapsaar) : null,
        lastRegistered: str(last?.registreringsdato),
      },
      statutes: { registered: bool(statutes?.frivilligRegistrerteVedtekter), lastUpdated: str(statutes?.sistOppdaterteVedtekter) },
      leftOn: frr.slettetDato,
    };
  }

  const rolleSett = await findRolleSett(db, opts.orgnr);
  const groupNames = new Map<string, string>();
  for (const g of Array.isArray(rolleSett?.data.rollegrupper) ? rolleSett.data.rollegrupper : []) {
    const type = obj(obj(g)?.type);
    const kode = str(type?.kode);
    if (kode) groupNames.set(kode, str(type?.beskrivelse) ?? kode);
  }
  const roles: ProfileRole[] = (await listPublicRoles(db, opts.orgnr)).map((r) => ({
    group: r.rollegruppe,
    groupName: groupNames.get(r.rollegruppe) ?? r.rollegruppe,
    role: r.rolle,
    roleName: r.rolleNavn ?? r.rolle,
    personName: r.enhetOrgnr || r.enhetNavn ? null : fullName(r),
    organisation: r.enhetOrgnr || r.enhetNavn ? { orgnr: r.enhetOrgnr, name: r.enhetNavn } : null,
  }));

  const changes = (await listChanges(db, opts.orgnr, MAX_CHANGES)).map((c) => ({
    id: c.oppdateringsid,
    type: c.endringstype,
    at: c.dato,
    fields: changedFields(c.endringer),
  }));

  const profile: Profile = {
    orgnr: enhet.orgnr,
    name: enhet.navn,
    form: enhet.organisasjonsform
      ? { code: enhet.organisasjonsform, description: enhet.formBeskrivelse ?? code(d.organisasjonsform)?.description ?? null }
      : null,
    kommune: enhet.kommunenummer ? { number: enhet.kommunenummer, name: enhet.kommuneNavn } : null,
    businessAddress: address(d.forretningsadresse),
    postalAddress: address(d.postadresse),
    founded: enhet.stiftelsesdato,
    registered: str(d.registreringsdatoEnhetsregisteret),
    purpose: strings(d.vedtektsfestetFormaal),
    activity: strings(d.aktivitet),
    website: str(d.hjemmeside),
    email: str(d.epostadresse),
    phone: str(d.telefon),
    mobile: str(d.mobil),
    industryCodes: [code(d.naeringskode1), code(d.naeringskode2), code(d.naeringskode3)].filter((c) => c !== null),
    sectorCode: code(d.institusjonellSektorkode),
    employees: typeof d.antallAnsatte === 'number' ? d.antallAnsatte : null,
    registers: {
      mva: bool(d.registrertIMvaregisteret),
      foretaksregisteret: bool(d.registrertIForetaksregisteret),
      stiftelsesregisteret: bool(d.registrertIStiftelsesregisteret),
      frivillighetsregisteret: bool(d.registrertIFrivillighetsregisteret),
      partiregisteret: bool(d.registrertIPartiregisteret),
    },
    status: {
      underAvvikling: enhet.underAvvikling,
      underAvviklingDato: str(d.underAvviklingDato),
      konkurs: enhet.konkurs,
      konkursdato: str(d.konkursdato),
      tvangsavvikling: bool(d.underTvangsavviklingEllerTvangsopplosning),
      slettedato: enhet.slettedato,
    },
    lastAnnualAccounts: str(d.sisteInnsendteAarsregnskap),
    frivillig,
    roles,
    rolesFetchedAt: rolleSett?.fetchedAt ?? null,
    changes,
    dataUpdatedAt: enhet.updatedAt,
  };

  const workspaceRow = await findWorkspaceByOrgnr(db, opts.orgnr);
  const workspace = workspaceRow
    ? { id: workspaceRow.id, yourRole: opts.user ? await findMembershipRole(db, workspaceRow.id, opts.user.id) : null }
    : null;
  return { profile, workspace };
}
