import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../authz/policy.ts';
import { AppError } from '../../http/errors.ts';
import { clearSessionCookie, requestMeta, requireAuth, setSessionCookie } from '../../http/request-meta.ts';
import { recordAudit } from '../audit/service.ts';
import { acceptInvitation, inviteUser } from './commands/invitations.ts';
import { requestPasswordReset, resendVerification, resetPassword, verifyEmail } from './commands/account-recovery.ts';
import { changePassword } from './commands/change-password.ts';
import { updateMe } from './commands/update-me.ts';
import { login } from './commands/login.ts';
import { registerExpert } from './commands/register.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './commands/totp.ts';
import { enforceLimit, limits, recordHit, spendAttempt } from './rate-limits.ts';
import { platformPolicy } from './policy.ts';
import { presentMe } from './presenter.ts';
import { findUserById, identify } from './repository.ts';
import { createSession, revokeSession } from './sessions.ts';
import { users } from './schema.ts';
import {
  acceptInvitationBody,
  acceptedResponse,
  changePasswordBody,
  inviteBody,
  loginBody,
  meResponse,
  okResponse,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  registerBody,
  tokenBody,
  totpEnableBody,
  totpSetupResponse,
  updateMeBody,
} from './schemas.ts';
import { z } from 'zod';

const tags = ['identity'];

/** Sign-up, sign-in, sessions, recovery, second factor, invitations and the signed-in user's own record. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/auth/register',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Expert self-registration', body: registerBody, response: { 201: meResponse } },
    },
    async (request, reply) => {
      const meta = requestMeta(request);
      await enforceLimit(db, limits.registrationsPerAddress, meta.ip);
      const session = await db.transaction(async (tx) => {
        await recordHit(tx, limits.registrationsPerAddress, meta.ip);
        const user = await registerExpert(tx, request.body, meta);
        return { user, ...(await createSession(tx, user.id, meta)) };
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      const auth = await loadAuth(session.user.id);
      return reply.code(201).send(await presentMe(db, auth));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in (sets the session cookie)', body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const session = await login(db, request.body, requestMeta(request));
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return presentMe(db, await loadAuth(session.user.id));
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'user', allowPendingMfa: true },
      schema: { tags, summary: 'Sign out (revokes the session)', response: { 200: okResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await db.transaction(async (tx) => {
        await revokeSession(tx, auth.session.id);
        await recordAudit(tx, {
          actorId: auth.user.id,
          action: 'session.revoked',
          entityType: 'user',
          entityId: auth.user.id,
          ip: request.ip,
        });
      });
      clearSessionCookie(request, reply);
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Confirm an e-mail address', body: tokenBody, response: { 200: okResponse } },
    },
    async (request) => {
      await db.transaction((tx) => verifyEmail(tx, request.body.token, requestMeta(request)));
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/verify-email/resend',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Send a new verification link', response: { 202: acceptedResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await db.transaction((tx) => resendVerification(tx, auth.user.id, requestMeta(request)));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'E-mail a single-use reset link (same answer whether or not the account exists)',
        body: passwordResetRequestBody,
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      await db.transaction((tx) => requestPasswordReset(tx, request.body.email, requestMeta(request)));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Set a new password with a reset link',
        body: passwordResetConfirmBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await db.transaction((tx) => resetPassword(tx, request.body.token, request.body.password, requestMeta(request)));
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/invitations/accept',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation by choosing a password',
        body: acceptInvitationBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await db.transaction((tx) => acceptInvitation(tx, request.body.token, request.body.password, request.ip));
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { access: 'user', allowPendingMfa: true },
      schema: { tags, summary: 'Start setting up an authenticator app', response: { 200: totpSetupResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      return db.transaction((tx) => startTotpEnrolment(tx, auth.user));
    },
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { access: 'user', allowPendingMfa: true },
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a first code',
        body: totpEnableBody,
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await db.transaction(async (tx) => {
        // Re-read inside the transaction: the pending secret was written by the set-up request.
        const [user] = await tx.select().from(users).where(eq(users.id, auth.user.id));
        await confirmTotpEnrolment(tx, user!, request.body.code, request.ip);
      });
      return presentMe(db, await loadAuth(auth.user.id));
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'user', allowPendingMfa: true },
      schema: { tags, summary: 'The signed-in user, roles, scope and allowed actions', response: { 200: meResponse } },
    },
    async (request) => presentMe(db, requireAuth(request)),
  );

  app.patch(
    '/me',
    {
      config: { access: 'user', allowPendingMfa: true },
      schema: { tags, summary: 'Change my name or language', body: updateMeBody, response: { 200: meResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      await db.transaction((tx) => updateMe(tx, auth.user, request.body, request.ip));
      return presentMe(db, await loadAuth(auth.user.id));
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change my password (signs out my other sessions)',
        body: changePasswordBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await spendAttempt(db, limits.passwordConfirmationsPerAccount, auth.user.id);
      await db.transaction((tx) => changePassword(tx, auth.user, auth.session.id, request.body, requestMeta(request)));
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/invitations',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Invite a focal point or a staff member by e-mail',
        body: inviteBody,
        response: { 201: z.object({ id: z.string(), email: z.string(), role: z.string() }) },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      authorize(auth.actor, platformPolicy, 'user.invite', { role: request.body.role });
      const user = await db.transaction((tx) => inviteUser(tx, auth.user.id, request.body, requestMeta(request)));
      return reply.code(201).send({ id: user.id, email: user.email, role: request.body.role });
    },
  );

  async function loadAuth(userId: string) {
    const user = await findUserById(db, userId);
    if (!user) throw new AppError('not_found', 'Unknown user');
    return identify(db, user);
  }
};
