import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkFormAnswers, type FormTrigger, type SentValue } from '@switchyard/engine';
import { DataSource } from 'typeorm';
import { LOGGER, type Logger } from '../../common/logger';
import { RateLimiter } from '../../ingest/rate-limiter';
import { DISPATCHER, type Dispatcher } from '../../runtime/dispatch/dispatcher';
import { RunLedger } from '../../runtime/ledger/run-ledger';
import { VersionStore } from '../../versions/version-store';
import { type Firing, recordFiring, recordRequest } from '../record-firing';
import { renderFormPage, renderMessagePage, renderThankYouPage } from './form-page';

/** Page views of one form from one address per minute. */
export const FORM_VIEWS_PER_MINUTE = 120;
/** Sendings of one form from one address per minute. */
export const FORM_SENDS_PER_MINUTE = 20;
/** How long a page's submission id is remembered: sending the same page again within it starts no second run. */
const SUBMISSION_WINDOW_SECONDS = 24 * 3600;
const SUBMISSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** What the controller sends back: a page, or a redirect. */
export interface FormAnswer {
  status: number;
  html?: string;
  location?: string;
  /** Seconds before asking again (429). */
  retryAfter?: number;
  /** The origin the page's form may be sent on to (the redirect URL's), for the page's CSP. */
  redirectOrigin?: string;
}

interface LoadedForm {
  workflowId: string;
  workspaceId: string;
  versionId: string;
  trigger: FormTrigger;
}

const INSERT_SUBMISSION_SQL = `
INSERT INTO trigger_dedupe_keys (workflow_id, key, run_id, request_id, created_at, expires_at)
VALUES ($1, $2, $3, $4, now(), now() + make_interval(secs => $5))
ON CONFLICT (workflow_id, key) DO UPDATE
  SET run_id = EXCLUDED.run_id, request_id = EXCLUDED.request_id, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
  WHERE trigger_dedupe_keys.expires_at <= now()
RETURNING run_id`;

class DuplicateSubmission extends Error {}

const newSubmissionId = () => randomBytes(16).toString('base64url');

/**
 * The hosted form of a form trigger, at `/forms/<token>` (the workflow's trigger token): shows the
 * published version's form, checks a sending as the browser does, and records a valid one as a
 * request with the verdict `form` and its run, in one transaction, like every firing. Each page
 * carries a one-time submission id: sending it twice (a double click, Back and send again) is
 * recorded as a duplicate and starts no second run.
 */
@Injectable()
export class HostedFormService {
  private readonly limiter = new RateLimiter();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    private readonly ledger: RunLedger,
    private readonly versions: VersionStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async show(token: string, ip: string): Promise<FormAnswer> {
    const limited = this.limit(`view:${token}:${ip}`, FORM_VIEWS_PER_MINUTE);
    if (limited) return limited;
    const form = await this.load(token);
    if ('status' in form) return form;
    return { status: 200, html: renderFormPage(form.trigger, { submission: newSubmissionId() }), ...this.origin(form.trigger) };
  }

