import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { formatDateTime } from '../shell/format.ts';
import { statusColors } from '../shell/statusColors.ts';
import { consentPurposes, type Consent, type ConsentPurpose, type ProfileView } from './types.ts';
import { profileKey } from './useProfile.ts';

interface Change {
  purpose: ConsentPurpose;
  granted: boolean;
}

/** A consent is in force when it was given and not withdrawn since. */
function isGranted(consent: Consent | undefined): boolean {
  return !!consent && !consent.withdrawnAt;
}

/** The consents are a dated history (a re-grant adds a record): the latest record of each purpose is in force. */
export function latestByPurpose(consents: Consent[]): Map<ConsentPurpose, Consent> {
  const latest = new Map<ConsentPurpose, Consent>();
  for (const consent of consents) {
    const current = latest.get(consent.purpose);
    if (!current || consent.grantedAt > current.grantedAt) latest.set(consent.purpose, consent);
  }
  return latest;
}

function ConsentRow({
  purpose,
  consent,
  onChange,
}: {
  purpose: ConsentPurpose;
  consent?: Consent;
  onChange: (change: Change) => void;
}) {
  const { t, i18n } = useTranslation();
  const granted = isGranted(consent);
  return (
    <Paper withBorder p="sm" component="li" data-testid={`consent-${purpose}`} data-granted={granted}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} id={`consent-${purpose}-title`}>
            {t(`privacy.purposes.${purpose}.title`)}
          </Text>
          <Badge bg={granted ? statusColors.positive : statusColors.neutral} c="white" variant="filled">
            {granted ? t('privacy.granted') : t('privacy.notGranted')}
          </Badge>
        </Group>
        <Text size="sm">{t(`privacy.purposes.${purpose}.body`)}</Text>
        {consent && (
          <Text size="sm" c="dimmed">
            {consent.withdrawnAt
              ? t('privacy.withdrawnOn', {
                  version: consent.version,
                  date: formatDateTime(consent.withdrawnAt, i18n.language),
                })
              : t('privacy.grantedOn', {
                  version: consent.version,
                  date: formatDateTime(consent.grantedAt, i18n.language),
                })}
          </Text>
        )}
        <Group>
          <Button
            size="xs"
            variant={granted ? 'default' : 'filled'}
            aria-describedby={`consent-${purpose}-title`}
            onClick={() => onChange({ purpose, granted: !granted })}
          >
            {granted ? t('privacy.withdraw') : t('privacy.grant')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The three consents, each with its version and date, granted or withdrawn after a confirmation. */
export function ConsentsCard({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [pending, setPending] = useState<Change | null>(null);
  // The dialog keeps its title while it fades out, so it is never an unnamed dialog.
  const [shown, setShown] = useState<Change | null>(null);
  if (pending && pending !== shown) setShown(pending);
  const change = useMutation({
    mutationFn: (body: Change) => api('POST', '/experts/me/consents', body),
    onSuccess: () => {
      setPending(null);
      return client.invalidateQueries({ queryKey: profileKey });
    },
  });
  const byPurpose = latestByPurpose(profile.consents);
  const effectKey = pending
    ? `privacy.purposes.${pending.purpose}.${pending.granted ? 'grantEffect' : 'withdrawEffect'}`
    : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consents-title">
      <Title order={2} size="h4" id="consents-title" mb="xs">
        {t('privacy.consentsTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('privacy.consentsIntro')}
      </Text>
      <ErrorAlert error={change.error} />
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
        {consentPurposes.map((purpose) => (
          <ConsentRow key={purpose} purpose={purpose} consent={byPurpose.get(purpose)} onChange={setPending} />
        ))}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={!!pending}
        onClose={() => setPending(null)}
        title={t(shown?.granted ? 'privacy.confirmGrant' : 'privacy.confirmWithdraw')}
        centered
      >
        {pending && (
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t(`privacy.purposes.${pending.purpose}.title`)}
            </Text>
            <Text size="sm" data-testid="consent-effect">
              {t(effectKey)}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={pending.granted ? 'blue.8' : 'red.9'}
                loading={change.isPending}
                onClick={() => change.mutate(pending)}
                data-testid="confirm-consent"
              >
                {pending.granted ? t('privacy.grant') : t('privacy.withdraw')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
