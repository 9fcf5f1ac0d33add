import { Alert, Anchor, Button, FileInput, Group, List, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorText } from '../../api/errors.tsx';
import { DataState } from '../../shell/DataState.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { SectionCard } from '../sections/SectionCard.tsx';
import type { ProfileView } from '../types.ts';
import { profileKey } from '../useProfile.ts';
import {
  acceptedTypes,
  deleteDocument,
  documentKinds,
  listMyDocuments,
  myContentUrl,
  myDocumentsKey,
  uploadDocument,
  type DocumentKind,
  type ExpertDocument,
} from './api.ts';
import { useFileSize } from './fileSize.ts';
import { SkillSuggestions } from './SkillSuggestions.tsx';

function DeleteDialog({
  document,
  onClose,
  onDeleted,
}: {
  document: ExpertDocument | null;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => deleteDocument(id),
    onSuccess: async (_answer, id) => {
      onDeleted(id);
      onClose();
      await client.invalidateQueries({ queryKey: myDocumentsKey });
      await client.invalidateQueries({ queryKey: profileKey });
    },
  });
  return (
    <Modal
      opened={document !== null}
      onClose={onClose}
      title={t('documents.confirmTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('documents.confirmBody', { name: document?.fileName ?? '' })}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => document && remove.mutate(document.id)}
            data-testid="confirm-delete-document"
          >
            {t('documents.confirmDelete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One line of the list: name as a download link, what it is, and its delete button. */
function DocumentItem({ document, onDelete }: { document: ExpertDocument; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const size = useFileSize();
  return (
    <List.Item data-testid="document-row">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0}>
          <Anchor
            href={myContentUrl(document.id)}
            aria-label={t('documents.downloadLabel', { name: document.fileName })}
          >
            <bdi>{document.fileName}</bdi>
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('documents.details', {
              kind: t(`documents.kinds.${document.kind}`),
              size: size(document.byteSize),
              date: formatDateTime(document.uploadedAt, i18n.language),
            })}
          </Text>
          {document.extraction === 'empty' && (
            <Text size="xs" c="dimmed">
              {t('documents.noText')}
            </Text>
          )}
        </Stack>
        <Button
          type="button"
          variant="subtle"
          color="red"
          c="red.9"
          size="compact-sm"
          onClick={onDelete}
          aria-label={t('documents.deleteLabel', { name: document.fileName })}
        >
          {t('documents.delete')}
        </Button>
      </Group>
    </List.Item>
  );
}

/**
 * The expert's CV and diplomas on their profile page: upload (type, file, checked for size before sending), the
 * list with download and delete, and after a CV upload the skills found in it. It sits inside the profile form,
 * so it has no form of its own: its buttons are plain buttons.
 */
export function DocumentsSection({ onSkillsAdded }: { onSkillsAdded: (profile: ProfileView) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const size = useFileSize();
  const documents = useQuery({ queryKey: myDocumentsKey, queryFn: listMyDocuments });
  const [kind, setKind] = useState<DocumentKind>('cv');
  const [file, setFile] = useState<File | null>(null);
  const [deleting, setDeleting] = useState<ExpertDocument | null>(null);
  const [lastCv, setLastCv] = useState<string | null>(null);
  const maxBytes = documents.data?.maxBytes ?? 10 * 1024 * 1024;
  const atLimit = documents.data ? documents.data.items.length >= documents.data.maxDocuments : false;
  const tooLarge = file !== null && file.size > maxBytes;
  const upload = useMutation({
    mutationFn: () => uploadDocument(kind, file!),
    onSuccess: async (created) => {
      setFile(null);
      setLastCv(created.kind === 'cv' ? created.id : null);
      await client.invalidateQueries({ queryKey: myDocumentsKey });
      // Completeness counts the CV.
      await client.invalidateQueries({ queryKey: profileKey });
    },
  });
  const fileError = tooLarge
    ? t('documents.tooLarge', { size: size(maxBytes) })
    : upload.error
      ? errorText(t, upload.error)
      : undefined;

  return (
    <SectionCard id="section-documents" title={t('documents.title')} intro={t('documents.intro')}>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('documents.kind')}
          name="documentKind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as DocumentKind)}
          data={documentKinds.map((value) => ({ value, label: t(`documents.kinds.${value}`) }))}
        />
        <FileInput
          label={t('documents.file')}
          description={t('documents.fileHelp', { size: size(maxBytes) })}
          name="document"
          accept={acceptedTypes}
          value={file}
          onChange={(picked) => {
            upload.reset();
            setFile(picked);
          }}
          clearable
          error={fileError}
          style={{ flex: 1, minInlineSize: '14rem' }}
          fileInputProps={{ 'data-testid': 'document-file' } as object}
        />
        <Button
          type="button"
          onClick={() => upload.mutate()}
          disabled={!file || tooLarge || atLimit}
          loading={upload.isPending}
        >
          {t('documents.upload')}
        </Button>
      </Group>
      <div aria-live="polite">
        {upload.isSuccess && (
          <Alert color="green" data-testid="document-uploaded">
            {t('documents.uploaded')}
          </Alert>
        )}
        {atLimit && documents.data && (
          <Alert color="yellow">{t('documents.limit', { max: documents.data.maxDocuments })}</Alert>
        )}
      </div>
      <DataState
        isPending={documents.isPending}
        error={documents.error}
        isEmpty={documents.data?.items.length === 0}
        emptyText={t('documents.empty')}
      >
        <List listStyleType="none" spacing="xs" aria-label={t('documents.list')} data-testid="document-list">
          {documents.data?.items.map((document) => (
            <DocumentItem key={document.id} document={document} onDelete={() => setDeleting(document)} />
          ))}
        </List>
      </DataState>
      {lastCv && <SkillSuggestions documentId={lastCv} onAdded={onSkillsAdded} />}
      <DeleteDialog
        document={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => setLastCv((current) => (current === id ? null : current))}
      />
    </SectionCard>
  );
}
