import type { Db } from '../../core/db/client.ts';
import { type LifeEventMap, repositoryLifeEventMap } from '../life-event-map/life-event-map.content.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import { readCurrentStatutes } from '../statutes/statutes.queries.ts';
import type { IsoDate, RegistrationStatus } from './facts.ts';

/**
 * The other issue-4 parts the facts depend on, read through their contract functions (statutes, founding
 * meeting, registration package). This is the one place they plug in, so facts.ts and the rules never know
 * how those features store their data.
 */
export interface LinkedParts {
  statutes: { version: number; answers: StatutesAnswers; adoptedAt: Date | null } | null;
  foundingMeeting: { heldOn: IsoDate | null; finalisedAt: Date | null } | null;
  registration: { status: RegistrationStatus; mottakId?: string; receivedAt?: Date } | null;
}

export async function readLinkedParts(db: Db, organisationId: string): Promise<LinkedParts> {
  const statutes = await readCurrentStatutes(db, organisationId);
  return {
    statutes: statutes ? { version: statutes.version, answers: statutes.answers, adoptedAt: statutes.adoptedAt } : null,
    foundingMeeting: null,
    registration: null,
  };
}

/** The life-event map the plan links to (task titles, map anchors, workspace tools). */
export async function readMapForPlan(_db: Db): Promise<LifeEventMap> {
  return repositoryLifeEventMap();
}
