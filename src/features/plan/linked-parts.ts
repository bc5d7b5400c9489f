import type { Db } from '../../core/db/client.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
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

export async function readLinkedParts(_db: Db, _organisationId: string): Promise<LinkedParts> {
  return { statutes: null, foundingMeeting: null, registration: null };
}
