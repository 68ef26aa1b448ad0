import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const telegramWebKit: WebStepKit<'telegram'> = {
  label: 'Telegram',
  description: 'Older built-in step; for new steps use App action → Telegram.',
  icon: { name: 'send', background: '#e8f4fb', color: '#1c7fb8' },
  create: (id) => ({ id, type: 'telegram', credentialId: '', chatId: '', text: '' }),
  summary: (step) => (step.chatId ? `To ${oneLine(step.chatId)}: ${oneLine(step.text)}` : oneLine(step.text)),
};
