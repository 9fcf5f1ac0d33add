import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { AppError } from '../../http/errors.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { recordAudit } from '../audit/service.ts';
import { skillConcepts } from '../experts/schema.ts';
import { isReferenceCode } from './lists.ts';
import { loadStaffVocabulary } from './repository.ts';
import { vocabularyPolicy } from './policy.ts';
import { findSkillConcept } from './skills.ts';

const tags = ['reference'];

const term = z.string().trim().min(2).max(120);
const synonymsOf = z.array(term).max(20).default([]);

export const conceptBody = z.strictObject({
  /** Stable key, lower case words joined by dashes (e.g. `port-logistics`); never changes once stored. */
  key: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Lower case letters, digits and single dashes' }),
  /** The preferred label in each of the four languages. */
  labels: z.strictObject({ fr: term, ar: term, en: term, nl: term }),
  /** Other ways people write it, per language. */
  synonyms: z.strictObject({ fr: synonymsOf, ar: synonymsOf, en: synonymsOf, nl: synonymsOf }).partial().default({}),
  /** OECD DAC 5-digit sectors the concept belongs to. */
  sectors: z
    .array(z.string().refine((code) => isReferenceCode('sectors', code), { message: 'Unknown sector' }))
    .max(10)
    .default([]),
});

const conceptView = z.object({
  key: z.string(),
  labels: z.record(z.string(), z.string()),
  synonyms: z.record(z.string(), z.array(z.string())),
  sectors: z.array(z.string()),
});

/** The concepts staff added to the skills vocabulary (the built-in ones live in the code). */
export const skillConceptRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/skill-concepts',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The skill concepts staff added to the vocabulary (staff)',
        response: { 200: z.object({ items: z.array(conceptView) }) },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, vocabularyPolicy, 'skill_concept.create', undefined);
      const staff = await loadStaffVocabulary(db);
      return {
        items: [...staff.concepts.values()].map((concept) => ({
          key: concept.key,
          labels: concept.labels,
          synonyms: Object.fromEntries(
            Object.entries(concept.synonyms).flatMap(([locale, terms]) => (terms ? [[locale, [...terms]]] : [])),
          ),
          sectors: [...concept.sectors],
        })),
      };
    },
  );

  app.post(
    '/skill-concepts',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a concept to the skills vocabulary, in the four languages (staff)',
        description: 'A key already used, built in or added, is `skill_concept_taken` (409).',
        body: conceptBody,
        response: { 201: conceptView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, vocabularyPolicy, 'skill_concept.create', undefined);
      const { key, labels, synonyms, sectors } = request.body;
      const created = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ id: skillConcepts.id })
          .from(skillConcepts)
          .where(eq(skillConcepts.id, key));
        if (findSkillConcept(key) || existing) {
          throw new AppError('skill_concept_taken', 'This key is already in the vocabulary', [
            { path: 'key', code: 'invalid_value', message: 'This key is already in the vocabulary' },
          ]);
        }
        const [row] = await tx
          .insert(skillConcepts)
          .values({ id: key, labels, synonyms, sectors: [...new Set(sectors)] })
          .returning();
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'skill_concept.created',
          entityType: 'skill_concept',
          entityId: null,
          changes: { key: { after: key }, label: { after: labels.fr } },
          ip: request.ip,
        });
        return row!;
      });
      return reply
        .code(201)
        .send({ key: created.id, labels: created.labels, synonyms: { ...synonyms }, sectors: created.sectors });
    },
  );
};
