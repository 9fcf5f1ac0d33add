import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { readUpload } from '../../../http/upload.ts';
import { rosterTransferPolicy } from './policy.ts';
import { maxImportBytes } from './read-table.ts';
import { importQuery, importRefusal, importReport } from './schemas.ts';
import { importRoster } from './service.ts';

const tags = ['experts'];

/** POST /api/experts/import: check (dry run) or import a roster file. */
export const expertImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/experts/import',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Import a roster from CSV or XLSX (multipart: `file`, optional `mapping` JSON); dry run by default',
        description:
          'Officers and administrators. `dryRun=true` reports the column mapping, every row’s outcome and every ' +
          'problem without writing. `dryRun=false` imports all rows in one transaction, or nothing (422 with the ' +
          'report) when any row has an error. Keyed on e-mail: running the same file again changes nothing. ' +
          'No e-mail is sent. See docs/roster-import.md.',
        querystring: importQuery,
        response: { 200: importReport, 422: importRefusal },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      authorize(auth.actor, rosterTransferPolicy, 'roster.import');
      const upload = await readUpload(request, 'file', maxImportBytes);
      const { report, refused } = await importRoster(
        db,
        { fileName: upload.fileName, bytes: upload.bytes, mapping: upload.fields.mapping },
        { dryRun: request.query.dryRun, actorId: auth.user.id, ip: request.ip, now: new Date() },
      );
      if (refused) {
        return reply.code(422).send({
          error: { code: 'import_has_errors' as const, message: `${report.errorCount} errors: nothing was imported` },
          report,
        });
      }
      return report;
    },
  );
};
