import { z } from 'zod';
import { fileResponse } from '../../../http/openapi-media.ts';

export const feedStatus = z.object({
  /** Whether a feed URL is live. */
  active: z.boolean(),
  createdAt: z.string().nullable(),
});

export const createdFeed = feedStatus.extend({
  /** The secret address to subscribe to: shown once, only its hash is kept. Making a new one revokes it. */
  url: z.string(),
});

export const feedParams = z.object({
  /** The secret token of the feed URL. */
  token: z.string().max(200),
});

export const calendarFile = fileResponse(
  'An iCalendar file: one all-day VEVENT per mission (not cancelled), one VEVENT per online session',
  ['text/calendar'],
);

export const notModified = z.null().describe('Not modified: the copy named by If-None-Match is current');
