import { describe, expect, it } from 'vitest';
import { SAMPLE_ANSWERS as A } from '../../../test/helpers/statutes-fixtures.ts';
import { catalogueFor } from '../../core/i18n/catalogue.ts';
import {
  blockingResults,
  type CheckContext,
  type CheckStatus,
  mentionsMembers,
  nameProblems,
  purposeIsSpecific,
  runChecks,
  STATUTES_CHECKS,
} from './statutes.checks.ts';
import type { DraftAnswers } from './statutes.schema.ts';

/** One table per check: each row is a draft, the context and the status the check must give. */
type Row = [description: string, draft: DraftAnswers, expected: CheckStatus, ctx?: Partial<CheckContext>];

const inFrr: CheckContext = { registeredInFrr: true };

function status(id: string, draft: DraftAnswers, ctx: Partial<CheckContext> = {}): CheckStatus {
  const check = STATUTES_CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check.evaluate(draft, { ...inFrr, ...ctx });
}

const TABLES: Record<string, Row[]> = {
  'name-present': [
    ['a name', { name: 'Løvstakken sjakklubb' }, 'pass'],
    ['blank after trimming', { name: '  ' }, 'fail'],
    ['one letter', { name: 'X' }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'name-registrable': [
    ['an ordinary name', { name: 'Løvstakken sjakklubb' }, 'pass'],
    ['Sami and punctuation', { name: 'Kárášjoga searat – «Vi og dere» (2024)' }, 'pass'],
    ['only digits', { name: '2024' }, 'fail'],
    ['ends in AS', { name: 'Sjakk AS' }, 'fail'],
    ['ends in A/S', { name: 'Sjakk A/S' }, 'fail'],
    ['ends in DA', { name: 'Turlaget DA' }, 'fail'],
    ['lower-case "sa" is a word', { name: 'Vi sa ja' }, 'pass'],
    ['"stiftelse" names a foundation', { name: 'Stiftelsen Sjakk for alle' }, 'fail'],
    ['odd characters', { name: 'Sjakk <script>' }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'kommune-valid': [
    ['Bergen', { kommunenummer: '4601' }, 'pass'],
    ['Oslo', { kommunenummer: '0301' }, 'pass'],
    ['a number that was merged away (Bergen before 2020)', { kommunenummer: '1201' }, 'fail'],
    ['not a number', { kommunenummer: 'abcd' }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'purpose-present': [
    ['a purpose', { purpose: A.purpose }, 'pass'],
    ['blank', { purpose: '   ' }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'purpose-specific': [
    ['says what and for whom', { name: A.name, purpose: A.purpose }, 'pass'],
    ['just the name', { name: 'Løvstakken sjakklubb', purpose: 'Løvstakken sjakklubb.' }, 'fail'],
    ['the name and one word', { name: 'Løvstakken sjakklubb', purpose: 'Løvstakken sjakklubb for alle' }, 'fail'],
    ['the name and three words', { name: 'Løvstakken sjakklubb', purpose: 'Løvstakken sjakklubb lærer barn sjakk' }, 'pass'],
    ['no name answered yet: three words', { purpose: 'Å spille sjakk' }, 'pass'],
    ['not answered', { name: A.name }, 'unanswered'],
  ],
  selveiende: [
    ['yes', { selveiende: true }, 'pass'],
    ['no', { selveiende: false }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'dissolution-clause': [
    ['a recipient', { dissolution: A.dissolution }, 'pass'],
    ['a blank recipient', { dissolution: { ...A.dissolution, assetsTo: '  ' } }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'assets-not-to-members': [
    ['a district body', { dissolution: A.dissolution }, 'pass'],
    ['a "medlemsforening" is another word', { dissolution: { ...A.dissolution, assetsTo: 'Norges medlemsforening for sjakk' } }, 'pass'],
    ['"medlemmene" (nb)', { dissolution: { ...A.dissolution, assetsTo: 'fordeles likt mellom medlemmene' } }, 'fail'],
    ['"Medlemmer" capitalised', { dissolution: { ...A.dissolution, assetsTo: 'Medlemmer som har betalt kontingent' } }, 'fail'],
    ['"medlemene" (nn)', { dissolution: { ...A.dissolution, assetsTo: 'delast mellom medlemene' } }, 'fail'],
    ['"medlemmenes" (nb genitive)', { dissolution: { ...A.dissolution, assetsTo: 'medlemmenes felles konto' } }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'membership-rules': [
    ['answered', { membership: A.membership }, 'pass'],
    ['not answered', {}, 'unanswered'],
  ],
  'annual-meeting-rules': [
    ['answered', { annualMeeting: A.annualMeeting }, 'pass'],
    ['not answered', {}, 'unanswered'],
  ],
  'board-rules': [
    ['answered', { board: A.board }, 'pass'],
    ['not answered', {}, 'unanswered'],
  ],
  'amendment-rules': [
    ['answered', { amendmentMajority: 'simple' }, 'pass'],
    ['not answered', {}, 'unanswered'],
  ],
  'momskomp-frr': [
    ['in Frivillighetsregisteret', {}, 'pass', { registeredInFrr: true }],
    ['not in Frivillighetsregisteret', {}, 'fail', { registeredInFrr: false }],
  ],
  'momskomp-non-profit': [
    ['selveiende, assets to a body', { selveiende: true, dissolution: A.dissolution }, 'pass'],
    ['not selveiende', { selveiende: false, dissolution: A.dissolution }, 'fail'],
    ['assets to members', { selveiende: true, dissolution: { ...A.dissolution, assetsTo: 'medlemmene' } }, 'fail'],
    ['dissolution not answered', { selveiende: true }, 'unanswered'],
  ],
  'momskomp-audit': [
    ['elected auditor', { audit: 'elected' }, 'pass'],
    ['registered auditor', { audit: 'registered-auditor' }, 'pass'],
    ['no audit', { audit: 'none' }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'momskomp-voluntary': [['the statutes cannot show it', A, 'declare']],
  'grasrot-frr': [
    ['in Frivillighetsregisteret', {}, 'pass', { registeredInFrr: true }],
    ['not in Frivillighetsregisteret', {}, 'fail', { registeredInFrr: false }],
  ],
  'grasrot-non-profit': [
    ['selveiende, assets to a body', { selveiende: true, dissolution: A.dissolution }, 'pass'],
    ['not selveiende', { selveiende: false, dissolution: A.dissolution }, 'fail'],
    ['assets to members (nn)', { selveiende: true, dissolution: { ...A.dissolution, assetsTo: 'medlemene' } }, 'fail'],
  ],
  'grasrot-local': [['the statutes cannot show it', A, 'declare']],
  'board-at-least-three': [
    ['three', { board: { minMembers: 3, maxMembers: 5, termYears: 2 } }, 'pass'],
    ['two', { board: { minMembers: 2, maxMembers: 5, termYears: 2 } }, 'fail'],
    ['not answered', {}, 'unanswered'],
  ],
  'notice-four-weeks': [
    ['a month', { annualMeeting: A.annualMeeting }, 'pass'],
    ['four weeks', { annualMeeting: { ...A.annualMeeting, noticeDays: 28 } }, 'pass'],
    ['two weeks', { annualMeeting: { ...A.annualMeeting, noticeDays: 14 } }, 'fail'],
  ],
  'amendment-two-thirds': [
    ['2/3', { amendmentMajority: 'two-thirds' }, 'pass'],
    ['3/4', { amendmentMajority: 'three-quarters' }, 'pass'],
    ['simple majority', { amendmentMajority: 'simple' }, 'fail'],
  ],
};

describe('statutes checks', () => {
  it('has a table for every check, and every check a table', () => {
    expect(Object.keys(TABLES).sort()).toEqual(STATUTES_CHECKS.map((c) => c.id).sort());
  });

  for (const check of STATUTES_CHECKS) {
    describe(`${check.id} (${check.category})`, () => {
      it.each(TABLES[check.id] ?? [])('%s', (_description, draft, expected, ctx) => {
        expect(status(check.id, draft, ctx)).toBe(expected);
      });
    });
  }

  it('explains every check in plain language with what to do, in bokmål and nynorsk', () => {
    for (const lang of ['nb', 'nn'] as const) {
      const catalogue = catalogueFor(lang) as Record<string, string | undefined>;
      for (const check of STATUTES_CHECKS) {
        for (const part of ['title', 'fail', 'fix']) {
          expect(catalogue[`statutes.check.${check.id}.${part}`], `${lang}: statutes.check.${check.id}.${part}`).toBeTruthy();
        }
      }
    }
  });

  it('a complete, sound set of answers passes every registration check; only scheme facts remain', () => {
    const results = runChecks(A, { registeredInFrr: false });
    expect(blockingResults(results)).toEqual([]);
    expect(results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['momskomp-frr', 'grasrot-frr']);
  });

  it('scheme and recommended checks never block adoption; unanswered registration checks do', () => {
    const failing = runChecks({ ...A, audit: 'none', board: { ...A.board, minMembers: 2 } }, { registeredInFrr: false });
    expect(blockingResults(failing)).toEqual([]);
    const partial = runChecks({ name: A.name }, inFrr);
    expect(blockingResults(partial).map((r) => r.id)).toContain('kommune-valid');
    expect(blockingResults(partial).every((r) => r.category === 'registration')).toBe(true);
  });

  it('helpers: name problems, member words, specific purpose', () => {
    expect(nameProblems('Sjakk ASA')).toEqual(['company-form']);
    expect(nameProblems('123')).toEqual(['no-letters']);
    expect(mentionsMembers('tidligere medlemmer')).toBe(true);
    expect(mentionsMembers('medlemskontingenten går til kretsen')).toBe(false);
    expect(purposeIsSpecific('Løvstakken sjakklubb', 'Løvstakken sjakklubb')).toBe(false);
  });
});
