import { findApp, findAppAction } from '@switchyard/engine';
import type { WebStepKit } from '../web-step-kit';

export const appWebKit: WebStepKit<'app'> = {
  label: 'App action',
  description: 'Slack, Telegram, e-mail (SMTP), signed webhooks, Google Sheets, Notion… through a connected account.',
  icon: { name: 'hash', background: '#eef2ff', color: '#3730a3' },
  create: (id) => ({ id, type: 'app', app: '', action: '', input: {} }),
  summary: (step) => {
    const app = step.app ? findApp(step.app) : undefined;
    const action = app && step.action ? findAppAction(app, step.action) : undefined;
    return app ? `${app.name}${action ? `: ${action.label}` : ''}` : '';
  },
};
