import type { RollerResponse } from '../register/brreg-shapes.ts';
import rolletyper from '../register/reference-data/rolletyper.json' with { type: 'json' };
import { dayOfYearStart, isoFromDay, yearOfDay } from './dates.ts';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './names.ts';
import { hashInts, Rng } from './random.ts';
import { FORM_DESCRIPTIONS, type FormCode, pickDay, type UnitContext, type UnitCore } from './unit.ts';

/**
 * The roles of a generated unit in the shape of `GET /enheter/{orgnr}/roller` (brief §1.6): groups (STYR, DAGL,
 * KONT, REVI, REGN, INNH, DELT, FFOR, REPR) holding roles of people (name and birth date, never a fødselsnummer)
 * or of other units (revisor, regnskapsfører, forretningsfører). A board change in the roles feed gives a new
 * version: the board is drawn again and `sistEndret` becomes the day of the change.
 */

type Rolle = RollerResponse['rollegrupper'][number]['roller'][number];
type Rollegruppe = RollerResponse['rollegrupper'][number];

const ROLE_NAMES: Record<string, string> = Object.fromEntries(rolletyper.rolletyper.map((r) => [r.kode, r.nb]));

/** Group descriptions; DAGL and STYR are attested, the others follow the role names (brief §1.6). */
const GROUP_NAMES: Record<string, string> = {
  STYR: 'Styre',
  DAGL: 'Daglig leder/ adm.direktør',
  KONT: 'Kontaktperson',
  REVI: 'Revisor',
  REGN: 'Regnskapsfører',
  INNH: 'Innehaver',
  DELT: 'Deltakere',
  FFOR: 'Forretningsfører',
  REPR: 'Norsk representant for utenlandsk enhet',
};

const SALT_ROLES = 0x201e;
const SALT_BOARD = 0xb0a2;

/** Resolves another unit that holds a role (e.g. the revisor), as the roles response shows it. */
export interface RoleHolderLookup {
  /** A unit index of an AS to act as revisor/regnskapsfører/forretningsfører, picked from `rng`. */
  pickFirm(rng: Rng): number;
  firm(index: number): { orgnr: string; navn: string; form: FormCode; deleted: boolean };
}

export interface RolesOptions {
  /** Registration day of the unit: the earliest sistEndret. */
  registrationDay: number;
  /** The latest day (snapshot day, or today for current state). */
  maxDay: number;
  /** Board version (number of board changes so far) and the day of the latest change. */
  boardVersion: number;
  boardChangedDay?: number;
}

/** Whether the unit has any roles at all (units without roles answer 404 on /roller). */
export function hasRoles(ctx: UnitContext, index: number, core: UnitCore): boolean {
  const rng = new Rng(hashInts(ctx.seedHash, index, SALT_ROLES));
  const share: Record<FormCode, number> = {
    FLI: 0.97,
    AS: 0.995,
    ENK: 1,
    NUF: 0.95,
    STI: 1,
    SA: 1,
    BRL: 1,
    ESEK: 0.85,
    SAM: 0.6,
    ANS: 1,
    DA: 1,
  };
  return rng.next() < share[core.form];
}

