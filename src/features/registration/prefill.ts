import type { Db } from '../../core/db/client.ts';
import type { Prefilled, PrefillSource } from '../../core/prefill/provenance.ts';
import { type Fact, type FactSource, readOrganisationFacts } from '../plan/facts.ts';
import type { PackageState } from './package-state.ts';
import type { PackageData, Section } from './registration.schema.ts';

/**
 * What each question page can show before anyone types (issue 4, "give it once"): from the adopted statutes,
 * the founding meeting, the workspace, the person's own profile and the facts the board declared in the plan.
 * A page shows the saved answers once there are any; until then it shows these, and the first save records
 * for every field whether it was kept, corrected or typed (core/prefill/provenance.ts).
 */

type FieldValues = Record<string, string>;

/** Facts come from several places; the provenance record knows the platform-side ones. */
function sourceOfFact(source: FactSource): PrefillSource | null {
  switch (source) {
    case 'enhetsregisteret':
    case 'frivillighetsregisteret':
    case 'workspace':
    case 'statutes':
      return source;
    case 'founding-meeting':
      return 'founding-meeting';
    case 'declared':
      return 'workspace';
    default:
      return null;
  }
}

function put(prefilled: Prefilled, field: string, value: string | null | undefined, source: PrefillSource | null) {
  if (value === null || value === undefined || value === '' || !source) return;
  prefilled[field] = { value, source };
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

function putFact<T>(prefilled: Prefilled, field: string, f: Fact<T>, format: (v: NonNullable<T>) => string) {
  if (f.value === null || f.value === undefined) return;
  put(prefilled, field, format(f.value as NonNullable<T>), sourceOfFact(f.source));
}

export async function sectionPrefill(db: Db, state: PackageState, section: Section, user: { email: string | null }): Promise<Prefilled> {
  const prefilled: Prefilled = {};
  const statutes = state.statutes?.answers;
  const org = state.organisation;
  switch (section) {
    case 'organisation':
      put(prefilled, 'name', statutes?.name ?? org.name, statutes ? 'statutes' : 'workspace');
      put(prefilled, 'purpose', statutes?.purpose ?? org.purpose, statutes ? 'statutes' : 'workspace');
      put(prefilled, 'foundedOn', state.founding?.meeting.heldOn, 'founding-meeting');
      break;
    case 'address':
      put(prefilled, 'kommunenummer', statutes?.kommunenummer ?? org.kommunenummer, statutes ? 'statutes' : 'workspace');
      break;
    case 'contactDetails':
      put(prefilled, 'email', user.email, 'profile');
      // Brønnøysund answers in the language the statutes were adopted in, unless the board says otherwise.
      put(prefilled, 'maalform', state.statutes ? (state.statutes.language === 'nn' ? 'nno' : 'nob') : null, 'statutes');
      break;
    case 'roles':
      if (statutes) {
        put(prefilled, 'signature', statutes.signature, 'statutes');
        put(prefilled, 'revisor', statutes.audit === 'registered-auditor' ? 'yes' : 'no', 'statutes');
      }
      break;
    case 'questions': {
      const facts = await readOrganisationFacts(db, org.id);
      putFact(prefilled, 'mva', facts.vatRegistered, yesNo);
      putFact(prefilled, 'employees', facts.employees, (n) => yesNo(n > 0));
      putFact(prefilled, 'employeeCount', facts.employees, (n) => (n > 0 ? String(n) : ''));
      break;
    }
    case 'frr': {
      const facts = await readOrganisationFacts(db, org.id);
      putFact(prefilled, 'frr', facts.wantsFrivillighetsregisteret, yesNo);
      if (state.statutes) put(prefilled, 'vedtekter', 'yes', 'statutes');
      break;
    }
    case 'grasrot': {
      const facts = await readOrganisationFacts(db, org.id);
      putFact(prefilled, 'deltarI', facts.wantsGrasrotandel, yesNo);
      break;
    }
    case 'board':
    case 'contact':
      break;
  }
  return prefilled;
}

/** The form values a saved section is shown with (the inverse of the section schema's transform). */
export function savedValues(data: PackageData, section: Section): FieldValues | null {
  switch (section) {
    case 'organisation':
      return data.organisation ? { ...data.organisation } : null;
    case 'address': {
      const a = data.address;
      if (!a) return null;
      return {
        businessAddress: a.business.address,
        businessPostnummer: a.business.postnummer,
        businessPoststed: a.business.poststed,
        kommunenummer: a.business.kommunenummer,
        postalSame: a.postal ? 'no' : 'yes',
        postalAddress: a.postal?.address ?? '',
        postalPostnummer: a.postal?.postnummer ?? '',
        postalPoststed: a.postal?.poststed ?? '',
      };
    }
    case 'contactDetails':
      return data.contactDetails ? { ...data.contactDetails } : null;
    case 'roles': {
      const r = data.roles;
      if (!r) return null;
      return {
        revisor: yesNo(Boolean(r.revisor)),
        revisorOrgnr: r.revisor?.orgnr ?? '',
        revisorName: r.revisor?.name ?? '',
        regnskapsforer: yesNo(Boolean(r.regnskapsforer)),
        regnskapsforerOrgnr: r.regnskapsforer?.orgnr ?? '',
        regnskapsforerName: r.regnskapsforer?.name ?? '',
        signature: r.signature,
        prokura: yesNo(r.prokura !== null),
        prokuraText: r.prokura ?? '',
      };
    }
    case 'questions': {
      const q = data.questions;
      if (!q) return null;
      return {
        mva: yesNo(q.mva),
        employees: yesNo(q.employees > 0),
        employeeCount: q.employees > 0 ? String(q.employees) : '',
        foretaksregisteret: yesNo(q.foretaksregisteret),
      };
    }
    case 'frr': {
      const f = data.frr;
      if (!f) return null;
      if (!f.register) return { frr: 'no' };
      const dayMonth = f.regnskapsperiodeSlutt ? `${f.regnskapsperiodeSlutt.slice(5, 7)}.${f.regnskapsperiodeSlutt.slice(2, 4)}` : '';
      return {
        frr: 'yes',
        icnpo1: f.icnpo[0] ?? '',
        icnpo2: f.icnpo[1] ?? '',
        icnpo3: f.icnpo[2] ?? '',
        vedtekter: yesNo(f.vedtekter),
        rapporteringsplikt: yesNo(f.rapporteringsplikt),
        regnskapsperiodeSlutt: dayMonth,
        offentligFlertall: yesNo(f.offentligFlertall),
        utdelingFysiskePersoner: yesNo(f.utdelingFysiskePersoner),
      };
    }
    case 'grasrot': {
      const g = data.grasrot;
      if (!g) return null;
      return {
        deltarI: yesNo(g.deltarI),
        kontonummer: g.kontonummer ?? '',
        ...Object.fromEntries(Object.entries(g.declarations ?? {}).map(([k, v]) => [k, yesNo(v)])),
      };
    }
    case 'board':
    case 'contact':
      return null;
  }
}

/** What a page shows: the saved answers, or else the prefilled values. */
export function formValues(saved: FieldValues | null, prefilled: Prefilled): FieldValues {
  if (saved) return saved;
  return Object.fromEntries(Object.entries(prefilled).map(([k, v]) => [k, v.value ?? '']));
}
