import { describe, expect, it } from 'vitest';
import { SAMPLE_ANSWERS } from '../../../test/helpers/statutes-fixtures.ts';
import type { BoardEntry, FoundingData } from './founding.data.ts';
import { boardRulesFrom, checkBoard, checkLeadership, checkSigners, osloToday, parseDateInput, validateMeeting } from './founding.rules.ts';

const rules = { minMembers: 3, maxMembers: 5, statutesVersion: 1 };
const person = (name: string, role: BoardEntry['role']): BoardEntry => ({ name, role });

describe('checkBoard: the board against the statutes', () => {
  const cases: { name: string; board: BoardEntry[]; keys: string[] }[] = [
    {
      name: 'a leader and two board members is the smallest board allowed',
      board: [person('Kari', 'leader'), person('Ola', 'board_member'), person('Per', 'treasurer')],
      keys: [],
    },
    {
      name: 'two members are too few',
      board: [person('Kari', 'leader'), person('Ola', 'board_member')],
      keys: ['founding.problem.boardTooSmall'],
    },
    {
      name: 'deputies do not count towards the size',
      board: [person('Kari', 'leader'), person('Ola', 'board_member'), person('Vara', 'deputy'), person('Vara To', 'deputy')],
      keys: ['founding.problem.boardTooSmall'],
    },
    {
      name: 'six members are too many for a maximum of five',
      board: ['Kari', 'A', 'B', 'C', 'D', 'E'].map((n, i) => person(n, i === 0 ? 'leader' : 'board_member')),
      keys: ['founding.problem.boardTooLarge'],
    },
    {
      name: 'five members and any number of deputies is within the maximum',
      board: [
        ...['Kari', 'A', 'B', 'C', 'D'].map((n, i) => person(n, i === 0 ? 'leader' : 'board_member')),
        person('V1', 'deputy'),
        person('V2', 'deputy'),
      ],
      keys: [],
    },
    {
      name: 'a board without a leader',
      board: [person('A', 'board_member'), person('B', 'board_member'), person('C', 'treasurer')],
      keys: ['founding.problem.noLeader'],
    },
    {
      name: 'two leaders',
      board: [person('A', 'leader'), person('B', 'leader'), person('C', 'board_member')],
      keys: ['founding.problem.twoLeaders'],
    },
    {
      name: 'the same person twice (names compared without case and extra spaces)',
      board: [person('Kari Nordmann', 'leader'), person('kari  nordmann', 'board_member'), person('Ola', 'board_member')],
      keys: ['founding.problem.boardDuplicate'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(checkBoard(c.board, rules).map((p) => p.key)).toEqual(c.keys);
    });
  }

  it('says how many members there are and how many the statutes ask for', () => {
    const [problem] = checkBoard([person('Kari', 'leader')], rules);
    expect(problem).toMatchObject({ page: 'styre', params: { min: 3, count: 1 } });
  });

  it('takes the size from the adopted statutes, else the lovnorm default (3–7)', () => {
    expect(boardRulesFrom(null)).toEqual({ minMembers: 3, maxMembers: 7, statutesVersion: null });
    const statutes = { version: 4, answers: { ...SAMPLE_ANSWERS, board: { minMembers: 5, maxMembers: 9, termYears: 2 } } };
    expect(boardRulesFrom(statutes)).toEqual({ minMembers: 5, maxMembers: 9, statutesVersion: 4 });
  });
});

