import { Alert, Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../api/errors.tsx';
import type { ProfileView } from '../types.ts';
import { confirmSkills, skillSuggestions } from './api.ts';

/**
 * The vocabulary's skills found in a CV just uploaded, to tick and add to the profile. Nothing is added without
 * the expert's confirmation; what is added is marked as coming from the CV.
 */
export function SkillSuggestions({
  documentId,
  onAdded,
}: {
  documentId: string;
  onAdded: (profile: ProfileView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const suggestions = useQuery({
    queryKey: ['experts', 'me', 'documents', documentId, 'skill-suggestions', i18n.language],
    queryFn: () => skillSuggestions(documentId, i18n.language),
  });
  const confirm = useMutation({
    mutationFn: () => confirmSkills(documentId, picked, i18n.language),
    onSuccess: (profile) => {
      setPicked([]);
      onAdded(profile);
      void suggestions.refetch();
    },
  });
  const items = suggestions.data?.items ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="cv-skills-title" data-testid="cv-suggestions">
      <Stack gap="xs">
        <Title order={3} size="h5" id="cv-skills-title">
          {t('documents.suggestions.title')}
        </Title>
        <ErrorAlert error={suggestions.error} />
        {suggestions.isSuccess && items.length === 0 && <Text size="sm">{t('documents.suggestions.none')}</Text>}
        {items.length > 0 && (
          <Checkbox.Group label={t('documents.suggestions.intro')} value={picked} onChange={setPicked} name="cvSkills">
            <Stack gap={4} mt="xs">
              {items.map((item) => (
                <Checkbox key={item.key} value={item.key} label={item.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <ErrorAlert error={confirm.error} />
        <div aria-live="polite">
          {confirm.isSuccess && (
            <Alert color="green" data-testid="cv-skills-added">
              {t('documents.suggestions.added')}
            </Alert>
          )}
        </div>
        {items.length > 0 && (
          <Button
            type="button"
            variant="light"
            onClick={() => confirm.mutate()}
            disabled={picked.length === 0}
            loading={confirm.isPending}
          >
            {t('documents.suggestions.confirm')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
