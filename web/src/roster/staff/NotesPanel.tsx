import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { Pager } from '../../shell/Pager.tsx';
import { StaffCard } from './StaffCard.tsx';
import { staffKeys, type NotesPage, type StaffNote } from './types.ts';

const pageSize = 10;

function NoteItem({ note, onEdit, onDelete }: { note: StaffNote; onEdit: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const author = note.author?.name || t('staff.formerStaff');
  return (
    <Paper withBorder p="sm" component="li" data-testid="staff-note">
      <Text size="xs" c="dimmed">
        {t('staff.notes.byline', { name: author, date: formatDateTime(note.createdAt, i18n.language) })}
        {note.updatedAt !== note.createdAt && ` · ${t('staff.notes.edited')}`}
      </Text>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
        {note.body}
      </Text>
      {(note.allowedActions.includes('note.update') || note.allowedActions.includes('note.delete')) && (
        <Group gap="xs" mt="xs">
          {note.allowedActions.includes('note.update') && (
            <Button size="compact-sm" variant="subtle" c="blue.9" onClick={onEdit}>
              {t('staff.notes.edit')}
            </Button>
          )}
          {note.allowedActions.includes('note.delete') && (
            <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onDelete}>
              {t('staff.notes.delete')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}

/** Private staff notes on one expert: newest first, add, edit one's own, delete (with confirmation). */
export function NotesPanel({ expertId }: { expertId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [deleting, setDeleting] = useState<StaffNote | null>(null);
  const base = `/experts/${encodeURIComponent(expertId)}/notes`;
  const notes = useQuery({
    queryKey: [...staffKeys.notes(expertId), page],
    queryFn: () => api<NotesPage>('GET', base, undefined, { page, pageSize }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: staffKeys.notes(expertId) });
  const add = useMutation({
    mutationFn: () => api<StaffNote>('POST', base, { body: draft }),
    onSuccess: () => {
      setDraft('');
      setPage(1);
      return refresh();
    },
  });
  const edit = useMutation({
    mutationFn: (note: { id: string; body: string }) =>
      api<StaffNote>('PATCH', `${base}/${encodeURIComponent(note.id)}`, { body: note.body }),
    onSuccess: () => {
      setEditing(null);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `${base}/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setDeleting(null);
      return refresh();
    },
  });
  const data = notes.data;
  return (
    <StaffCard id="staff-notes" title={t('staff.notes.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('staff.notes.private')}
      </Text>
      <ErrorAlert error={notes.error ?? remove.error} />
      {data?.allowedActions.includes('note.create') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) add.mutate();
          }}
        >
          <Stack gap="xs" mb="md">
            <Textarea
              label={t('staff.notes.new')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={4000}
              error={fieldErrorsOf(t, add.error).body}
            />
            <Group>
              <Button type="submit" size="sm" loading={add.isPending} disabled={!draft.trim()}>
                {t('staff.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {data && data.total === 0 && (
        <Text size="sm" c="dimmed">
          {t('staff.notes.empty')}
        </Text>
      )}
      <Stack gap="xs" component="ul" className="plain-list">
        {data?.items.map((note) =>
          editing?.id === note.id ? (
            <li key={note.id}>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  if (editing.body.trim()) edit.mutate(editing);
                }}
              >
                <Stack gap="xs">
                  <Textarea
                    label={t('staff.notes.editLabel')}
                    value={editing.body}
                    onChange={(event) => setEditing({ id: note.id, body: event.currentTarget.value })}
                    autosize
                    minRows={2}
                    maxLength={4000}
                    error={fieldErrorsOf(t, edit.error).body}
                  />
                  <Group gap="xs">
                    <Button type="submit" size="compact-sm" loading={edit.isPending}>
                      {t('common.save')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </li>
          ) : (
            <NoteItem
              key={note.id}
              note={note}
              onEdit={() => setEditing({ id: note.id, body: note.body })}
              onDelete={() => setDeleting(note)}
            />
          ),
        )}
      </Stack>
      {data && data.total > pageSize && <Pager page={page} pageSize={pageSize} total={data.total} onChange={setPage} />}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title={t('staff.notes.deleteTitle')}
        centered
      >
        <Text size="sm">{t('staff.notes.deleteBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
            {t('staff.notes.confirmDelete')}
          </Button>
        </Group>
      </Modal>
    </StaffCard>
  );
}