describe('checkSigners and checkLeadership: people in roles must be present', () => {
  const attendees = [{ name: 'Kari Nordmann' }, { name: 'Ola Ås' }, { name: 'Per Li' }];

  it('accepts two different attendees', () => {
    expect(checkSigners(['Kari Nordmann', 'Ola Ås'], attendees)).toEqual([]);
  });
  it('refuses the same person twice', () => {
    expect(checkSigners(['Kari Nordmann', 'kari nordmann'], attendees).map((p) => p.key)).toEqual(['founding.problem.signersSame']);
  });
  it('refuses someone who was not present, naming them', () => {
    expect(checkSigners(['Kari Nordmann', 'Eva Borte'], attendees)).toEqual([
      { page: 'underskrivere', field: 'signer2', key: 'founding.problem.signerNotAttendee', params: { name: 'Eva Borte' } },
    ]);
  });
  it('refuses missing signers', () => {
    expect(checkSigners(undefined, attendees).map((p) => p.field)).toEqual(['signer1', 'signer2']);
  });
  it('needs the chair and the minute-taker among the attendees', () => {
    expect(checkLeadership({ chair: 'Per Li', minuteTaker: 'Ola Ås' }, attendees)).toEqual([]);
    expect(checkLeadership({ chair: 'Noen Andre', minuteTaker: 'Ola Ås' }, attendees).map((p) => p.key)).toEqual([
      'founding.problem.chairNotAttendee',
    ]);
  });
});

describe('validateMeeting: what finalising needs', () => {
  const complete: FoundingData = {
    heldOn: '2026-03-12',
    place: 'Ørsta bibliotek',
    purpose: 'Foreningen skal arrangere turer i nærmiljøet.',
    agenda: [
      { title: 'Åpning', decision: 'Kari ble valgt.' },
      { title: 'Valg av styre', decision: 'Styret ble valgt.' },
    ],
    attendees: [{ name: 'Kari' }, { name: 'Ola' }, { name: 'Per' }],
    chair: 'Kari',
    minuteTaker: 'Ola',
    board: [person('Kari', 'leader'), person('Ola', 'board_member'), person('Per', 'treasurer')],
    signers: ['Ola', 'Per'],
  };
  const allPages = ['mote', 'sakliste', 'deltakere', 'moteleder', 'styre', 'underskrivere', 'vedtak'];

  it('passes a complete meeting held today or earlier', () => {
    expect(validateMeeting({ data: complete, answeredPages: allPages, rules, today: '2026-03-12' })).toEqual([]);
  });
  it('lists every page not yet answered, and nothing else until they are', () => {
    const problems = validateMeeting({ data: {}, answeredPages: ['mote', 'styre'], rules, today: '2026-03-12' });
    expect(problems.map((p) => p.page)).toEqual(['sakliste', 'deltakere', 'moteleder', 'underskrivere', 'vedtak']);
    expect(new Set(problems.map((p) => p.key))).toEqual(new Set(['founding.problem.pageMissing']));
  });
  it('refuses a meeting in the future: a protocol records what happened', () => {
    expect(validateMeeting({ data: complete, answeredPages: allPages, rules, today: '2026-03-11' }).map((p) => p.key)).toEqual([
      'founding.problem.meetingInFuture',
    ]);
  });
  it('checks the board again against the statutes as they are now', () => {
    const stricter = { minMembers: 5, maxMembers: 7, statutesVersion: 2 };
    expect(validateMeeting({ data: complete, answeredPages: allPages, rules: stricter, today: '2026-03-12' }).map((p) => p.key)).toEqual([
      'founding.problem.boardTooSmall',
    ]);
  });
  it('finds signers and a chair no longer among the attendees, and an empty decision', () => {
    const data: FoundingData = {
      ...complete,
      attendees: [{ name: 'Kari' }, { name: 'Ola' }],
      agenda: [{ title: 'Åpning', decision: ' ' }],
    };
    expect(validateMeeting({ data, answeredPages: allPages, rules, today: '2026-03-12' }).map((p) => p.key)).toEqual([
      'founding.problem.signerNotAttendee',
      'founding.problem.decisionMissing',
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['12.03.2026', '2026-03-12'],
    ['1.3.2026', '2026-03-01'],
    ['12/03/2026', '2026-03-12'],
    [' 2026-03-12 ', '2026-03-12'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %s', (input, iso) => {
    expect(parseDateInput(input)).toBe(iso);
  });
  it.each(['29.02.2026', '31.04.2026', '12.13.2026', 'i går', '2026', ''])('refuses %j', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
  it('knows the date in Norway when UTC is still on the day before', () => {
    expect(osloToday(new Date('2026-03-11T23:30:00Z'))).toBe('2026-03-12');
  });
});
