import { z } from 'zod';
import type { Access } from '../access/access';
import type { Action } from '../access/actions';
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from '../api-keys/api-keys.schema';
import { bundleSchema, exportQuerySchema, importBundleSchema, importPlanSchema, importResultSchema } from '../bundles/bundle.schema';
import { auditPageSchema, auditQuerySchema } from '../audit/audit.schema';
import { authStateSchema, changePasswordSchema, loginSchema, membershipSchema, setupSchema, signedInSchema } from '../auth/auth.schema';
import { testStepResultSchema, testStepSchema, testWorkflowResultSchema, testWorkflowSchema } from '../builder-test/builder-test.schema';
import {
  credentialListSchema,
  credentialSchema,
  createCredentialSchema,
  credentialTypeListSchema,
  updateCredentialSchema,
} from '../credentials/credentials.schema';
import {
  connectionListSchema,
  connectionSchema,
  connectionTestSchema,
  createConnectionSchema,
  fieldOptionsRequestSchema,
  fieldOptionsSchema,
  dynamicFieldsRequestSchema,
  dynamicFieldsListSchema,
  oauthCallbackQuerySchema,
  redirectUrlSchema,
  startedOAuthSchema,
  startOAuthSchema,
  updateConnectionSchema,
} from '../connections/connections.schema';
import { livenessSchema, readinessSchema } from '../health/health.schema';
import { workflowHealthQuerySchema, workflowHealthSchema } from '../health-view/workflow-health.schema';
import {
  inboundRequestPageSchema,
  listAllRequestsQuerySchema,
  listRequestsQuerySchema,
  refusedCountSchema,
  workspaceRequestPageSchema,
} from '../requests/requests.schema';
import {
  bulkReplayResultSchema,
  bulkReplaySchema,
  listAllRunsQuerySchema,
  listRunsQuerySchema,
  loopItemsPageSchema,
  loopItemsQuerySchema,
  replaySchema,
  runCreatedSchema,
  runPageSchema,
  runSchema,
  stepOutputSchema,
} from '../runs/runs.schema';
import { runNowResultSchema, runNowSchema } from '../triggers/run-now.schema';
import { upcomingTriggersSchema } from '../triggers/upcoming.schema';
import {
  egressCheckResultSchema,
  egressCheckSchema,
  instanceSettingsSchema,
  updateInstanceSettingsSchema,
  updateWorkspaceSettingsSchema,
  workspaceSettingsSchema,
} from '../settings/settings.schema';
import { testEventResultSchema } from '../settings/test-event.schema';
import {
  ssoDiscoveryRequestSchema,
  ssoDiscoveryResultSchema,
  ssoSettingsSchema,
  updateSsoSettingsSchema,
} from '../settings/sso-settings.schema';
import { workflowInputSchema, workflowListSchema, workflowPatchSchema, workflowSchema } from '../workflows/workflows.schema';
import {
  acceptedInviteSchema,
  acceptInviteSchema,
  createdInviteSchema,
  createInviteSchema,
  createWorkspaceSchema,
  invitePreviewSchema,
  inviteSchema,
  memberSchema,
  updateMemberSchema,
} from '../workspaces/workspaces.schema';
import {
  definitionDiffSchema,
  diffQuerySchema,
  draftSchema,
  publishSchema,
  rehearsalParamsSchema,
  rehearsalSchema,
  saveDraftSchema,
  startRehearsalSchema,
  versionDetailSchema,
  versionListSchema,
  versionParamsSchema,
} from '../versions/versions.schema';
import { pinnedSampleResultSchema, pinnedSampleSchema, pinSampleSchema } from '../workflows/pinned-sample.schema';
import type { HttpMethod, RouteKey, RouteSpec } from './route-spec';

