import { client } from './client.js';
import { contact } from './contact.js';
import { email } from './email.js';
import { logs } from './logs.js';
import { mailbox } from './mailbox.js';
import { pool } from './pool.js';
import { recovery } from './recovery.js';
import { sms } from './sms.js';
import { triggers } from './triggers.js';
import type { Check } from './types.js';
import { user } from './user.js';
import { userStatus } from './user-status.js';

/** The checklist, in the order the report shows it (docs/checks.md). */
export const checks: readonly Check[] = [
  pool,
  client,
  user,
  userStatus,
  contact,
  recovery,
  sms,
  email,
  triggers,
  logs,
  mailbox,
];
