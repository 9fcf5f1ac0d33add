import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import type { SavedSearch } from '../experts/types.ts';
import { paramsOfSaved, savedQueryOf, type RosterQuery } from './rosterQuery.ts';

const savedKey = ['experts', 'saved-searches'] as const;

function listOf(payload: SavedSearch[] | { items: SavedSearch[] }): SavedSearch[] {
  return Array.isArray(payload) ? payload : payload.items;
}

/** Names the current search and keeps it; opens or deletes the ones kept before. */
export function SavedSearches({ query }: { query: RosterQuery }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);
  const saved = useQuery({
    queryKey: savedKey,
    queryFn: async () => listOf(await api('GET', '/experts/saved-searches')),
  });
  const create = useMutation({
    mutationFn: () =>
      api('POST', '/experts/saved-searches', {
        name: name.trim(),
        query: savedQueryOf(query),
      }),
    onSuccess: () => {
      setName('');
      return client.invalidateQueries({ queryKey: savedKey });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/experts/saved-searches/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setDeleting(null);
      return client.invalidateQueries({ queryKey: savedKey });
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="saved-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="saved-title">
          {t('roster.saved.title')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) create.mutate();
          }}
        >
          <Stack gap="xs" align="flex-start">
            <TextInput
              label={t('roster.saved.name')}
              name="savedName"
              size="sm"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldErrorsOf(t, create.error).name}
              w="100%"
            />
            <Button type="submit" size="sm" variant="light" loading={create.isPending} disabled={!name.trim()}>
              {t('roster.saved.save')}
            </Button>
          </Stack>
        </form>
        <ErrorAlert error={saved.error ?? remove.error} />
        {saved.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('roster.saved.empty')}
          </Text>
        )}
        <Stack gap={4} component="ul" className="plain-list" data-testid="saved-searches">
          {saved.data?.map((search) => (
            <Group key={search.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/roster?${paramsOfSaved(search.query).toString()}`} size="sm">
                {search.name}
              </Anchor>
              <ActionIcon
                variant="subtle"
                color="red"
                c="red.9"
                aria-label={t('roster.saved.delete', { name: search.name })}
                onClick={() => setDeleting(search)}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title={t('roster.saved.deleteTitle')}
        centered
      >
        <Text size="sm">{t('roster.saved.deleteBody', { name: deleting?.name ?? '' })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
            {t('roster.saved.confirmDelete')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