/** The outline of an OpenAPI document; its parts are JSON Schema and not checked further. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});

const action = (name: Action): Access => ({ kind: 'action', action: name });
const signedIn = (options: { userOnly?: boolean } = {}): Access => ({ kind: 'signed-in', ...options });
const publicRoute = (options: { duringSetup?: boolean } = {}): Access => ({ kind: 'public', ...options });

const id = z.strictObject({ id: z.uuid() });
const runStep = z.strictObject({
  id: z.uuid(),
  stepId: z.string().describe('The step’s journal key: `m`, `route.0.notify`, `each[3].post`'),
});
const memberParams = z.strictObject({ userId: z.uuid() });
const tokenParams = z.strictObject({ token: z.string() });

/**
 * Every route of the HTTP api: who may call it, what it takes and what it answers. The api's
 * AccessGuard decides access from it, its contract check parses answers with it (outside
 * production), and the authorization-matrix test checks that it lists exactly the api's routes.
 */
export const ROUTES = {
  'GET /api/workflows': { summary: 'List workflows', access: action('workflow.read'), status: 200, response: workflowListSchema },
  'POST /api/workflows': {
    summary: 'Create a workflow (active and live at once unless `active: false`)',
    access: action('workflow.create'),
    body: workflowInputSchema,
    status: 201,
    response: workflowSchema,
  },
  'GET /api/workflows/:id': {
    summary: 'Get a workflow',
    access: action('workflow.read'),
    params: id,
    status: 200,
    response: workflowSchema,
  },
  'PUT /api/workflows/:id': {
    summary: 'Replace a workflow (a new version when the definition changes)',
    access: action('workflow.edit'),
    params: id,
    body: workflowInputSchema,
    status: 200,
    response: workflowSchema,
  },
  'PATCH /api/workflows/:id': {
    summary: 'Change some of a workflow’s fields; `{ active }` pauses or resumes it',
    access: action('workflow.edit'),
    params: id,
    body: workflowPatchSchema,
    status: 200,
    response: workflowSchema,
  },
  'DELETE /api/workflows/:id': {
    summary: 'Delete a workflow with its requests and runs',
    access: action('workflow.delete'),
    params: id,
    status: 204,
    response: null,
  },
  'GET /api/workflows/:id/draft': {
    summary: 'The workflow’s draft: what the builder edits (the live trigger runs the published version)',
    access: action('workflow.read'),
    params: id,
    status: 200,
    response: draftSchema,
  },
  'PUT /api/workflows/:id/draft': {
    summary: 'Save the draft; 409 when another save happened since `revision` was loaded',
    access: action('workflow.edit'),
    params: id,
    body: saveDraftSchema,
    status: 200,
    response: draftSchema,
  },
  'DELETE /api/workflows/:id/draft': {
    summary: 'Discard the draft’s changes: it becomes the published version again',
    access: action('workflow.edit'),
    params: id,
    status: 200,
    response: draftSchema,
  },
  'POST /api/workflows/:id/publish': {
    summary: 'Publish the draft as a new version (only when it validates); the trigger runs it at once',
    access: action('workflow.edit'),
    params: id,
    body: publishSchema,
    status: 201,
    response: workflowSchema,
  },
  'GET /api/workflows/:id/versions': {
    summary: 'Published versions, newest first, with who published them, when and the message',
    access: action('workflow.read'),
    params: id,
    status: 200,
    response: versionListSchema,
  },
  'GET /api/workflows/:id/versions/:versionId': {
    summary: 'A published version with its definition',
    access: action('workflow.read'),
    params: versionParamsSchema,
    status: 200,
    response: versionDetailSchema,
  },
  'POST /api/workflows/:id/versions/:versionId/restore': {
    summary: 'Make a version the draft (publish to make it live); trigger secrets stay as they are',
    access: action('workflow.edit'),
    params: versionParamsSchema,
    status: 200,
    response: draftSchema,
  },
  'GET /api/workflows/:id/diff': {
    summary: 'A step-by-step diff of two versions, or of the draft and a version (`draft` as either side)',
    access: action('workflow.read'),
    params: id,
    query: diffQuerySchema,
    status: 200,
    response: definitionDiffSchema,
  },
  'POST /api/workflows/:id/rehearsals': {
    summary: 'Rehearse the draft against the published version on the last N accepted requests (side effects recorded, not sent)',
    access: action('test.run'),
    params: id,
    body: startRehearsalSchema,
    status: 202,
    response: rehearsalSchema,
  },
  'GET /api/workflows/:id/rehearsals/:rehearsalId': {
    summary: 'A rehearsal’s progress and, per request, what differs',
    access: action('workflow.read'),
    params: rehearsalParamsSchema,
    status: 200,
    response: rehearsalSchema,
  },
  'GET /api/workflows/:id/runs': {
    summary: 'Runs of a workflow, newest first',
    access: action('workflow.read'),
    params: id,
    query: listRunsQuerySchema,
    status: 200,
    response: runPageSchema,
  },
  'GET /api/workflows/:id/requests': {
    summary: 'Requests received at a workflow’s trigger URL, run or not, newest first',
    access: action('workflow.read'),
    params: id,
    query: listRequestsQuerySchema,
    status: 200,
    response: inboundRequestPageSchema,
  },
  'GET /api/workflows/:id/health': {
    summary: 'A workflow’s health over the last days: requests per hour by verdict, runs by status, the last success, its watch alerts',
    access: action('workflow.read'),
    params: id,
    query: workflowHealthQuerySchema,
    status: 200,
    response: workflowHealthSchema,
  },
  'POST /api/workflows/:id/run': {
    summary: 'Run now: start the published version by hand with a JSON input, recorded as a `manual` request',
    access: action('run.start'),
    params: id,
    body: runNowSchema,
    status: 201,
    response: runNowResultSchema,
  },
  'POST /api/workflows/:id/token': {
    summary: 'Rotate the trigger token: a new webhook URL or hosted form address; the old one stops working at once',
    access: action('workflow.edit'),
    params: id,
    status: 200,
    response: workflowSchema,
  },
  'GET /forms/:token': {
    summary: 'The hosted form of a form trigger: an HTML page that works without JavaScript (404 unknown, 410 switched off)',
    access: publicRoute(),
    params: tokenParams,
    status: 200,
    response: null,
    produces: 'text/html',
  },
  'POST /forms/:token': {
    summary:
      'Send the hosted form (application/x-www-form-urlencoded): starts a run recorded as a `form` request, then the thank-you page or a 303 to the redirect URL; 400 re-renders the page with each field’s error',
    access: publicRoute(),
    params: tokenParams,
    status: 200,
    response: null,
    produces: 'text/html',
  },
  'GET /api/workflows/:id/requests/refused': {
    summary: 'How many requests a workflow’s trigger URL refused in the last 24 hours',
    access: action('workflow.read'),
    params: id,
    status: 200,
    response: refusedCountSchema,
  },
  'GET /api/requests': {
    summary: 'Requests received at every workflow’s trigger URL, run or not, newest first',
    access: action('run.read'),
    query: listAllRequestsQuerySchema,
    status: 200,
    response: workspaceRequestPageSchema,
  },
  'GET /api/workflows/:id/events': {
    summary: 'Server-Sent Events of a workflow: `request` and `run` (see requestEventSchema, runEventSchema), `ping` every 15 s',
    access: action('workflow.read'),
    params: id,
    status: 200,
    response: null,
    produces: 'text/event-stream',
  },
  'GET /api/triggers/upcoming': {
    summary: 'Schedules and polls of the workspace and when each fires next, soonest first',
    access: action('workflow.read'),
    status: 200,
    response: upcomingTriggersSchema,
  },
  'GET /api/runs': {
    summary: 'Runs of every workflow, newest first',
    access: action('run.read'),
    query: listAllRunsQuerySchema,
    status: 200,
    response: runPageSchema,
  },
  'POST /api/runs/replay': {
    summary: 'Replay the runs listed, or those matching a filter (at most 1,000)',
    access: action('run.replay'),
    body: bulkReplaySchema,
    status: 201,
    response: bulkReplayResultSchema,
  },
  'GET /api/runs/:id': {
    summary: 'A run with its request and steps',
    access: action('run.read'),
    params: id,
    status: 200,
    response: runSchema,
  },
  'GET /api/runs/:id/steps/:stepId/items': {
    summary: 'A page of a loop step’s items',
    access: action('run.read'),
    params: runStep,
    query: loopItemsQuerySchema,
    status: 200,
    response: loopItemsPageSchema,
  },
  'GET /api/runs/:id/steps/:stepId/output': {
    summary: 'The whole output of one step (for outputs over the inline cap)',
    access: action('run.read'),
    params: runStep,
    status: 200,
    response: stepOutputSchema,
  },
  'POST /api/runs/:id/replay': {
    summary: 'Replay a run, from the start or from its failed step',
    access: action('run.replay'),
    params: id,
    body: replaySchema,
    status: 201,
    response: runCreatedSchema,
  },
  'POST /api/requests/:id/replay': {
    summary: 'Run a stored request into its workflow, whatever its verdict was',
    access: action('run.replay'),
    params: id,
    status: 201,
    response: runCreatedSchema,
  },
  'GET /api/requests/:id/body': {
    summary: 'The raw body of a stored request, as an attachment',
    access: action('run.read'),
    params: id,
    status: 200,
    response: null,
    produces: 'application/octet-stream',
  },
  'POST /api/test/step': {
    summary: 'Test one step on sample data (HTTP calls are made; nothing is recorded)',
    access: action('test.run'),
    body: testStepSchema,
    status: 200,
    response: testStepResultSchema,
  },
  'POST /api/test/workflow': {
    summary: 'Test a whole definition on a sample request (nothing is recorded)',
    access: action('test.run'),
    body: testWorkflowSchema,
    status: 200,
    response: testWorkflowResultSchema,
  },
  'GET /api/health/live': {
    summary: 'The process is up',
    access: publicRoute({ duringSetup: true }),
    status: 200,
    response: livenessSchema,
  },
  'GET /api/health/ready': {
    summary: 'PostgreSQL and the queue answer (503 while either is out, or shutting down)',
    access: publicRoute({ duringSetup: true }),
    status: 200,
    response: readinessSchema,
    otherResponses: { 503: readinessSchema },
  },
  'GET /api/auth/state': {
    summary: 'Setup state, the caller, their workspaces and CSRF token',
    access: publicRoute({ duringSetup: true }),
    status: 200,
    response: authStateSchema,
  },
  'POST /api/auth/setup': {
    summary: 'Create the owner account (once) and sign in',
    access: publicRoute({ duringSetup: true }),
    body: setupSchema,
    status: 201,
    response: signedInSchema,
  },
  'POST /api/auth/login': { summary: 'Sign in', access: publicRoute(), body: loginSchema, status: 200, response: signedInSchema },
  'GET /api/auth/oidc/start': {
    summary: 'Single sign-on: redirect to the OpenID Connect provider (authorization code + PKCE)',
    access: publicRoute(),
    status: 302,
    response: null,
  },
  'GET /api/auth/oidc/callback': {
    summary: 'Single sign-on: the provider redirects back here; signs in and redirects to the app',
    access: publicRoute(),
    status: 302,
    response: null,
  },
  'POST /api/auth/logout': { summary: 'End this session', access: signedIn({ userOnly: true }), status: 204, response: null },
  'POST /api/auth/logout-all': {
    summary: 'End every session of the user, this one included',
    access: signedIn({ userOnly: true }),
    status: 204,
    response: null,
  },
  'POST /api/auth/password': {
    summary: 'Change the password (ends the user’s other sessions)',
    access: signedIn({ userOnly: true }),
    body: changePasswordSchema,
    status: 204,
    response: null,
  },
  'GET /api/workspaces': {
    summary: 'The caller’s workspaces and roles',
    access: signedIn(),
    status: 200,
    response: z.array(membershipSchema),
  },
  'POST /api/workspaces': {
    summary: 'Create a workspace, owned by the caller',
    access: signedIn({ userOnly: true }),
    body: createWorkspaceSchema,
    status: 201,
    response: membershipSchema,
  },
  'DELETE /api/workspaces/current': {
    summary: 'Delete the request’s workspace and everything in it',
    access: action('workspace.delete'),
    status: 204,
    response: null,
  },
  'GET /api/workspaces/current/members': {
    summary: 'Members of the workspace',
    access: action('members.read'),
    status: 200,
    response: z.array(memberSchema),
  },
  'PATCH /api/workspaces/current/members/:userId': {
    summary: 'Change a member’s role',
    access: action('members.manage'),
    params: memberParams,
    body: updateMemberSchema,
    status: 200,
    response: memberSchema,
  },
  'DELETE /api/workspaces/current/members/:userId': {
    summary: 'Remove a member',
    access: action('members.manage'),
    params: memberParams,
    status: 204,
    response: null,
  },
  'GET /api/workspaces/current/invites': {
    summary: 'Open invites',
    access: action('invites.manage'),
    status: 200,
    response: z.array(inviteSchema),
  },
  'POST /api/workspaces/current/invites': {
    summary: 'Invite someone (a one-time link; e-mailed when SMTP is set)',
    access: action('invites.manage'),
    body: createInviteSchema,
    status: 201,
    response: createdInviteSchema,
  },
  'DELETE /api/workspaces/current/invites/:id': {
    summary: 'Revoke an invite',
    access: action('invites.manage'),
    params: id,
    status: 204,
    response: null,
  },
  'GET /api/invites/:token': {
    summary: 'What an invite link is for',
    access: publicRoute(),
    params: tokenParams,
    status: 200,
    response: invitePreviewSchema,
  },
  'POST /api/invites/:token/accept': {
    summary: 'Accept an invite: join as the signed-in user, or create an account',
    access: publicRoute(),
    params: tokenParams,
    body: acceptInviteSchema,
    status: 200,
    response: acceptedInviteSchema,
  },
  'GET /api/api-keys': {
    summary: 'API keys of the workspace',
    access: action('apiKeys.manage'),
    status: 200,
    response: z.array(apiKeySchema),
  },
  'POST /api/api-keys': {
    summary: 'Create an API key (the key is shown in this answer only)',
    access: action('apiKeys.manage'),
    body: createApiKeySchema,
    status: 201,
    response: createdApiKeySchema,
  },
  'DELETE /api/api-keys/:id': { summary: 'Revoke an API key', access: action('apiKeys.manage'), params: id, status: 204, response: null },
  'GET /api/credential-types': {
    summary: 'The kinds of credential and their fields',
    access: signedIn(),
    status: 200,
    response: credentialTypeListSchema,
  },
  'GET /api/credentials': {
    summary: 'Stored credentials (secrets only as hints; viewers see names only)',
    access: action('credentials.read'),
    status: 200,
    response: credentialListSchema,
  },
  'POST /api/credentials': {
    summary: 'Store a credential',
    access: action('credentials.manage'),
    body: createCredentialSchema,
    status: 201,
    response: credentialSchema,
  },
  'GET /api/credentials/:id': {
    summary: 'Get a credential',
    access: action('credentials.read'),
    params: id,
    status: 200,
    response: credentialSchema,
  },
  'PUT /api/credentials/:id': {
    summary: 'Rename a credential or change its fields (omitted secrets keep their value)',
    access: action('credentials.manage'),
    params: id,
    body: updateCredentialSchema,
    status: 200,
    response: credentialSchema,
  },
  'DELETE /api/credentials/:id': {
    summary: 'Delete a credential (409 while a workflow uses it)',
    access: action('credentials.manage'),
    params: id,
    status: 204,
    response: null,
  },
  'GET /api/bundles/export': {
    summary: 'Export workflows as a bundle: the ones listed, or the whole workspace (never secrets, never trigger tokens)',
    access: action('workflow.read'),
    query: exportQuerySchema,
    status: 200,
    response: bundleSchema,
  },
  'POST /api/bundles/preview': {
    summary: 'What importing a bundle would create, update and need (nothing is written)',
    access: action('workflow.edit'),
    body: importBundleSchema,
    status: 200,
    response: importPlanSchema,
  },
  'POST /api/bundles/import': {
    summary: 'Import a bundle: workflows matched by externalId are updated, the others created (all checked first)',
    access: action('workflow.edit'),
    body: importBundleSchema,
    status: 200,
    response: importResultSchema,
  },
  'GET /api/openapi.json': {
    summary: 'This OpenAPI 3.1 document, generated from the contract',
    access: publicRoute(),
    status: 200,
    response: openApiDocumentSchema,
  },
  'GET /api/docs': {
    summary: 'The API reference, rendered from /api/openapi.json',
    access: publicRoute(),
    status: 200,
    response: null,
    produces: 'text/html',
  },
  'GET /api/connections': {
    summary: 'App connections of the workspace (secrets only as hints)',
    access: action('credentials.read'),
    status: 200,
    response: connectionListSchema,
  },
  'POST /api/connections': {
    summary: 'Connect an app with a key, token or login; its identity call names the account',
    access: action('credentials.manage'),
    body: createConnectionSchema,
    status: 201,
    response: connectionSchema,
  },
  'GET /api/connections/oauth/redirect-url': {
    summary: 'The redirect URL to register with OAuth providers',
    access: signedIn(),
    status: 200,
    response: redirectUrlSchema,
  },
  'POST /api/connections/oauth/start': {
    summary: "Start an OAuth 2 sign-in (authorization code with PKCE): answers the provider's consent URL",
    access: action('credentials.manage'),
    body: startOAuthSchema,
    status: 201,
    response: startedOAuthSchema,
  },
  'GET /api/connections/oauth/callback': {
    summary: 'Where the provider returns after consent: exchanges the code and stores the tokens',
    access: { kind: 'public' },
    query: oauthCallbackQuerySchema,
    status: 200,
    response: null,
    produces: 'text/html',
  },
  'POST /api/connections/:id/test': {
    summary: "Test a connection: calls the app's identity endpoint",
    access: action('credentials.manage'),
    params: id,
    status: 200,
    response: connectionTestSchema,
  },
  'PATCH /api/connections/:id': {
    summary: 'Rename a connection',
    access: action('credentials.manage'),
    params: id,
    body: updateConnectionSchema,
    status: 200,
    response: connectionSchema,
  },
  'DELETE /api/connections/:id': {
    summary: 'Delete a connection (refused with 409, naming the workflows, while steps use it)',
    access: action('credentials.manage'),
    params: id,
    status: 204,
    response: null,
  },
  'POST /api/apps/options': {
    summary: "A live list of an action's field (dynamic choice), read through a connection",
    access: action('workflow.edit'),
    body: fieldOptionsRequestSchema,
    status: 200,
    response: fieldOptionsSchema,
  },
  'POST /api/apps/fields': {
    summary: "The fields an action reads from the app (dynamic fields: a Notion database's properties), through a connection",
    access: action('workflow.edit'),
    body: dynamicFieldsRequestSchema,
    status: 200,
    response: dynamicFieldsListSchema,
  },
  'POST /api/workflows/:id/test-event': {
    summary: 'Send a provider-shaped test event, signed with the trigger’s secret, through the trigger URL',
    access: action('test.run'),
    params: id,
    status: 200,
    response: testEventResultSchema,
  },
  'GET /api/settings/instance': {
    summary: 'Instance settings: the public base URL of trigger links (any signed-in member may read it)',
    access: action('workflow.read'),
    status: 200,
    response: instanceSettingsSchema,
  },
  'PUT /api/settings/instance': {
    summary: 'Change the instance settings (owners of the Default workspace; audited there)',
    access: action('instance.manage'),
    body: updateInstanceSettingsSchema,
    status: 200,
    response: instanceSettingsSchema,
  },
  'GET /api/settings/workspace': {
    summary: 'The workspace’s settings: private hosts and ranges its HTTP steps may reach',
    access: action('settings.manage'),
    status: 200,
    response: workspaceSettingsSchema,
  },
  'PUT /api/settings/workspace': {
    summary: 'Change the workspace’s settings (audited; effective at once in every process)',
    access: action('settings.manage'),
    body: updateWorkspaceSettingsSchema,
    status: 200,
    response: workspaceSettingsSchema,
  },
  'POST /api/settings/egress/check': {
    summary: 'Whether an HTTP step of this workspace may call a URL, decided without connecting',
    access: action('workflow.read'),
    body: egressCheckSchema,
    status: 200,
    response: egressCheckResultSchema,
  },
  'GET /api/workflows/:id/sample': {
    summary: 'The sample the workflow is designed against (pinned for every teammate and device), or null',
    access: action('workflow.read'),
    params: id,
    status: 200,
    response: pinnedSampleResultSchema,
  },
  'PUT /api/workflows/:id/sample': {
    summary: 'Pin the sample the workflow is designed against: a recorded request (copied) or a template’s sample',
    access: action('workflow.edit'),
    params: id,
    body: pinSampleSchema,
    status: 200,
    response: pinnedSampleSchema,
  },
  'DELETE /api/workflows/:id/sample': {
    summary: 'Unpin the workflow’s sample (each browser falls back to its own)',
    access: action('workflow.edit'),
    params: id,
    status: 204,
    response: null,
  },
  'GET /api/settings/sso': {
    summary: 'Single sign-on (OpenID Connect): stored, from the environment, and which is in effect; the secret is never sent',
    access: action('instance.manage'),
    status: 200,
    response: ssoSettingsSchema,
  },
  'PUT /api/settings/sso': {
    summary: 'Configure single sign-on (owners of the Default workspace; audited; effective in every process without restart)',
    access: action('instance.manage'),
    body: updateSsoSettingsSchema,
    status: 200,
    response: ssoSettingsSchema,
  },
  'DELETE /api/settings/sso': {
    summary: 'Remove the stored single sign-on settings: the environment’s (if any) apply again (audited)',
    access: action('instance.manage'),
    status: 200,
    response: ssoSettingsSchema,
  },
  'POST /api/settings/sso/discovery': {
    summary: 'Read an issuer’s OpenID Connect discovery document through the egress guard',
    access: action('instance.manage'),
    body: ssoDiscoveryRequestSchema,
    status: 200,
    response: ssoDiscoveryResultSchema,
  },
  'GET /api/audit': {
    summary: 'The workspace’s audit log, newest first',
    access: action('audit.read'),
    query: auditQuerySchema,
    status: 200,
    response: auditPageSchema,
  },
} as const satisfies Record<RouteKey, RouteSpec>;

export type ApiRoute = keyof typeof ROUTES;

/** The success answer of a route, as the api sends it and clients receive it. */
export type ResponseOf<K extends ApiRoute> = (typeof ROUTES)[K]['response'] extends z.ZodType
  ? z.output<(typeof ROUTES)[K]['response']>
  : void;

/** The spec of `METHOD path` (path as registered: `/api/workflows/:id`), or undefined for a route that is not in the contract. */
export function findRoute(method: string, path: string): (RouteSpec & { key: ApiRoute }) | undefined {
  const key = `${method === 'HEAD' ? 'GET' : method} ${path}`;
  return Object.hasOwn(ROUTES, key) ? { key: key as ApiRoute, ...(ROUTES[key as ApiRoute] as RouteSpec) } : undefined;
}

/** Every route as `{ key, method, path, ...spec }`, in table order. */
export function listRoutes(): Array<RouteSpec & { key: ApiRoute; method: HttpMethod; path: string }> {
  return (Object.keys(ROUTES) as ApiRoute[]).map((key) => {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    return { key, method, path, ...(ROUTES[key] as RouteSpec) };
  });
}
