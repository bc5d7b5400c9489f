/**
 * An import that could not finish. The message says what went wrong and what state the data is in (for
 * example "register_enheter was not changed"), for the operator running the command.
 */
export class ImportFailedError extends Error {
  constructor(
    message: string,
    readonly runId: string | null,
    /** Records handled and committed before the failure; a resume continues from here. */
    readonly checkpoint: number,
  ) {
    super(message);
    this.name = 'ImportFailedError';
  }
}

/** Today's date in Norway (the registers' dates are Norwegian calendar dates). */
export function osloDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
