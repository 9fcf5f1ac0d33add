import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../api/errors.tsx';
import { useFileSize } from '../../experts/documents/fileSize.ts';
import { deliverableTypes, reportFileUrl, uploadReportFile } from './api.ts';
import type { Deliverable } from './types.ts';

/** A deliverable as the form holds it: its title and the uploaded file it names, if any. */
export interface DeliverableDraft {
  title: string;
  fileId: string | null;
  fileName: string | null;
}

/** The most deliverables a report lists (as the server allows). */
const maxDeliverables = 30;

/** The file's name as a download link, with its size when known. */
function FileLink({
  missionId,
  fileId,
  fileName,
  byteSize,
}: {
  missionId: string;
  fileId: string;
  fileName: string;
  byteSize?: number | null;
}) {
  const size = useFileSize();
  return (
    <Text size="sm" component="span">
      <Anchor href={reportFileUrl(missionId, fileId)} dir="auto" data-testid="deliverable-file">
        {fileName}
      </Anchor>
      {byteSize ? ` (${size(byteSize)})` : ''}
    </Text>
  );
}

/** The report's deliverables as readers see them: titles, and their files to download. */
export function DeliverablesView({ missionId, deliverables }: { missionId: string; deliverables: Deliverable[] }) {
  const { t } = useTranslation();
  if (deliverables.length === 0) return null;
  return (
    <Stack gap={2}>
      <Title order={3} size="h6">
        {t('missionReporting.report.deliverables')}
      </Title>
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {deliverables.map((deliverable, index) => (
          <li key={index}>
            <Text size="sm" dir="auto" component="span">
              {deliverable.title}
            </Text>
            {deliverable.fileId && deliverable.fileName && (
              <>
                {' — '}
                <FileLink
                  missionId={missionId}
                  fileId={deliverable.fileId}
                  fileName={deliverable.fileName}
                  byteSize={deliverable.byteSize}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </Stack>
  );
}

interface RowProps {
  missionId: string;
  index: number;
  deliverable: DeliverableDraft;
  titleError: string | undefined;
  fileError: string | undefined;
  onChange: (next: DeliverableDraft) => void;
  onRemove: () => void;
}

/** One deliverable: its title, and a file sent as soon as it is chosen (a slow link keeps what it already sent). */
function DeliverableRow({ missionId, index, deliverable, titleError, fileError, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const upload = useMutation({
    mutationFn: (file: File) => uploadReportFile(missionId, file),
    onSuccess: (stored) =>
      onChange({
        ...deliverable,
        // A file chosen first names the deliverable; a title already typed stays.
        title: deliverable.title.trim() ? deliverable.title : stored.fileName.replace(/\.[^.]+$/, ''),
        fileId: stored.id,
        fileName: stored.fileName,
      }),
  });
  return (
    <Stack gap={4} data-testid="deliverable-row">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('missionReporting.report.deliverableTitle', { number })}
          dir="auto"
          maxLength={300}
          value={deliverable.title}
          error={titleError}
          onChange={(event) => onChange({ ...deliverable, title: event.currentTarget.value })}
        />
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('missionReporting.report.removeDeliverable', { number })}
          onClick={onRemove}
        >
          ×
        </ActionIcon>
      </Group>
      <Group gap="xs">
        {deliverable.fileId && deliverable.fileName && (
          <FileLink missionId={missionId} fileId={deliverable.fileId} fileName={deliverable.fileName} />
        )}
        <FileButton accept={deliverableTypes} onChange={(file) => file && upload.mutate(file)}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              loading={upload.isPending}
              aria-label={t(
                deliverable.fileId ? 'missionReporting.report.replaceFileOf' : 'missionReporting.report.attachFileTo',
                { number },
              )}
            >
              {t(deliverable.fileId ? 'missionReporting.report.replaceFile' : 'missionReporting.report.attachFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      {fileError && (
        <Text size="xs" c="red" role="alert">
          {fileError}
        </Text>
      )}
      <ErrorAlert error={upload.error} />
    </Stack>
  );
}

interface FieldProps {
  missionId: string;
  deliverables: DeliverableDraft[];
  errors: Record<string, unknown>;
  onChange: (next: DeliverableDraft[]) => void;
}

/** The report form's deliverables: add, name, attach a file to, remove. */
export function DeliverablesField({ missionId, deliverables, errors, onChange }: FieldProps) {
  const { t } = useTranslation();
  const errorAt = (path: string) => (typeof errors[path] === 'string' ? (errors[path] as string) : undefined);
  return (
    <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        {t('missionReporting.report.deliverables')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('missionReporting.report.deliverablesHelp')}
      </Text>
      {deliverables.map((deliverable, index) => (
        <DeliverableRow
          key={index}
          missionId={missionId}
          index={index}
          deliverable={deliverable}
          titleError={errorAt(`deliverables.${index}.title`)}
          fileError={errorAt(`deliverables.${index}.fileId`)}
          onChange={(next) => onChange(deliverables.map((item, at) => (at === index ? next : item)))}
          onRemove={() => onChange(deliverables.filter((_, at) => at !== index))}
        />
      ))}
      <Button
        variant="default"
        size="xs"
        style={{ alignSelf: 'flex-start' }}
        disabled={deliverables.length >= maxDeliverables}
        onClick={() => onChange([...deliverables, { title: '', fileId: null, fileName: null }])}
      >
        {t('missionReporting.report.addDeliverable')}
      </Button>
    </Stack>
  );
}
