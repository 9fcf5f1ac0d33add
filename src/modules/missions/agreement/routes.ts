import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { locales, type Locale } from '../../identity/schema.ts';
import { AppError } from '../../../http/errors.ts';
import { contentDisposition } from '../../../http/download.ts';
import { missionCapabilityPolicy } from '../policy.ts';
import { idParams } from '../schemas.ts';
import { renderAgreementPdf } from './pdf/document.ts';
import {
  acceptBody,
  agreementPdf,
  agreementView,
  languageQuery,
  programmeParams,
  templateBody,
  templateParams,
  templatesView,
} from './schemas.ts';
import { acceptAgreement, listTemplates, presentAgreement, readAgreement, saveTemplate } from './service.ts';

const tags = ['missions'];
const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/** The mission agreement (text, PDF, acceptance) and the programmes' agreement templates. */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/missions/:id/agreement',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The mission agreement as text, in the expert’s language and French, with its fingerprint',
        description:
          'Whoever may read the mission. Send `version` and `sha256` back to accept exactly this text. The host ' +
          'does not see the planned allowance (`amountsHidden`). Once accepted, the text accepted, word for word ' +
          '(`textAccepted`), in the language it was accepted in.',
        params: idParams,
        querystring: languageQuery,
        response: { 200: agreementView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      return db.transaction(async (tx) => {
        const reading = await readAgreement(tx, actor, request.params.id, request.query.language);
        return presentAgreement(tx, actor, reading, reading.rendered);
      });
    },
  );

  app.get(
    '/missions/:id/agreement.pdf',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The mission agreement as PDF: the expert’s language (or `language`), then French',
        description: 'Once accepted, the text accepted, word for word, in the language it was accepted in.',
        params: idParams,
        querystring: languageQuery,
        response: { 200: agreementPdf },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      const reading = await db.transaction((tx) => readAgreement(tx, actor, request.params.id, request.query.language));
      // Set outside the transaction: a few hundred milliseconds of CPU need no database connection.
      const pdf = await renderAgreementPdf({
        parts: reading.rendered.parts,
        title: reading.rendered.parts[0]!.text.split('\n')[0]!.replace(/^#\s*/, ''),
        footer: `${reading.mission.reference} · SHA-256 ${reading.rendered.sha256.slice(0, 16)}`,
        lang: reading.language,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${reading.mission.reference}-agreement.pdf`))
        .header('cache-control', 'private, no-store')
        .send(pdf as unknown as string);
    },
  );

  app.post(
    '/missions/:id/agreement/accept',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The expert accepts the agreement they read; the mission becomes agreed',
        description:
          'Errors: `agreement_changed` (409, the text changed since it was read: `details.sha256` is the current ' +
          'fingerprint), `version_conflict`, `illegal_transition` (the mission is not planned).',
        params: idParams,
        body: acceptBody,
        response: { 200: agreementView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const meta = { ip: request.ip, now: new Date(), publicUrl: app.ctx.config.publicUrl };
      return db.transaction(async (tx) => {
        const mission = await acceptAgreement(tx, actor, request.params.id, request.body, meta);
        const reading = await readAgreement(tx, actor, mission.id);
        return presentAgreement(tx, actor, reading, reading.rendered);
      });
    },
  );

  app.get(
    '/programmes/:id/agreement-templates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'A programme’s agreement templates in the four languages, and the placeholders (staff)',
        params: programmeParams,
        response: { 200: templatesView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'agreement_templates.read');
      return db.transaction((tx) => listTemplates(tx, request.params.id));
    },
  );

  app.put(
    '/programmes/:id/agreement-templates/:locale',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Write a programme’s agreement template in one language (programme officers, admins)',
        description:
          'Audited. A placeholder not in the list is refused: `template_unknown_placeholder` (422), ' +
          '`details.unknown` naming each. Agreements not yet accepted show the new text at once; accepted ones keep ' +
          'the text accepted.',
        params: templateParams,
        body: templateBody,
        response: { 200: templatesView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'agreement_templates.manage');
      const { id, locale } = request.params;
      if (!isLocale(locale)) {
        throw new AppError('validation_failed', 'The language is fr, ar, en or nl', [
          { path: 'locale', code: 'invalid_value', message: 'The language is fr, ar, en or nl' },
        ]);
      }
      const meta = { actorId: actor.userId, ip: request.ip, now: new Date() };
      return db.transaction(async (tx) => {
        await saveTemplate(tx, id, locale, request.body.body, meta);
        return listTemplates(tx, id);
      });
    },
  );
};
