import type { Db } from '../../core/db/client.ts';
import { type OrganisationFacts, readOrganisationFacts } from '../plan/facts.ts';
import { LOVNORM_DEFAULTS } from '../statutes/statutes.answers.ts';
import { readCurrentStatutes } from '../statutes/statutes.queries.ts';
import { type IsoDate, osloDate } from './calendar.dates.ts';
import type { CalendarFacts, CalendarStatutes, RuleInput } from './calendar.rules.ts';

/**
 * Gathers what the deadline rules read: the organisation's facts (the plan's readOrganisationFacts — registers,
 * workspace, declared facts, each with its source), its current statutes (readCurrentStatutes; the lovnorm
 * defaults when it has none) and today's date in Norway. No access check: callers have checked the role, or hold
 * the feed's secret token.
 */
export async function readCalendarInputs(db: Db, organisationId: string, now: Date): Promise<RuleInput> {
  const [facts, current] = await Promise.all([readOrganisationFacts(db, organisationId), readCurrentStatutes(db, organisationId)]);
  const statutes: CalendarStatutes = current
    ? {
        source: 'statutes',
        version: current.version,
        annualMeeting: current.answers.annualMeeting,
        audit: current.answers.audit,
        dissolutionRequiresSecondMeeting: current.answers.dissolution.requiresSecondMeeting,
      }
    : {
        source: 'default',
        version: null,
        annualMeeting: { ...LOVNORM_DEFAULTS.annualMeeting },
        audit: LOVNORM_DEFAULTS.audit,
        dissolutionRequiresSecondMeeting: LOVNORM_DEFAULTS.dissolution.requiresSecondMeeting,
      };
  return { facts: calendarFacts(facts), statutes, today: osloDate(now) };
}

/** The plan's facts as the rules read them; "not known" answers count as no. */
export function calendarFacts(facts: OrganisationFacts): CalendarFacts {
  return {
    phase: facts.phase,
    registered: facts.registered,
    foundedOn: facts.foundedOn,
    deleted: facts.deleted,
    inFrivillighetsregisteret: facts.inFrivillighetsregisteret,
    wantsFrivillighetsregisteret: {
      value: facts.wantsFrivillighetsregisteret.value ?? false,
      source: facts.wantsFrivillighetsregisteret.source,
    },
    grasrotandel: facts.grasrotandel,
    umbrellaMomsDeadline: facts.umbrellaMomsDeadline,
    accountsReportingTakenOn: { value: facts.accountsReportingTakenOn.value ?? false, source: facts.accountsReportingTakenOn.source },
    // The role only, never the person's name: the calendar travels to calendar apps and e-mail (brief §5.6, §7).
    politiattester: {
      value: facts.politiattester.value.map((check): { key: string; label: string; shownOn: IsoDate } => ({
        key: check.id,
        label: check.role,
        shownOn: check.shownOn,
      })),
      source: facts.politiattester.source,
    },
    dissolutionDecidedOn: facts.dissolutionDecidedOn,
  };
}
