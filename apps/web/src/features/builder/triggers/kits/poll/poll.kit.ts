import type { WebTriggerKit } from '../../web-trigger-kit';
import { PollTriggerForm } from './PollTriggerForm';

export const pollWebKit: WebTriggerKit = {
  type: 'poll',
  label: 'Polling',
  description: 'For services without webhooks: calls a URL every few minutes and runs once per new item.',
  create: () => ({ type: 'poll', endpoint: 'https://', method: 'GET', intervalMinutes: 5, items: 'body', key: 'id' }),
  Form: PollTriggerForm,
};
