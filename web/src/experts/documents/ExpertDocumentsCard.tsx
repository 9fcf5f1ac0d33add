import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../shell/DataState.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { expertContentUrl, expertDocumentsKey, listExpertDocuments } from './api.ts';
import { useFileSize } from './fileSize.ts';

/** An expert's CV and diplomas as staff see them on the expert's page: a list of downloads. */
export function ExpertDocumentsCard({ expertId }: { expertId: string }) {
  const { t, i18n } = useTranslation();
  const size = useFileSize();
  const documents = useQuery({ queryKey: expertDocumentsKey(expertId), queryFn: () => listExpertDocuments(expertId) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="expert-documents-title">
      <Title order={2} size="h5" mb="xs" id="expert-documents-title">
        {t('documents.staff.title')}
      </Title>
      <DataState
        isPending={documents.isPending}
        error={documents.error}
        isEmpty={documents.data?.items.length === 0}
        emptyText={t('documents.staff.empty')}
      >
        <List size="sm" data-testid="expert-documents">
          {documents.data?.items.map((document) => (
            <List.Item key={document.id}>
              <Anchor
                href={expertContentUrl(expertId, document.id)}
                aria-label={t('documents.downloadLabel', { name: document.fileName })}
              >
                <bdi>{document.fileName}</bdi>
              </Anchor>
              <Text size="xs" c="dimmed" component="span" ms="xs">
                {t('documents.details', {
                  kind: t(`documents.kinds.${document.kind}`),
                  size: size(document.byteSize),
                  date: formatDateTime(document.uploadedAt, i18n.language),
                })}
              </Text>
            </List.Item>
          ))}
        </List>
      </DataState>
    </Paper>
  );
}
