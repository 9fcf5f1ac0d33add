import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import { AppError } from '../../../http/errors.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { cacheable, etagOf } from '../../assignments/public/http-cache.ts';
import { missionCapabilityPolicy } from '../policy.ts';
import { activeFeed, createFeed, feedEvents, feedOwner, revokeFeeds } from './feeds.ts';
import { buildMissionCalendar } from './ics.ts';
import { calendarFile, createdFeed, feedParams, feedStatus, notModified } from './schemas.ts';

const tags = ['missions'];

/** Calendar apps refresh a subscription every hour or so; the ETag answers 304 when nothing changed. */
const feedMaxAge = 300;

/** The personal calendar feed of one's missions: made, shown, revoked; and the feed itself at its secret URL. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { publicUrl } = app.ctx.config;
  const status = (feed: { createdAt: Date } | undefined) => ({
    active: !!feed,
    createdAt: feed?.createdAt.toISOString() ?? null,
  });

  app.post(
    '/calendar-feeds',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Make my calendar feed URL (the previous one stops working); the URL is shown this once',
        response: { 201: createdFeed },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'calendar_feed.manage');
      const { token, feed } = await db.transaction((tx) =>
        createFeed(tx, actor.userId, { ip: request.ip, now: new Date() }),
      );
      return reply.code(201).send({ ...status(feed), url: `${publicUrl}/api/calendar/${token}.ics` });
    },
  );

  app.get(
    '/calendar-feeds',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Whether my calendar feed is live, and since when', response: { 200: feedStatus } },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'calendar_feed.manage');
      return status(await activeFeed(db, actor.userId));
    },
  );

  app.delete(
    '/calendar-feeds',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Revoke my calendar feed URL', response: { 200: feedStatus } },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'calendar_feed.manage');
      await db.transaction((tx) => revokeFeeds(tx, actor.userId, { ip: request.ip, now: new Date() }));
      return status(undefined);
    },
  );

  app.get(
    '/calendar/:token.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A calendar feed: the owner’s missions and sessions (the token in the URL is the secret)',
        description: 'An unknown or revoked token, or a disabled account, is `not_found`.',
        params: feedParams,
        response: { 200: calendarFile, 304: notModified },
      },
    },
    async (request, reply) => {
      const ics = await db.transaction(async (tx) => {
        const owner = await feedOwner(tx, request.params.token);
        if (!owner) throw new AppError('not_found', 'No such calendar');
        const events = await feedEvents(tx, owner.actor, owner.locale, todayInMorocco(new Date()));
        return buildMissionCalendar({ locale: owner.locale, publicUrl, ...events });
      });
      const fresh = cacheable(request, reply, etagOf(ics), feedMaxAge);
      // The URL is a secret: no shared cache keeps the answer.
      reply.header('cache-control', `private, max-age=${feedMaxAge}`).header('x-robots-tag', 'noindex');
      if (fresh) return reply.code(304).send(null);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="passerelle-missions.ics"')
        .send(Buffer.from(ics) as unknown as string);
    },
  );
};
