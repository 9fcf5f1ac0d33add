/**
 * The knowledge-transfer survey behind a personal link, as a server-rendered page (GET and POST /survey/:token):
 * host staff open it on slow, unreliable connections, so it is one small HTML document that works with JavaScript
 * off, instead of the web app's bundle. It reads and stores through the same service as the JSON API
 * (`publicSurvey`, `submitSurvey`) and validates with the same schema (`answersBody`).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../../http/errors.ts';
import { locales, type Locale } from '../../identity/schema.ts';
import { formPage, statusPage, type FormState, type SurveyView } from './page-html.ts';
import { surveyPageTexts } from './page-texts.ts';
import { publicSurvey, submitSurvey } from './public.ts';
import { answersBody, tokenParams } from './schemas.ts';

interface PageRoute {
  Params: { token: string };
  Querystring: { lang?: unknown; answered?: unknown };
}

const asLocale = (value: unknown): Locale | undefined =>
  locales.includes(value as Locale) ? (value as Locale) : undefined;

/** The language chosen on the page (`?lang=`), else the browser's first language we have, else French. */
function pageLocale(request: FastifyRequest<PageRoute>): Locale {
  const chosen = asLocale(request.query.lang);
  if (chosen) return chosen;
  for (const range of (request.headers['accept-language'] ?? '').split(',')) {
    const language = asLocale(range.split(';')[0]!.trim().slice(0, 2).toLowerCase());
    if (language) return language;
  }
  return 'fr';
}

function sendHtml(reply: FastifyReply, status: number, html: string) {
  // A personal link's page is nobody else's: no shared cache keeps it, and the back button asks again.
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/** The page for a link the service refused: unknown (404), answered (409, or the thank-you right after sending). */
function refusedLink(request: FastifyRequest<PageRoute>, reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const locale = pageLocale(request);
  if (error.code === 'not_found') return sendHtml(reply, 404, statusPage(locale, 'unknown'));
  if (error.code !== 'survey_already_submitted') throw error;
  if (request.query.answered === '1') return sendHtml(reply, 200, statusPage(locale, 'thanks'));
  return sendHtml(reply, 409, statusPage(locale, 'already'));
}

/** The message under each field the service or the schema refused, by question key (`ratings.level` → `level`). */
function messagesOf(fields: readonly FieldError[], locale: Locale): Record<string, string> {
  const texts = surveyPageTexts[locale];
  return Object.fromEntries(
    fields.map((field) => {
      const key = field.path.replace(/^ratings\./, '');
      return [key, key === 'text' ? texts.textTooLong : texts.fieldRequired];
    }),
  );
}

/** The form's fields as the JSON API's body: every field but `text` is a rating, by question key. */
function answersOf(form: URLSearchParams) {
  const sent = { ratings: {} as Record<string, string>, text: form.get('text') ?? '' };
  for (const [key, value] of form) if (key !== 'text') sent.ratings[key] = value;
  const ratings = Object.fromEntries(Object.entries(sent.ratings).map(([key, value]) => [key, Number(value)]));
  const parsed = answersBody.safeParse({ ratings, text: sent.text });
  const fields: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        code: 'invalid',
        message: issue.message,
      }));
  return { sent, answers: parsed.success ? parsed.data : undefined, fields };
}

/** GET and POST /survey/:token, outside /api: registered before the web app's index.html fallback. */
export const surveyPageRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  // Only form posts reach these routes (a browser without JavaScript sends nothing else); scoped to this plugin,
  // so the API keeps its JSON-only bodies. A JSON post here is 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );

  app.get<PageRoute>('/survey/:token', { schema: { hide: true } }, async (request, reply) => {
    const params = tokenParams.safeParse(request.params);
    if (!params.success) return sendHtml(reply, 404, statusPage(pageLocale(request), 'unknown'));
    const { token } = params.data;
    try {
      const survey = await db.transaction((tx) => publicSurvey(tx, token, asLocale(request.query.lang)));
      return sendHtml(reply, 200, formPage(token, survey, survey.locale, { ratings: {}, text: '', errors: {} }));
    } catch (error) {
      return refusedLink(request, reply, error);
    }
  });

  app.post<PageRoute>('/survey/:token', { schema: { hide: true } }, async (request, reply) => {
    const params = tokenParams.safeParse(request.params);
    if (!params.success) return sendHtml(reply, 404, statusPage(pageLocale(request), 'unknown'));
    const { token } = params.data;
    const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
    const { sent, answers, fields } = answersOf(form);
    let outcome: { survey: SurveyView; fields?: readonly FieldError[] };
    try {
      outcome = await db.transaction(async (tx) => {
        // Read first: the page to send back, in the right language, if the answers are refused.
        const survey = await publicSurvey(tx, token, asLocale(request.query.lang));
        if (!answers) return { survey, fields };
        try {
          await submitSurvey(tx, token, answers, { ip: request.ip, now: new Date() });
          return { survey };
        } catch (error) {
          // The service refuses before writing anything, so the transaction is still sound.
          if (error instanceof AppError && error.code === 'validation_failed') return { survey, fields: error.fields! };
          throw error;
        }
      });
    } catch (error) {
      return refusedLink(request, reply, error);
    }
    const { survey } = outcome;
    if (outcome.fields) {
      const state: FormState = { ...sent, errors: messagesOf(outcome.fields, survey.locale) };
      return sendHtml(reply, 422, formPage(token, survey, survey.locale, state));
    }
    // Post/redirect/get: reloading the thank-you page does not send the answers again.
    return reply
      .header('cache-control', 'no-store')
      .redirect(`/survey/${encodeURIComponent(token)}?lang=${survey.locale}&answered=1`, 303);
  });
};
