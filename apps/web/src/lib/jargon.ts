/**
 * Plain words for the product's jargon, shown on first sight as help tips (`HelpTip`). They say the
 * same as docs/glossary.md, in fewer words: change both together.
 */
export const JARGON = {
  deadLetter: {
    label: 'What is a dead letter?',
    text: 'A failed run that Switchyard stopped retrying on its own: every automatic replay of the schedule was used up. Nothing is lost: fix the cause, then replay it by hand.',
  },
  verdict: {
    label: 'What is a verdict?',
    text: 'What Switchyard did with a request that reached the trigger URL: accepted (a run started), filtered, a duplicate, a handshake (the sender checking the URL before sending events, answered without a run) or refused, with the reason.',
  },
  rotation: {
    label: 'What is a secret rotation?',
    text: 'Changing a secret without missed deliveries: for a while both the old and the new secret are accepted, so you can give the sender the new one; then save the new one alone.',
  },
  jsonata: {
    label: 'What is JSONata?',
    text: 'The small formula language of Switchyard’s fields: trigger.body.email reads a value, $count(trigger.body.items) counts a list, "Hi " & name joins text. Click data in the data panel to insert it.',
  },
  dryRun: {
    label: 'What is a dry run?',
    text: 'A test that sends nothing: calls, messages and e-mails are recorded to show what would have been sent, and no run is kept.',
  },
  rehearsal: {
    label: 'What is a rehearsal?',
    text: 'A dry run of both the published version and your draft on the last real requests, compared step by step, to see what your changes would do before you publish them.',
  },
  idempotencyKey: {
    label: 'What is an idempotency key?',
    text: 'A label sent with each call (the Idempotency-Key header) that lets a service recognise a repeat of a call it already handled and not act twice, for example not charge a card twice when a run is replayed.',
  },
  replay: {
    label: 'What is a replay?',
    text: 'Running a recorded request again, as a new run linked to the original; the original run is left as it was.',
  },
} as const satisfies Record<string, { label: string; text: string }>;
