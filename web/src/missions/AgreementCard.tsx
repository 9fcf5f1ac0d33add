import { Anchor, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { ConfirmDialog } from '../applications/ConfirmDialog.tsx';
import { AgreementText } from './AgreementText.tsx';
import { asLocale, directionOf } from '../i18n/index.ts';
import { formatDateTime } from '../shell/format.ts';
import { acceptAgreement, agreementKey, agreementPdfUrl, getAgreement, missionKey, missionsKey } from './api.ts';
import type { Mission } from './types.ts';

/**
 * The mission agreement: a PDF in French and one in the expert's language (with French) for everyone who reads the
 * mission (once accepted, the one PDF of the text accepted, kept word for word); the expert reads the text and
 * accepts it (the fingerprint of what they read is sent, so a text changed meanwhile is refused and shown again);
 * everyone else sees who accepted it and when.
 */
export function AgreementCard({ mission }: { mission: Mission }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const agreement = useQuery({
    queryKey: [...agreementKey(mission.id), mission.version],
    queryFn: () => getAgreement(mission.id),
  });
  const data = agreement.data;
  const accept = useMutation({
    mutationFn: () =>
      acceptAgreement(mission.id, { version: data!.version, sha256: data!.sha256, language: data!.language }),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: missionKey(mission.id) });
      void client.invalidateQueries({ queryKey: missionsKey });
    },
    onError: (error) => {
      // A text or a mission changed since it was read: show the current one, to be read again before accepting.
      if (error instanceof ApiError && ['agreement_changed', 'version_conflict'].includes(error.code)) {
        void client.invalidateQueries({ queryKey: missionKey(mission.id) });
      }
    },
  });
  // Once accepted, the one PDF is the text accepted, in the language it was accepted in (with French).
  const languages = data?.textAccepted ? [data.language] : data ? [...new Set([data.expertLanguage, 'fr'])] : ['fr'];
  const languageName = (code: string) => t(`language.${code}`, { defaultValue: code });
  const accepted = data?.accepted ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mission-agreement-heading">
      <Title order={2} size="h4" id="mission-agreement-heading" mb="sm">
        {t('missions.agreement.title')}
      </Title>
      <Stack gap="sm">
        <ErrorAlert error={agreement.error} />
        {data && (
          <Text size="sm" data-testid="agreement-status">
            {accepted
              ? t('missions.agreement.acceptedBy', {
                  name: accepted.by?.name ?? mission.expert.name,
                  date: formatDateTime(accepted.at, i18n.language),
                })
              : t('missions.agreement.notAccepted')}
          </Text>
        )}
        {accepted?.sha256 && (
          <Text size="xs" c="dimmed">
            {t('missions.agreement.fingerprint', { sha256: accepted.sha256.slice(0, 16) })}
            {accepted.matchesCurrent
              ? ''
              : ` ${t(data?.textAccepted ? 'missions.agreement.keptSince' : 'missions.agreement.changedSince')}`}
          </Text>
        )}
        {data && (
          <Group gap="md" role="group" aria-label={t('missions.agreement.downloads')}>
            {languages.map((language) => (
              <Anchor key={language} href={agreementPdfUrl(mission.id, language)} data-testid="agreement-pdf">
                {language === 'fr'
                  ? t('missions.agreement.pdfIn', { language: languageName('fr') })
                  : t('missions.agreement.pdfInWithFrench', { language: languageName(language) })}
              </Anchor>
            ))}
          </Group>
        )}
        {data?.canAccept && (
          <>
            <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
              <Stack gap="md" data-testid="agreement-text" tabIndex={0} aria-label={t('missions.agreement.text')}>
                {data.parts.map((part) => (
                  <Paper
                    key={part.locale}
                    withBorder
                    p="sm"
                    lang={part.locale}
                    dir={directionOf(asLocale(part.locale) ?? 'fr')}
                  >
                    <AgreementText text={part.text} />
                  </Paper>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            <Group>
              <Button
                onClick={() => {
                  accept.reset();
                  setConfirming(true);
                }}
                data-testid="agreement-accept"
              >
                {t('missions.agreement.accept')}
              </Button>
            </Group>
            <ConfirmDialog
              opened={confirming}
              title={t('missions.agreement.accept')}
              body={t('missions.agreement.acceptConfirm', { reference: mission.reference })}
              confirmLabel={t('missions.agreement.acceptConfirmButton')}
              pending={accept.isPending}
              error={accept.error}
              onClose={() => setConfirming(false)}
              onConfirm={() => accept.mutate()}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