export function buildRoller(
  ctx: UnitContext,
  index: number,
  core: UnitCore,
  firms: RoleHolderLookup,
  opts: RolesOptions,
): RollerResponse | undefined {
  if (!hasRoles(ctx, index, core)) return undefined;
  const rng = new Rng(hashInts(ctx.seedHash, index, SALT_ROLES + 1));
  const board = new Rng(hashInts(ctx.seedHash, index, SALT_BOARD + opts.boardVersion));
  const base = ctx.recordBaseUrl;
  const maxYear = yearOfDay(opts.maxDay);
  const orgnr = ctx.space.orgnrOf(index);

  const typeOf = (kode: string, kind: 'rolletyper' | 'rollegruppetyper', names: Record<string, string>) => ({
    kode,
    beskrivelse: names[kode] ?? kode,
    _links: { self: { href: `${base}/enhetsregisteret/api/roller/${kind}/${kode}` } },
  });

  const person = (r: Rng, minAge: number, maxAge: number): NonNullable<Rolle['person']> => {
    const female = r.chance(0.5);
    let fornavn: string = r.pick(female ? FEMALE_NAMES : MALE_NAMES);
    if (r.chance(0.12)) fornavn = `${fornavn} ${r.pick(female ? FEMALE_NAMES : MALE_NAMES)}`;
    const year = maxYear - r.int(minAge, maxAge);
    const navn: NonNullable<Rolle['person']>['navn'] = r.chance(0.15)
      ? { fornavn, mellomnavn: r.pick(SURNAMES), etternavn: r.pick(SURNAMES) }
      : { fornavn, etternavn: r.pick(SURNAMES) };
    return {
      fodselsdato: isoFromDay(pickDay(r, dayOfYearStart(year), dayOfYearStart(year + 1) - 1)),
      navn,
      erDoed: r.chance(0.003),
    };
  };

  const personRole = (r: Rng, kode: string, rekkefolge: number, minAge = 20, maxAge = 80): Rolle => ({
    type: typeOf(kode, 'rolletyper', ROLE_NAMES),
    person: person(r, minAge, maxAge),
    fratraadt: r.chance(0.03),
    avregistrert: false,
    rekkefolge,
  });

  const firmRole = (r: Rng, kode: string): Rolle => {
    const firm = firms.firm(firms.pickFirm(r));
    return {
      type: typeOf(kode, 'rolletyper', ROLE_NAMES),
      enhet: {
        organisasjonsnummer: firm.orgnr,
        organisasjonsform: {
          kode: firm.form,
          beskrivelse: FORM_DESCRIPTIONS[firm.form] ?? firm.form,
          _links: { self: { href: `${base}/enhetsregisteret/api/organisasjonsformer/${firm.form}` } },
        },
        navn: [firm.navn],
        erSlettet: firm.deleted,
        _links: { self: { href: `${base}/enhetsregisteret/api/enheter/${firm.orgnr}` } },
      },
      fratraadt: false,
      avregistrert: false,
      rekkefolge: 0,
    };
  };

  const sistEndret = (r: Rng) => isoFromDay(pickDay(r, opts.registrationDay, opts.maxDay, 0.6));
  const group = (kode: string, roller: Rolle[], changed: string): Rollegruppe => ({
    type: typeOf(kode, 'rollegruppetyper', GROUP_NAMES),
    sistEndret: changed,
    roller,
  });

  const groups: Rollegruppe[] = [];
  const boardGroup = (leaderChance: number, members: [number, number], deputies: [number, number], ages: [number, number] = [20, 80]) => {
    const changed = opts.boardVersion > 0 && opts.boardChangedDay !== undefined ? isoFromDay(opts.boardChangedDay) : sistEndret(board);
    const roller: Rolle[] = [];
    if (board.chance(leaderChance)) roller.push(personRole(board, 'LEDE', roller.length, ...ages));
    if (core.form === 'FLI' && board.chance(0.5)) roller.push(personRole(board, 'NEST', roller.length, ...ages));
    const m = board.int(...members);
    for (let k = 0; k < m; k++) roller.push(personRole(board, 'MEDL', roller.length, ...ages));
    const v = board.int(...deputies);
    for (let k = 0; k < v; k++) roller.push(personRole(board, 'VARA', roller.length, ...ages));
    if (roller.length > 0) groups.push(group('STYR', roller, changed));
  };
  const single = (groupCode: string, roleCode: string, byFirm = false) => {
    const role = byFirm ? firmRole(rng, roleCode) : personRole(rng, roleCode, 0);
    groups.push(group(groupCode, [role], sistEndret(rng)));
  };

  switch (core.form) {
    case 'FLI': {
      const parents = core.navn.includes('FORELDREUTVALG') || core.navn.startsWith('FAU ');
      if (rng.chance(0.05)) single('DAGL', 'DAGL');
      boardGroup(0.95, [1, 5], [0, 3], parents ? [28, 52] : [20, 80]);
      if (rng.chance(0.4)) single('KONT', 'KONT');
      if (rng.chance(0.1)) single('REVI', 'REVI', true);
      if (rng.chance(0.08)) single('REGN', 'REGN', true);
      break;
    }
    case 'AS':
      if (rng.chance(0.7)) single('DAGL', 'DAGL');
      boardGroup(1, [0, 3], [0, 1]);
      if (rng.chance(0.4)) single('REVI', 'REVI', true);
      if (rng.chance(0.5)) single('REGN', 'REGN', true);
      break;
    case 'ENK':
      single('INNH', 'INNH');
      if (rng.chance(0.2)) single('REGN', 'REGN', true);
      break;
    case 'NUF':
      if (rng.chance(0.5)) single('DAGL', 'DAGL');
      single('REPR', 'REPR');
      break;
    case 'STI':
      if (rng.chance(0.3)) single('DAGL', 'DAGL');
      boardGroup(1, [2, 4], [0, 2]);
      if (rng.chance(0.8)) single('REVI', 'REVI', true);
      break;
    case 'SA':
    case 'BRL':
    case 'ESEK':
      boardGroup(1, [1, 4], [0, 2]);
      if (core.form !== 'SA' && rng.chance(0.7)) single('FFOR', 'FFOR', true);
      if (core.form === 'SA' && rng.chance(0.6)) single('REVI', 'REVI', true);
      break;
    case 'SAM':
      single('KONT', 'KONT');
      break;
    case 'ANS':
    case 'DA': {
      const n = rng.int(2, 3);
      const kode = core.form === 'DA' ? 'DTPR' : 'DTSO';
      const roller = Array.from({ length: n }, (_, k) => {
        const role = personRole(rng, kode, k);
        return core.form === 'DA' ? { ...role, ansvarsandel: `${Math.floor(100 / n)}%` } : role;
      });
      groups.push(group('DELT', roller, sistEndret(rng)));
      if (rng.chance(0.3)) single('DAGL', 'DAGL');
      break;
    }
  }
  if (groups.length === 0) return undefined;
  return {
    rollegrupper: groups,
    _links: {
      self: { href: `${base}/enhetsregisteret/api/enheter/${orgnr}/roller` },
      enhet: { href: `${base}/enhetsregisteret/api/enheter/${orgnr}` },
    },
  };
}
