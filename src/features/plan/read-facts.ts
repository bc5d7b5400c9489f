import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, BOARD_ROLES, type OrgRole, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Deps } from '../../core/http/context.ts';
import type { Prefilled } from '../../core/prefill/provenance.ts';
import { type OrganisationFacts, readOrganisationFacts } from './facts.ts';
import { initialFormValues, registerDisagreements, registerPrefill } from './facts-form.ts';
import { findDeclaredFacts, findOrganisationRow } from './plan.queries.ts';
import type { FactsField } from './plan.schema.ts';

export interface FactsPage {
  organisation: { id: string; name: string; orgnr: string | null; phase: number };
  role: OrgRole;
  canEdit: boolean;
  facts: OrganisationFacts;
  /** What the form shows: the saved answers, else what the registers know. */
  values: Record<FactsField, string>;
  /** Fields the registers filled in (shown with their source while nothing is saved). */
  prefill: Prefilled;
  /** Saved answers a register contradicts; the plan follows the register. */
  disagreements: ReturnType<typeof registerDisagreements>;
  saved: boolean;
}

/** The facts page: every member may read the facts; board roles get the form. */
export async function readFactsPage(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }): Promise<FactsPage> {
  const { role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const db = deps.database.db;
  const [org, facts, row] = await Promise.all([
    findOrganisationRow(db, opts.organisationId),
    readOrganisationFacts(db, opts.organisationId),
    findDeclaredFacts(db, opts.organisationId),
  ]);
  const prefill = registerPrefill(facts);
  return {
    organisation: {
      id: opts.organisationId,
      name: org?.name ?? facts.name.value,
      orgnr: org?.orgnr ?? null,
      phase: org?.phase ?? facts.phase.value,
    },
    role,
    canEdit: BOARD_ROLES.includes(role),
    facts,
    values: initialFormValues(row, prefill),
    prefill: row ? {} : prefill,
    disagreements: registerDisagreements(facts, row),
    saved: row !== null,
  };
}
