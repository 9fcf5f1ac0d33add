import { Badge, Button, Group, Stack, TagsInput, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { StaffCard } from './StaffCard.tsx';
import { staffKeys, type ExpertTags, type TagCount } from './types.ts';

/** Mirrors the server's normalisation, so what the field shows is what will be stored. */
const normalise = (tag: string) => tag.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

function TagsEditor({ expertId, current }: { expertId: string; current: string[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState(current);
  const inUse = useQuery({
    queryKey: staffKeys.tagCounts,
    queryFn: () => api<{ items: TagCount[] }>('GET', '/experts/tags'),
  });
  const save = useMutation({
    mutationFn: () => api<ExpertTags>('PUT', `/experts/${encodeURIComponent(expertId)}/tags`, { tags: value }),
    onSuccess: (view) => {
      client.setQueryData(staffKeys.tags(expertId), view);
      return client.invalidateQueries({ queryKey: staffKeys.tagCounts });
    },
  });
  const errors = fieldErrorsOf(t, save.error);
  const error = Object.entries(errors).find(([path]) => path.startsWith('tags'))?.[1];
  const changed = value.join('\n') !== current.join('\n');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <TagsInput
          label={t('staff.tags.label')}
          description={t('staff.tags.help')}
          data={(inUse.data?.items ?? []).map((item) => item.tag)}
          value={value}
          onChange={(tags) => setValue([...new Set(tags.map(normalise).filter(Boolean))])}
          maxTags={20}
          splitChars={[',']}
          clearable
          error={error}
          data-testid="tags-input"
        />
        <ErrorAlert error={save.error && !error ? save.error : null} />
        <Group>
          <Button type="submit" size="sm" variant="light" loading={save.isPending} disabled={!changed}>
            {t('staff.tags.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Staff tags on one expert: badges for readers, an editor with suggestions from the tags in use for editors. */
export function TagsPanel({ expertId }: { expertId: string }) {
  const { t } = useTranslation();
  const tags = useQuery({
    queryKey: staffKeys.tags(expertId),
    queryFn: () => api<ExpertTags>('GET', `/experts/${encodeURIComponent(expertId)}/tags`),
  });
  const current = tags.data?.tags.map((entry) => entry.tag) ?? [];
  return (
    <StaffCard id="staff-tags" title={t('staff.tags.title')}>
      <ErrorAlert error={tags.error} />
      {tags.data &&
        (tags.data.allowedActions.includes('tags.update') ? (
          <TagsEditor key={current.join('\n')} expertId={expertId} current={current} />
        ) : current.length ? (
          <Group gap="xs" component="ul" className="plain-list">
            {current.map((tag) => (
              <Badge key={tag} component="li" variant="outline" color="blue.9" tt="none">
                <bdi>{tag}</bdi>
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('staff.tags.empty')}
          </Text>
        ))}
    </StaffCard>
  );
}
