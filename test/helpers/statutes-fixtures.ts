import type { StatutesAnswers } from '../../src/features/statutes/statutes.answers.ts';
import type { PageSlug } from '../../src/features/statutes/statutes.schema.ts';

/** Test data for the statutes builder: one complete set of answers and the forms that produce it. */

export const SAMPLE_ANSWERS: StatutesAnswers = {
  name: 'Løvstakken sjakklubb',
  kommunenummer: '4601',
  purpose: 'Foreningen skal gi barn og unge i bydelen et gratis sjakktilbud og arrangere turneringer.',
  membership: {
    openTo: 'alle som slutter seg til foreningens formål',
    votingMinimumAge: 15,
    votingMinimumMonths: 1,
    feeRequiredToVote: true,
  },
  feeSetBy: 'arsmote',
  annualMeeting: { deadlineMonth: 3, deadlineDay: 31, noticeDays: 30, proposalsDays: 14, papersDays: 7 },
  board: { minMembers: 3, maxMembers: 7, termYears: 2 },
  signature: 'leader-and-one-board-member',
  amendmentMajority: 'two-thirds',
  dissolution: { majority: 'two-thirds', requiresSecondMeeting: true, assetsTo: 'Bergen sjakkrets, til arbeid for barn og unge' },
  selveiende: true,
  audit: 'elected',
};

/** The form each question page posts for SAMPLE_ANSWERS (bokmål statutes). */
export const SAMPLE_FORMS: Record<PageSlug, Record<string, string>> = {
  malform: { language: 'nb' },
  navn: { name: SAMPLE_ANSWERS.name },
  kommune: { kommune: '4601' },
  formal: { purpose: SAMPLE_ANSWERS.purpose },
  organisasjonsform: { selveiende: 'yes' },
  medlemskap: { openTo: SAMPLE_ANSWERS.membership.openTo, votingMinimumAge: '15', votingMinimumMonths: '1', feeRequiredToVote: 'yes' },
  kontingent: { feeSetBy: 'arsmote' },
  arsmote: { deadlineDay: '31', deadlineMonth: '3', noticeDays: '30', proposalsDays: '14', papersDays: '7' },
  styre: { minMembers: '3', maxMembers: '7', termYears: '2' },
  signatur: { signature: 'leader-and-one-board-member' },
  vedtektsendringer: { amendmentMajority: 'two-thirds' },
  opplosning: { dissolutionMajority: 'two-thirds', requiresSecondMeeting: 'yes', assetsTo: SAMPLE_ANSWERS.dissolution.assetsTo },
  revisjon: { audit: 'elected' },
};
