import { remoteWords } from '@switchyard/engine';
import { summariseError } from './error-summary';

/** A step or run error told in plain words: what happened, and what to do about it. */
export interface ErrorExplanation {
  title: string;
  explanation: string;
  hint: string | null;
  code: string | null;
  /** True when Switchyard retries this kind of error on its own. */
  retryable: boolean | null;
}

interface Details {
  status?: unknown;
  bodyExcerpt?: unknown;
  request?: { url?: unknown; method?: unknown };
}

function readDetails(error: unknown): Details {
  if (typeof error !== 'object' || error === null) return {};
  const details = (error as { details?: unknown }).details;
  return typeof details === 'object' && details !== null ? (details as Details) : {};
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return 'The service refused our credentials: check the API key or token in the step’s headers.';
  if (status === 404) return 'The address does not exist on that service: check the step’s URL.';
  if (status === 400 || status === 422)
    return 'The service did not accept the data we sent: compare the step’s body with what the service expects.';
  if (status === 429) return 'The service is rate limiting us: replay the run later, or slow down the sender.';
  if (status >= 500) return 'The service had a problem on its side. Once it is back, replay the run from the failed step.';
  return 'Check the step’s URL, headers and body against the service’s documentation.';
}

const LIMITS: Record<string, { title: string; explanation: string }> = {
  LIMIT_TIMEOUT: {
    title: 'Expression took too long',
    explanation: 'The expression ran past its time budget and was stopped, so one slow expression cannot hold up every run.',
  },
  LIMIT_DEPTH: {
    title: 'Expression recursed too deeply',
    explanation: 'The expression called itself (or nested functions) too many levels deep.',
  },
  LIMIT_SEQUENCE: { title: 'Expression built too long a list', explanation: 'The expression produced a list longer than the limit.' },
  LIMIT_STRING: { title: 'Expression built too long a text', explanation: 'The expression produced a text longer than the limit.' },
  LIMIT_ALLOCATION: { title: 'Expression used too much memory', explanation: 'The expression allocated more data than allowed.' },
  LIMIT_OUTPUT: { title: 'Result too large', explanation: 'The step’s result is larger than the limit on what a step may output.' },
  LIMIT_DATA_DEPTH: { title: 'Data nested too deeply', explanation: 'The data is nested more levels deep than a step may handle.' },
};

/** JSONata's own error families: S (syntax), T (type), D (evaluation). */
function jsonataExplanation(code: string): Omit<ErrorExplanation, 'code' | 'retryable'> | null {
  if (code === 'D3137')
    return {
      title: 'The expression raised an error',
      explanation: 'The expression called $error() on purpose.',
      hint: 'Read the message: it is the one the workflow’s author wrote.',
    };
  if (code.startsWith('S0'))
    return {
      title: 'Expression syntax error',
      explanation: 'The expression is not valid JSONata, so it could not run.',
      hint: 'Open the step in the builder: the editor underlines the mistake.',
    };
  if (code === 'T2001' || code === 'T2002') {
    return {
      title: 'Arithmetic on something that is not a number',
      explanation: 'The expression did maths (+, -, *, /) on a value that is text, missing, or an object.',
      hint: 'Check the field names against the data, or convert text with $number().',
    };
  }
  if (code.startsWith('T')) {
    return {
      title: 'Value of the wrong type',
      explanation:
        'A function or operator in the expression got a value of a type it does not accept (for example text where a number or a list was expected).',
      hint: 'Look at the data this run received: a field may be missing or shaped differently than in your sample.',
    };
  }
  if (code.startsWith('D')) {
    return {
      title: 'Expression could not be evaluated',
      explanation: 'The expression is valid, but evaluating it on this run’s data failed.',
      hint: 'Open the run’s request in the builder as a sample to reproduce it with the live preview.',
    };
  }
  return null;
}

