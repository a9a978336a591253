import type { Check } from './types.js';
import { docs } from '../remedy/links.js';

export const mailbox: Check = {
  id: 'mailbox',
  title: 'Advice no API can check',
  scope: 'advice',
  dependsOn: ['pool', 'user'],
  codes: ['email-spam-junk'],
  reads: [],
  docs: [docs.forgotPassword],
  async run(ctx) {
    const prediction = await ctx.channel();
    if (prediction?.channel !== 'EMAIL') return { status: 'skip', message: 'The code does not go by e-mail.' };
    return {
      status: 'info',
      code: 'email-spam-junk',
      message:
        'Ask the user to look in spam, junk and quarantine folders (corporate gateways often quarantine automated mail) and to allow the sender.',
    };
  },
};
