import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../../authz/actor.ts';
import { authorize } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { openStaffSide } from './access.ts';
import { addNote, deleteNote, editNote, listNotes } from './notes.ts';
import { expertStaffPolicy } from './policy.ts';
import {
  deletedResponse,
  expertParams,
  expertTagsView,
  noteBody,
  noteParams,
  notesPage,
  notesQuery,
  noteView,
  tagCounts,
  tagsBody,
  vettingCheckBody,
  vettingStatusBody,
  vettingView,
} from './schemas.ts';
import { countTags, loadTags, replaceTags } from './tags.ts';
import { changeVettingStatus, loadVetting, recordVettingCheck } from './vetting.ts';

const tags = ['experts'];

interface Work {
  tx: Tx;
  actor: Actor;
  meta: { actor: Actor; ip: string; now: Date };
}

/** The staff side of a profile: vetting, private notes, tags; and the tags in use across the roster. */
export const expertStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  /** Runs `work` in one transaction once the staff side of expert `id` is open to the reader for `action`. */
  function onStaffSide<T>(request: FastifyRequest, id: string, action: string, work: (w: Work) => Promise<T>) {
    const { actor } = requireAuth(request);
    const meta = { actor, ip: request.ip, now: new Date() };
    return db.transaction(async (tx) => {
      await openStaffSide(tx, actor, id, action);
      return work({ tx, actor, meta });
    });
  }

  app.get(
    '/experts/tags',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Every staff tag in use, with how many experts carry it (staff)',
        response: { 200: tagCounts },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, expertStaffPolicy, 'staff.read');
      return countTags(db);
    },
  );

  app.get(
    '/experts/:id/vetting',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Vetting state of an expert: status, latest check per subject, history (staff)',
        params: expertParams,
        response: { 200: vettingView },
      },
    },
    (request) =>
      onStaffSide(request, request.params.id, 'staff.read', ({ tx, actor }) =>
        loadVetting(tx, actor, request.params.id),
      ),
  );

  app.post(
    '/experts/:id/vetting-checks',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record a vetting check of documents or references (programme officers, admins)',
        params: expertParams,
        body: vettingCheckBody,
        response: { 201: vettingView },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const view = await onStaffSide(request, id, 'vetting.record', async ({ tx, actor, meta }) => {
        await recordVettingCheck(tx, id, request.body, meta);
        return loadVetting(tx, actor, id);
      });
      return reply.code(201).send(view);
    },
  );

  app.patch(
    '/experts/:id/vetting-status',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change the vetting status, given the status the reader saw (programme officers, admins)',
        params: expertParams,
        body: vettingStatusBody,
        response: { 200: vettingView },
      },
    },
    (request) => {
      const { id } = request.params;
      return onStaffSide(request, id, 'vetting.set_status', async ({ tx, actor, meta }) => {
        await changeVettingStatus(tx, id, request.body, meta);
        return loadVetting(tx, actor, id);
      });
    },
  );

  app.get(
    '/experts/:id/notes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Private staff notes on an expert, newest first (staff)',
        params: expertParams,
        querystring: notesQuery,
        response: { 200: notesPage },
      },
    },
    (request) =>
      onStaffSide(request, request.params.id, 'staff.read', ({ tx, actor }) =>
        listNotes(tx, actor, request.params.id, request.query),
      ),
  );

  app.post(
    '/experts/:id/notes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a private staff note (programme officers, admins)',
        params: expertParams,
        body: noteBody,
        response: { 201: noteView },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const note = await onStaffSide(request, id, 'note.create', ({ tx, meta }) =>
        addNote(tx, id, request.body.body, meta),
      );
      return reply.code(201).send(note);
    },
  );

  app.patch(
    '/experts/:id/notes/:noteId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Edit my own staff note',
        params: noteParams,
        body: noteBody,
        response: { 200: noteView },
      },
    },
    (request) => {
      const { id, noteId } = request.params;
      // Whether the reader may edit this note is the note's policy (its author), checked on the loaded note.
      return onStaffSide(request, id, 'staff.read', ({ tx, meta }) =>
        editNote(tx, id, noteId, request.body.body, meta),
      );
    },
  );

  app.delete(
    '/experts/:id/notes/:noteId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete my own staff note (admins: any note)',
        params: noteParams,
        response: { 200: deletedResponse },
      },
    },
    async (request) => {
      const { id, noteId } = request.params;
      await onStaffSide(request, id, 'staff.read', ({ tx, meta }) => deleteNote(tx, id, noteId, meta));
      return { status: 'deleted' as const };
    },
  );

  app.get(
    '/experts/:id/tags',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Staff tags on an expert (staff)',
        params: expertParams,
        response: { 200: expertTagsView },
      },
    },
    (request) =>
      onStaffSide(request, request.params.id, 'staff.read', ({ tx, actor }) => loadTags(tx, actor, request.params.id)),
  );

  app.put(
    '/experts/:id/tags',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Replace the staff tags on an expert with the given list (programme officers, admins)',
        params: expertParams,
        body: tagsBody,
        response: { 200: expertTagsView },
      },
    },
    (request) => {
      const { id } = request.params;
      return onStaffSide(request, id, 'tags.update', async ({ tx, actor, meta }) => {
        await replaceTags(tx, id, request.body.tags, meta);
        return loadTags(tx, actor, id);
      });
    },
  );
};
