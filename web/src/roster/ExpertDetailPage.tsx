import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { ExpertDocumentsCard } from '../experts/documents/ExpertDocumentsCard.tsx';
import { useReference } from '../experts/reference.ts';
import type { ProfileView } from '../experts/types.ts';
import { DataState } from '../shell/DataState.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { statusColors } from '../shell/statusColors.ts';
import { vettingColor } from './RosterTable.tsx';
import { StaffPanels } from './staff/StaffPanels.tsx';

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A term and its value; an empty value reads "not given" instead of leaving a hole. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {term}
      </Text>
      <Text component="dd" m={0}>
        {empty ? t('expert.notGiven') : children}
      </Text>
    </div>
  );
}

function ProfileDetails({ profile }: { profile: ProfileView }) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const sectors = useReference('sectors');
  const occupations = useReference('occupations');
  const languages = useReference('languages');
  const regions = useReference('regions');
  return (
    <Stack gap="md">
      <Group gap="xs">
        {profile.nameAr && (
          <Text size="lg" data-testid="expert-name-ar">
            <span lang="ar" dir="rtl">
              {profile.nameAr}
            </span>
          </Text>
        )}
        <Badge variant="filled" bg={vettingColor[profile.vettingStatus]} c="white">
          {t(`roster.vetting.${profile.vettingStatus}`)}
        </Badge>
        {profile.stale && (
          <Badge bg={statusColors.warning} c="white" variant="filled">
            {t('roster.stale')}
          </Badge>
        )}
      </Group>
      {profile.headline && <Text fw={600}>{profile.headline}</Text>}
      {profile.summary && <Text style={{ whiteSpace: 'pre-line' }}>{profile.summary}</Text>}
      <Card title={t('profile.identity.title')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
          <Fact term={t('expert.email')}>
            <bdi>{profile.email}</bdi>
          </Fact>
          <Fact term={t('profile.identity.phone')}>{profile.phone && <bdi>{profile.phone}</bdi>}</Fact>
          <Fact term={t('profile.identity.gender')}>{t(`profile.genders.${profile.gender}`)}</Fact>
          <Fact term={t('profile.residence.country')}>
            {[countries.label(profile.residenceCountry), profile.residenceCity].filter(Boolean).join(', ')}
          </Fact>
          <Fact term={t('profile.residence.origin')}>{countries.label(profile.originCountry)}</Fact>
          <Fact term={t('profile.residence.nationalities')}>
            {profile.nationalities.map((code) => countries.label(code)).join(', ')}
          </Fact>
          <Fact term={t('profile.expertise.occupation')}>{occupations.label(profile.occupation)}</Fact>
          <Fact term={t('profile.expertise.sectors')}>
            {profile.sectors.map((code) => sectors.label(code)).join(' · ')}
          </Fact>
          <Fact term={t('profile.languages.title')}>
            {profile.languages.map((entry) => `${languages.label(entry.language)} ${entry.level}`).join(' · ')}
          </Fact>
          <Fact term={t('profile.skills.title')}>{profile.skills.map((skill) => skill.label).join(', ')}</Fact>
          <Fact term={t('profile.regions.title')}>
            {profile.preferredRegions.map((code) => regions.label(code)).join(', ')}
          </Fact>
          <Fact term={t('expert.confirmedAt')}>{formatDateTime(profile.confirmedAt, i18n.language)}</Fact>
        </SimpleGrid>
      </Card>
      <Card title={t('profile.experience.title')}>
        {profile.experience.length ? (
          <List size="sm">
            {profile.experience.map((entry) => (
              <List.Item key={entry.id ?? `${entry.title}-${entry.startsOn}`}>
                {entry.title}, {entry.employer} ({entry.startsOn} – {entry.endsOn ?? t('expert.present')})
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('expert.notGiven')}</Text>
        )}
      </Card>
      <Card title={t('profile.education.title')}>
        {profile.education.length ? (
          <List size="sm">
            {profile.education.map((entry) => (
              <List.Item key={entry.id ?? `${entry.degree}-${entry.institution}`}>
                {[entry.degree, entry.field, entry.institution, entry.yearCompleted].filter(Boolean).join(', ')}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('expert.notGiven')}</Text>
        )}
      </Card>
      <Card title={t('profile.availability.title')}>
        {profile.availability.length ? (
          <Table>
            <Table.Tbody>
              {profile.availability.map((entry) => (
                <Table.Tr key={entry.id ?? entry.startsOn}>
                  <Table.Td>
                    {entry.startsOn} – {entry.endsOn}
                  </Table.Td>
                  <Table.Td>
                    {[entry.onSite && t('roster.modalities.on_site'), entry.online && t('roster.modalities.online')]
                      .filter(Boolean)
                      .join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('expert.notGiven')}</Text>
        )}
      </Card>
      <ExpertDocumentsCard expertId={profile.userId} />
    </Stack>
  );
}

/** One expert's profile as staff see it: read-only. */
export function ExpertDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = useQuery({
    queryKey: ['experts', 'profile', id],
    queryFn: () => api<ProfileView>('GET', `/experts/${encodeURIComponent(id)}`),
  });
  const title = profile.data ? `${profile.data.firstName} ${profile.data.lastName}` : t('expert.title');
  return (
    <Page title={title}>
      <Anchor component={Link} to="/roster" size="sm">
        {t('expert.back')}
      </Anchor>
      <DataState isPending={profile.isPending} error={profile.error} isEmpty={false} emptyText="">
        {profile.data && <ProfileDetails profile={profile.data} />}
        {profile.data && <StaffPanels expertId={profile.data.userId} />}
      </DataState>
    </Page>
  );
}
