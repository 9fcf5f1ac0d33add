import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { recordAudit } from '../audit/service.ts';
import { ensureProfile } from '../experts/commands/ensure-profile.ts';
import { expertSelfPolicy } from '../experts/policy.ts';
import { isReferenceCode } from '../reference/lists.ts';
import { loadAlertSettings, saveAlertSettings } from './alerts.ts';

const tags = ['applications'];

/** An expert's alerts for new calls that fit their profile. */
export const callAlertsBody = z.strictObject({
  /** Receive the daily digest by e-mail (the in-app notice comes either way). */
  email: z.boolean(),
  /** Only calls in these OECD DAC sectors (5-digit codes); empty: the profile's sectors. */
  sectors: z
    .array(z.string().refine((code) => isReferenceCode('sectors', code), { message: 'Unknown sector' }))
    .max(30),
});

const callAlertsView = z.object({
  email: z.boolean(),
  sectors: z.array(z.string()),
  /** When the last digest went out (at most one a day). */
  lastDigestAt: z.string().nullable(),
});

/** GET/PUT /experts/me/call-alerts. */
export const callAlertRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/experts/me/call-alerts',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'My alerts for new calls (experts)', response: { 200: callAlertsView } },
    },
    (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, expertSelfPolicy, 'expert.own_profile');
      return db.transaction((tx) => loadAlertSettings(tx, actor.userId));
    },
  );

  app.put(
    '/experts/me/call-alerts',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Set my alerts for new calls: e-mail on or off, sectors (experts)',
        body: callAlertsBody,
        response: { 200: callAlertsView },
      },
    },
    (request) => {
      const auth = requireAuth(request);
      authorize(auth.actor, expertSelfPolicy, 'expert.own_profile');
      const sectors = [...new Set(request.body.sectors)];
      return db.transaction(async (tx) => {
        await ensureProfile(tx, auth.user);
        const before = await loadAlertSettings(tx, auth.user.id);
        await saveAlertSettings(tx, auth.user.id, { email: request.body.email, sectors }, new Date());
        await recordAudit(tx, {
          actorId: auth.user.id,
          action: 'expert.call_alerts_updated',
          entityType: 'expert_profile',
          entityId: auth.user.id,
          changes: { email: { before: before.email, after: request.body.email }, sectors: { after: sectors.length } },
          ip: request.ip,
        });
        return loadAlertSettings(tx, auth.user.id);
      });
    },
  );
};
