import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  easterSunday,
  isWorkingDay,
  monthDay,
  nextWorkingDay,
  norwegianPublicHolidays,
  osloDate,
  weekday,
} from './calendar.dates.ts';

describe('calendar dates', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2029, '2029-04-01'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists Norway’s twelve public holidays (2026)', () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-02', // skjærtorsdag
      '2026-04-03', // langfredag
      '2026-04-05', // 1. påskedag
      '2026-04-06', // 2. påskedag
      '2026-05-01',
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-17',
      '2026-05-24', // 1. pinsedag
      '2026-05-25', // 2. pinsedag
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it.each([
    ['2024-09-01', '2024-09-02', 'Sunday → Monday'],
    ['2029-09-01', '2029-09-03', 'Saturday → Monday'],
    ['2025-09-01', '2025-09-01', 'a Monday stays'],
    ['2026-05-14', '2026-05-15', 'Ascension Day (Thursday) → Friday'],
    ['2026-04-02', '2026-04-07', 'Maundy Thursday → past Easter to Tuesday'],
    ['2026-05-16', '2026-05-18', 'Saturday → 17 May is a Sunday in 2026 → Monday'],
    ['2027-05-17', '2027-05-18', '17 May (Monday) → Tuesday'],
    ['2026-12-25', '2026-12-28', 'Christmas Friday → Monday'],
  ])('next working day after %s is %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
    expect(isWorkingDay(expected)).toBe(true);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-12-31', 12, '2026-12-31'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds days and years across leap days and counts days between', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-31', -30)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(daysBetween('2025-08-18', '2025-09-01')).toBe(14);
    expect(daysBetween('2025-09-01', '2025-08-29')).toBe(-3);
    expect(weekday('2024-09-01')).toBe(0);
    expect(monthDay(2025, 2, 31)).toBe('2025-02-28');
    expect(monthDay(2024, 2, 30)).toBe('2024-02-29');
  });

  it('rejects dates that do not exist', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(/calendar date/);
    expect(() => addDays('1.9.2025', 1)).toThrow(/ISO date/);
  });

  it('takes today in Norway, not in UTC', () => {
    expect(osloDate(new Date('2025-08-31T22:30:00Z'))).toBe('2025-09-01'); // 00:30 summer time
    expect(osloDate(new Date('2025-12-31T22:59:00Z'))).toBe('2025-12-31'); // 23:59 winter time
    expect(osloDate(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });
});
