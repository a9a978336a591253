import type { Flow } from '../domain/flow.js';
import { client } from './client.js';
import { contact } from './contact.js';
import { email } from './email.js';
import { invitation } from './invitation.js';
import { logs } from './logs.js';
import { mailbox } from './mailbox.js';
import { pool } from './pool.js';
import { recovery } from './recovery.js';
import { signUp } from './sign-up.js';
import { sms } from './sms.js';
import { triggers } from './triggers.js';
import type { Check } from './types.js';
import { user } from './user.js';
import { userStatus } from './user-status.js';
import { verifyAttribute } from './verify-attribute.js';

/**
 * Each flow's checklist, in the order the report shows it. The flows share the reads and the channel
 * checks; each has its own core checks for whether a message is sent and where.
 */
export const checklists: Record<Flow, readonly Check[]> = {
  'forgot-password': [pool, client, user, userStatus, contact, recovery, sms, email, triggers, logs, mailbox],
  'sign-up': [pool, client, user, signUp, sms, email, triggers, logs, mailbox],
  'verify-attribute': [pool, user, verifyAttribute, sms, email, triggers, logs, mailbox],
  invitation: [pool, user, invitation, sms, email, triggers, logs, mailbox],
};

/** The ForgotPassword checklist (docs/checks.md). */
export const checks: readonly Check[] = checklists['forgot-password'];

/** Every check of every flow, once each. */
export const allChecks: readonly Check[] = [...new Set(Object.values(checklists).flat())];

/**
 * The census's checklist: the ForgotPassword checks that have a part about the pool alone (its
 * existence, verification, recovery setting, channels and triggers), which every user shares, with
 * no dependency on a user. The per-user checks are the census's own classification of every user.
 */
const POOL_LEVEL = new Set([pool, contact, recovery, sms, email, triggers].map((c) => c.id));
export const poolChecklist: readonly Check[] = checks
  .filter((c) => POOL_LEVEL.has(c.id))
  .map((c) => ({ ...c, dependsOn: (c.dependsOn ?? []).filter((d) => POOL_LEVEL.has(d)) }));
