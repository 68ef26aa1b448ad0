import cronstrue from 'cronstrue';

/** The plain-language echo of a cron pattern ("At 09:00, Monday through Friday"), or why it cannot be read. */
export function describeCron(cron: string): string {
  try {
    return cronstrue.toString(cron, { use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true });
  } catch (error) {
    return `Not a valid pattern: ${typeof error === 'string' ? error : (error as Error).message}`;
  }
}
