import type { Db } from '../../core/db/client.ts';
import { readFoundingMeeting } from '../founding/founding.queries.ts';
import type { LifeEventMap } from '../life-event-map/life-event-map.content.ts';
import { readLifeEventMap } from '../life-event-map/read-life-event-map.ts';
import { readRegistrationStatus } from '../registration/registration.queries.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import { readCurrentStatutes } from '../statutes/statutes.queries.ts';
import type { IsoDate, RegistrationStatus } from './facts.ts';

/**
 * The other issue-4 parts the facts depend on, read through their contract functions (statutes, founding
 * meeting, registration package) — the one place they plug in, so facts.ts and the rules never know how
 * those features store their data. No access checks here: callers have checked the role.
 */
export interface LinkedParts {
  statutes: { version: number; answers: StatutesAnswers; adoptedAt: Date | null } | null;
  foundingMeeting: { heldOn: IsoDate | null; finalisedAt: Date | null } | null;
  registration: { status: RegistrationStatus; mottakId?: string; receivedAt?: Date } | null;
}

export async function readLinkedParts(db: Db, organisationId: string): Promise<LinkedParts> {
  const [statutes, meeting, registration] = await Promise.all([
    readCurrentStatutes(db, organisationId),
    readFoundingMeeting(db, organisationId),
    readRegistrationStatus(db, organisationId),
  ]);
  return {
    statutes: statutes ? { version: statutes.version, answers: statutes.answers, adoptedAt: statutes.adoptedAt } : null,
    // A draft meeting has '' as its date until one is entered.
    foundingMeeting: meeting ? { heldOn: meeting.heldOn || null, finalisedAt: meeting.finalisedAt } : null,
    registration: registration
      ? {
          status: registration.status,
          ...(registration.mottakId ? { mottakId: registration.mottakId } : {}),
          ...(registration.receivedAt ? { receivedAt: registration.receivedAt } : {}),
        }
      : null,
  };
}

/** The life-event map the plan links to (task titles, map anchors, workspace tools), with orchestrators' edits. */
export async function readMapForPlan(db: Db): Promise<LifeEventMap> {
  return readLifeEventMap(db);
}