  async send(token: string, ip: string, body: unknown, headers: Record<string, string | string[] | undefined>): Promise<FormAnswer> {
    const limited = this.limit(`send:${token}:${ip}`, FORM_SENDS_PER_MINUTE);
    if (limited) return limited;
    const form = await this.load(token);
    if ('status' in form) return form;
    const sent = sentValues(body);
    const submission = typeof sent._submission === 'string' && SUBMISSION_ID.test(sent._submission) ? sent._submission : null;
    const checked = checkFormAnswers(form.trigger, sent);
    if (!checked.answers) {
      const html = renderFormPage(form.trigger, {
        values: checked.values,
        errors: checked.errors,
        submission: submission ?? newSubmissionId(),
      });
      return { status: 400, html, ...this.origin(form.trigger) };
    }

    const redirect = form.trigger.redirectUrl;
    const firing: Firing = {
      workspaceId: form.workspaceId,
      workflowId: form.workflowId,
      versionId: form.versionId,
      verdict: 'form',
      reason: `Form "${form.trigger.title}" sent`,
      body: checked.answers,
      method: 'POST',
      // The answers are stored as JSON (content type application/json, as for every firing).
      headers: typeof headers['user-agent'] === 'string' ? { 'user-agent': headers['user-agent'].slice(0, 500) } : {},
      statusCode: redirect ? 303 : 200,
    };
    try {
      const fired = await this.dataSource.transaction(async (tx) => {
        const recorded = await recordFiring(tx, this.ledger, firing);
        if (submission) {
          const claimed = await tx.query(INSERT_SUBMISSION_SQL, [
            form.workflowId,
            `form:${submission}`,
            recorded.runId,
            recorded.requestId,
            SUBMISSION_WINDOW_SECONDS,
          ]);
          if (claimed.length === 0) throw new DuplicateSubmission();
        }
        return recorded;
      });
      this.dispatcher.dispatch([fired.runId]);
    } catch (err) {
      if (!(err instanceof DuplicateSubmission)) throw err;
      await this.recordDuplicate(firing, form.workflowId, submission as string);
    }
    if (redirect) return { status: 303, location: redirect };
    return { status: 200, html: renderThankYouPage(form.trigger) };
  }

  /** The same page sent again: recorded, like a duplicate webhook delivery, naming the run it already started. */
  private async recordDuplicate(firing: Firing, workflowId: string, submission: string): Promise<void> {
    const rows: Array<{ run_id: string }> = await this.dataSource.query(
      'SELECT run_id FROM trigger_dedupe_keys WHERE workflow_id = $1 AND key = $2',
      [workflowId, `form:${submission}`],
    );
    // 'duplicate' is a verdict of the contract the firing type does not list (firings start runs).
    const duplicate = {
      ...firing,
      verdict: 'duplicate',
      reason: `The same form page was sent again; it already started run ${rows[0]?.run_id ?? '(unknown)'}`,
    } as unknown as Firing;
    await recordRequest(this.dataSource.manager, duplicate);
    this.logger.info({ workflowId, runId: rows[0]?.run_id }, 'form sent twice: recorded as a duplicate');
  }

  private limit(key: string, perMinute: number): FormAnswer | null {
    const wait = this.limiter.take(key, perMinute, Date.now());
    if (wait === 0) return null;
    return {
      status: 429,
      retryAfter: wait,
      html: renderMessagePage('Too many tries', `This form was sent or opened too often from your address. Try again in ${wait} seconds.`),
    };
  }

  private origin(trigger: FormTrigger): Pick<FormAnswer, 'redirectOrigin'> {
    return trigger.redirectUrl ? { redirectOrigin: new URL(trigger.redirectUrl).origin } : {};
  }

  /** The form of the token's workflow, or the page saying why there is none. */
  private async load(token: string): Promise<LoadedForm | FormAnswer> {
    const notFound: FormAnswer = {
      status: 404,
      html: renderMessagePage('Form not found', 'There is no form at this address. The link may be mistyped, or the form was moved.'),
    };
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(token)) return notFound;
    const rows: Array<{ id: string; workspace_id: string; active: boolean; current_version_id: string | null }> =
      await this.dataSource.query('SELECT id, workspace_id, active, current_version_id FROM workflows WHERE token = $1', [token]);
    const row = rows[0];
    if (!row?.current_version_id) return notFound;
    const { trigger } = await this.versions.get(row.current_version_id);
    if (trigger.type !== 'form') return notFound;
    if (!row.active) {
      return {
        status: 410,
        html: renderMessagePage(trigger.title, 'This form is closed: it does not accept answers at the moment.'),
      };
    }
    return { workflowId: row.id, workspaceId: row.workspace_id, versionId: row.current_version_id, trigger };
  }
}

/** The parsed body as field values: urlencoded (strings, or arrays for repeated names) or a JSON object. */
function sentValues(body: unknown): Record<string, SentValue> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const values: Record<string, SentValue> = Object.create(null);
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
    else if (Array.isArray(value)) values[key] = value.map((v) => String(v));
  }
  return values;
}
