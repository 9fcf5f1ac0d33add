import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { clearSessionCookie, requireAuth } from '../../http/request-meta.ts';
import type { RequestAuth } from '../../http/types.ts';
import { findUserById } from '../identity/repository.ts';
import { limits, spendAttempt } from '../identity/rate-limits.ts';
import { confirmProfile } from './commands/confirm.ts';
import { changeConsent, consentChangeBody, consentChangeResponse } from './commands/consents.ts';
import { ensureProfile } from './commands/ensure-profile.ts';
import { onOwnProfile } from './own-profile.ts';
import { erasureBody, eraseExpert } from './commands/erase.ts';
import { exportMyData } from './commands/export.ts';
import { updateProfile } from './commands/update-profile.ts';
import { expertProfilePolicy, type ProfileAccess } from './policy.ts';
import { isoDay, presentConsent, presentProfile } from './presenter.ts';
import { listConsents, loadProfileAccess, loadProfileBundle } from './repository.ts';
import { profilePatch, profileView } from './schemas.ts';
import { fileResponse } from '../../http/openapi-media.ts';

const tags = ['experts'];
const erasedResponse = z.object({ status: z.literal('erased') });
/** The archive is binary; it is described as such in the API document. */
const zipResponse = fileResponse('A zip archive: me.json and the files', ['application/zip']);

/** The expert's own profile, consents, data export and erasure; staff and focal point reads of one profile. */
export const expertProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  /** Runs `work` on the signed-in expert's own profile, once `action` is allowed by the profile policy. */
  const onOwn = <T>(
    request: FastifyRequest,
    action: string,
    work: (tx: Tx, auth: RequestAuth, now: Date) => Promise<T>,
  ) => onOwnProfile(db, request, expertProfilePolicy, action, work);

  async function present(tx: Tx, actor: Actor, userId: string, now: Date, access?: ProfileAccess) {
    const bundle = await loadProfileBundle(tx, userId);
    if (!bundle) throw new AppError('not_found', 'No profile');
    return presentProfile(bundle, actor, now, access);
  }

  app.get(
    '/experts/me',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'My expert profile (created on first visit)', response: { 200: profileView } },
    },
    (request) => onOwn(request, 'profile.read', (tx, auth, now) => present(tx, auth.actor, auth.user.id, now)),
  );

  app.patch(
    '/experts/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Edit my expert profile (lists given replace the whole list)',
        body: profilePatch,
        response: { 200: profileView },
      },
    },
    (request) =>
      onOwn(request, 'profile.update', async (tx, auth, now) => {
        await updateProfile(tx, auth.user.id, request.body, { ip: request.ip, now });
        return present(tx, auth.actor, auth.user.id, now);
      }),
  );

  app.post(
    '/experts/me/consents',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Give or withdraw a consent (effective at once)',
        body: consentChangeBody,
        response: { 200: consentChangeResponse },
      },
    },
    (request) =>
      onOwn(request, 'consent.update', async (tx, auth, now) => {
        await changeConsent(tx, auth.user.id, request.body, { ip: request.ip, now });
        const consents = await listConsents(tx, auth.user.id);
        return {
          consents: consents.map(presentConsent),
          visibleToStaffSearch: consents.some((row) => row.purpose === 'processing' && row.withdrawnAt === null),
        };
      }),
  );

  app.post(
    '/experts/me/confirm',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Confirm my profile is current and I am still interested',
        response: { 200: profileView },
      },
    },
    (request) =>
      onOwn(request, 'profile.confirm', async (tx, auth, now) => {
        await confirmProfile(tx, auth.user.id, { ip: request.ip, now });
        return present(tx, auth.actor, auth.user.id, now);
      }),
  );

  app.get(
    '/experts/me/export',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Download everything held about me (zip)', response: { 200: zipResponse } },
    },
    async (request, reply) => {
      const { bytes, now } = await onOwn(request, 'profile.export', async (tx, auth, now) => ({
        bytes: await exportMyData(tx, auth.user.id, now),
        now,
      }));
      return (
        reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="passerelle-my-data-${isoDay(now)}.zip"`)
          .header('cache-control', 'no-store')
          // Fastify sends a Buffer as it is, without the response serializer; the type is the documented string's.
          .send(Buffer.from(bytes) as unknown as string)
      );
    },
  );

  app.delete(
    '/experts/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Erase my account and personal data (confirmed with my password)',
        body: erasureBody,
        response: { 200: erasedResponse },
      },
    },
    async (request, reply) => {
      await spendAttempt(db, limits.passwordConfirmationsPerAccount, requireAuth(request).user.id);
      await onOwn(request, 'profile.erase', (tx, auth, now) => eraseExpert(tx, auth.user, request.body.password, now));
      clearSessionCookie(request, reply);
      return { status: 'erased' as const };
    },
  );

  app.get(
    '/experts/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One expert profile (staff; the expert themselves; focal points for their shortlists)',
        params: z.object({ id: z.uuid() }),
        response: { 200: profileView },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      const now = new Date();
      return db.transaction(async (tx) => {
        // Unknown, not an expert, erased, or not the reader's to see: all answer the same "not found".
        const access = await loadProfileAccess(tx, id);
        if (!access) throw new AppError('not_found', 'Not found');
        authorize(auth.actor, expertProfilePolicy, 'profile.read', access, { hideExistence: true });
        const user = await findUserById(tx, id);
        if (user) await ensureProfile(tx, user, auth.user.id);
        return present(tx, auth.actor, id, now, access);
      });
    },
  );
};
