import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../../authz/policy.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { recordAudit } from '../../audit/service.ts';
import { rosterFilterFields } from '../search/schemas.ts';
import { rosterTransferPolicy } from '../import/policy.ts';
import { toCsv, toXlsx } from './format.ts';
import { loadExportRows, matchingIds, maxExportRows } from './rows.ts';
import { fileResponse } from '../../../http/openapi-media.ts';

const tags = ['experts'];

/** The query of GET /api/experts/export: the search's filters (those of GET /api/experts), and the format. */
export const exportQuery = z
  .strictObject({
    /** `csv` (UTF-8 with BOM, `;`-separated) or `xlsx`. */
    format: z.enum(['csv', 'xlsx']).default('csv'),
    ...rosterFilterFields,
  })
  .superRefine((value, ctx) => {
    // The search's own rules for its filters.
    if (value.minLevel && !value.language) {
      ctx.addIssue({ code: 'custom', path: ['minLevel'], message: 'A minimum level needs a language' });
    }
    if (value.availableFrom && value.availableTo && value.availableFrom > value.availableTo) {
      ctx.addIssue({ code: 'custom', path: ['availableTo'], message: 'The period ends before it starts' });
    }
  });

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The file is binary (XLSX) or text (CSV); it is described as such in the API document. */
const exportFile = fileResponse('The matching experts as CSV or XLSX', ['text/csv', mediaTypes.xlsx]);

/** GET /api/experts/export: the current search, every matching row, as a file. */
export const expertExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/experts/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Export the experts a roster search matches, as CSV or XLSX (staff)',
        description:
          `Every matching profile, up to ${maxExportRows} (header \`x-total-count\` gives the number matched), ` +
          'with the fields staff may read (no notes, no erased profiles), under stable English column keys. ' +
          'Cells that a spreadsheet would take for a formula are neutralised. See docs/roster-import.md.',
        querystring: exportQuery,
        response: { 200: exportFile },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      authorize(auth.actor, rosterTransferPolicy, 'roster.export');
      const { format, ...filter } = request.query;
      const now = new Date();
      const { rows, total } = await db.transaction(async (tx) => {
        const matched = await matchingIds(tx, filter);
        const rows = await loadExportRows(tx, matched.ids);
        // A bulk read of personal data is audited: who, how many, which filters (their names, not the search text).
        await recordAudit(tx, {
          actorId: auth.user.id,
          action: 'expert.roster_exported',
          entityType: 'expert_profile',
          changes: { format, rows: rows.length, matched: matched.total, filters: Object.keys(filter).sort() },
          ip: request.ip,
        });
        return { rows, total: matched.total };
      });
      const body = format === 'csv' ? toCsv(rows) : toXlsx(rows);
      return (
        reply
          .header('content-type', mediaTypes[format])
          .header(
            'content-disposition',
            `attachment; filename="passerelle-experts-${now.toISOString().slice(0, 10)}.${format}"`,
          )
          .header('cache-control', 'no-store')
          .header('x-total-count', String(total))
          // Fastify sends a Buffer as it is, without the response serializer; the type is the documented string's.
          .send(body as unknown as string)
      );
    },
  );
};