function explain(code: string | null, error: unknown): Omit<ErrorExplanation, 'code' | 'retryable'> {
  const details = readDetails(error);
  const url = typeof details.request?.url === 'string' ? details.request.url : null;
  switch (code) {
    case 'HTTP_STATUS': {
      const status = typeof details.status === 'number' ? details.status : null;
      const words = typeof details.bodyExcerpt === 'string' ? remoteWords(details.bodyExcerpt) : undefined;
      return {
        title: `${status ? `The service answered HTTP ${status}` : 'The service answered with an error'}${words ? `: “${words}”` : ''}`,
        explanation: `The request ${url ? `to ${url} ` : ''}reached the service, which answered with an error status${status ? ` (${status})` : ''}.`,
        hint: statusHint(status ?? 500),
      };
    }
    case 'EGRESS_BLOCKED':
      return {
        title: 'Address not allowed',
        explanation:
          'Switchyard refuses to call private, loopback, link-local and cloud metadata addresses, so a workflow cannot reach machines inside your network by accident.',
        hint: 'Use a public address, or ask your administrator to allow this host or range in SWITCHYARD_EGRESS_ALLOW.',
      };
    case 'HTTP_TIMEOUT':
      return {
        title: 'The service did not answer in time',
        explanation: 'The request was sent but no answer came back before the step’s timeout.',
        hint: 'The service may be slow or down. Raise the step’s timeout, or replay later.',
      };
    case 'HTTP_NETWORK_ERROR':
      return {
        title: 'Could not reach the service',
        explanation:
          'The connection failed before any answer: the host name may not exist, or the service refused or dropped the connection.',
        hint: 'Check the step’s URL; if it is right, the service may be down: replay later.',
      };
    case 'HTTP_TOO_MANY_REDIRECTS':
      return {
        title: 'Too many redirects',
        explanation: 'The service kept redirecting the request elsewhere.',
        hint: 'Use the final address in the step’s URL.',
      };
    case 'REGEX_UNSUPPORTED':
      return {
        title: 'Regular expression not supported',
        explanation:
          'The expression uses a regular-expression feature (such as look-behind or back-references) that our linear-time regex engine does not run, because it could stall a worker.',
        hint: 'Rewrite the pattern without look-arounds or back-references.',
      };
    case 'TEMPLATE_UNCLOSED':
      return {
        title: 'Unclosed {{ placeholder',
        explanation: 'A text field has a {{ without its closing }}.',
        hint: 'Close the placeholder in the builder.',
      };
    case 'TEMPLATE_EMPTY':
      return {
        title: 'Empty {{ }} placeholder',
        explanation: 'A text field has a placeholder with no expression inside.',
        hint: 'Put a field such as trigger.body.email between the braces, or remove it.',
      };
    case 'STOPPED':
      return { title: 'The workflow stopped itself', explanation: 'A step ended the run on purpose.', hint: null };
    case 'CREDENTIAL_NOT_FOUND':
    case 'CREDENTIALS_UNAVAILABLE':
      return {
        title: 'Credential missing',
        explanation: 'The step uses a saved credential that does not exist (any more) in this workspace.',
        hint: 'Pick another credential in the step, or create it again.',
      };
    case 'LOOP_TOO_MANY_ITEMS':
      return {
        title: 'Too many items to loop over',
        explanation: 'The list given to the loop is longer than the limit.',
        hint: 'Filter or slice the list before the loop.',
      };
    case 'DELAY_TOO_LONG':
    case 'DELAY_INVALID_TIME':
      return {
        title: 'Delay not possible',
        explanation: 'The delay is longer than allowed or its time could not be read.',
        hint: 'Check the delay step’s duration or date.',
      };
    case 'INVALID_DATE':
    case 'INVALID_TIMEZONE':
    case 'INVALID_DURATION':
      return {
        title: 'Date or time not understood',
        explanation: 'A date, time zone or duration given to a function could not be read.',
        hint: 'Use ISO 8601 dates (2026-11-23T10:00:00Z) and IANA time zones (Europe/Paris).',
      };
    case 'INTERNAL_ERROR':
      return {
        title: 'Internal error',
        explanation: 'Something went wrong inside Switchyard, not in your workflow.',
        hint: 'Replay the run; if it fails again, report it with the run id.',
      };
    default:
      break;
  }
  if (code && Object.hasOwn(LIMITS, code)) return { ...LIMITS[code], hint: 'Simplify the expression or the data it works on.' };
  if (code) {
    const jsonata = jsonataExplanation(code);
    if (jsonata) return jsonata;
  }
  return { title: 'The step failed', explanation: 'The step reported an error.', hint: null };
}

/** Maps an engine or worker error to a plain explanation; unknown codes still get a readable title. */
export function explainError(error: unknown): ErrorExplanation {
  const { code } = summariseError(error);
  const retryable =
    typeof error === 'object' && error !== null && typeof (error as { retryable?: unknown }).retryable === 'boolean'
      ? (error as { retryable: boolean }).retryable
      : null;
  return { ...explain(code, error), code, retryable };
}
