import type { WebTriggerKit } from '../../web-trigger-kit';
import { FormTriggerForm } from './FormTriggerForm';

export const formWebKit: WebTriggerKit = {
  type: 'form',
  label: 'Hosted form',
  description: 'A form at a public URL; each set of answers starts a run.',
  create: () => ({
    type: 'form',
    title: 'Contact us',
    fields: [
      { name: 'name', label: 'Your name', type: 'text', required: true },
      { name: 'email', label: 'E-mail', type: 'email', required: true },
      { name: 'message', label: 'Message', type: 'longtext' },
    ],
    thankYou: 'Thank you, we will be in touch.',
  }),
  Form: FormTriggerForm,
};
