import { Anchor, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sectionOf } from './profileForm.ts';
import type { ProfileView } from './types.ts';

/** Moves focus into the section (not only the scroll position), so keyboard users land where they must act. */
function goTo(sectionId: string) {
  const section = document.getElementById(sectionId);
  section?.scrollIntoView({ block: 'start' });
  section?.focus({ preventScroll: true });
}

/** How complete the profile is, and a link to each section that still lacks something. */
export function Completeness({ completeness }: { completeness: ProfileView['completeness'] }) {
  const { t } = useTranslation();
  const { percent, missing } = completeness;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="completeness-title" data-testid="completeness">
      <Stack gap="xs">
        <Title order={2} size="h4" id="completeness-title">
          {t('profile.completeness.title')}
        </Title>
        <Progress
          value={percent}
          size="lg"
          color={percent >= 100 ? 'green.8' : 'blue.8'}
          aria-label={t('profile.completeness.title')}
        />
        <Text size="sm" data-testid="completeness-percent">
          {t('profile.completeness.percent', { percent })}
        </Text>
        {missing.length ? (
          <>
            <Text size="sm">{t('profile.completeness.missing')}</Text>
            <List size="sm" spacing={2}>
              {missing.map((key) => (
                <List.Item key={key}>
                  <Anchor
                    href={`#${sectionOf[key]}`}
                    onClick={(event) => {
                      event.preventDefault();
                      goTo(sectionOf[key]);
                    }}
                  >
                    {t(`profile.missing.${key}`)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm">{t('profile.completeness.complete')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
