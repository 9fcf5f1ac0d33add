import { Anchor, Button, Card, FileButton, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, postForm } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { acceptedTypes } from '../experts/documents/api.ts';
import { useFileSize } from '../experts/documents/fileSize.ts';
import { formatDateTime } from '../shell/format.ts';
import type { Assignment, Attachment, HistoryEntry } from './types.ts';

/** Uploads one file to a ToR (multipart); errors become ApiError like every other call. */
function uploadAttachment(id: string, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  return postForm<Attachment>(`/assignments/${id}/attachments`, body);
}

/** The ToR's files: download for every reader; add and remove while its state allows changes. */
export function AttachmentsPanel({ tor }: { tor: Assignment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const size = useFileSize();
  const canChange = tor.allowedActions.includes('attachment.change');
  const refresh = () => client.invalidateQueries({ queryKey: ['assignment', tor.id] });
  const upload = useMutation({ mutationFn: (file: File) => uploadAttachment(tor.id, file), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (attachmentId: string) => api('DELETE', `/assignments/${tor.id}/attachments/${attachmentId}`),
    onSuccess: refresh,
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="tor-attachments">
      <Title order={2} size="h4" id="tor-attachments" mb="xs">
        {t('assignments.attachments.title')}
      </Title>
      <Stack gap="xs">
        {tor.attachments.length === 0 && <Text size="sm">{t('assignments.attachments.empty')}</Text>}
        <List size="sm">
          {tor.attachments.map((file) => (
            <List.Item key={file.id}>
              <Group gap="xs">
                <Anchor href={apiUrl(`/assignments/${tor.id}/attachments/${file.id}`)}>
                  <bdi>{file.fileName}</bdi>
                </Anchor>
                <Text span size="xs">
                  {size(file.byteSize)}
                </Text>
                {canChange && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-xs"
                    onClick={() => {
                      if (window.confirm(t('assignments.attachments.confirmDelete', { name: file.fileName }))) {
                        remove.mutate(file.id);
                      }
                    }}
                  >
                    {t('assignments.attachments.delete')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        {canChange && (
          <FileButton accept={acceptedTypes} onChange={(file) => file && upload.mutate(file)}>
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={upload.isPending}>
                {t('assignments.attachments.add')}
              </Button>
            )}
          </FileButton>
        )}
        {canChange && <Text size="xs">{t('assignments.attachments.help')}</Text>}
        <ErrorAlert error={upload.error ?? remove.error} />
      </Stack>
    </Card>
  );
}

/** Who moved the ToR, when, and what they wrote. */
export function HistoryPanel({ tor }: { tor: Assignment }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['assignment-history', tor.id, tor.version],
    queryFn: () => api<{ items: HistoryEntry[] }>('GET', `/assignments/${tor.id}/history`),
  });
  const items = history.data?.items ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="tor-history">
      <Title order={2} size="h4" id="tor-history" mb="xs">
        {t('assignments.history.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('assignments.history.empty')}</Text>
      ) : (
        <Timeline active={items.length} bulletSize={14} lineWidth={2}>
          {items.map((entry) => (
            <Timeline.Item
              key={entry.id}
              title={`${t(`assignments.states.${entry.from}`)} → ${t(`assignments.states.${entry.to}`)}`}
            >
              <Text size="xs">
                {formatDateTime(entry.at, i18n.language)} · {entry.actor?.name ?? t('assignments.history.system')}
              </Text>
              {entry.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
