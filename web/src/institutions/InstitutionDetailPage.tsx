import { Anchor, Badge, Button, Drawer, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { useReference } from '../experts/reference.ts';
import { DataState } from '../shell/DataState.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { FocalPointsCard } from './FocalPointsCard.tsx';
import { InstitutionForm } from './InstitutionForm.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { institutionKeys, nameOf, type InstitutionPage, type InstitutionView } from './types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** One institution: its record (editable by programme officers), its focal points and its development plan. */
function InstitutionDetail({ institution }: { institution: InstitutionView }) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const regions = useReference('regions');
  const sectors = useReference('sectors');
  const [editing, setEditing] = useState(false);
  const allowed = new Set(institution.allowedActions);

  return (
    <Page title={nameOf(institution, i18n.language)}>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Badge variant="outline">{t(`institutions.kinds.${institution.kind}`)}</Badge>
            <Badge variant="light">{t(`institutions.types.${institution.type}`)}</Badge>
          </Group>
          {allowed.has('institution.update') && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('institutions.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="sm">
          <Fact label={t('institutions.fields.nameFr')}>
            <bdi lang="fr">{institution.nameFr}</bdi>
          </Fact>
          <Fact label={t('institutions.fields.nameAr')}>
            {institution.nameAr && (
              <span lang="ar" dir="rtl">
                {institution.nameAr}
              </span>
            )}
          </Fact>
          <Fact label={t('institutions.fields.nameEn')}>
            {institution.nameEn && <bdi lang="en">{institution.nameEn}</bdi>}
          </Fact>
          <Fact label={t('institutions.fields.country')}>{countries.label(institution.country)}</Fact>
          <Fact label={t('institutions.fields.region')}>{regions.label(institution.region)}</Fact>
          <Fact label={t('institutions.fields.province')}>{regions.label(institution.province)}</Fact>
          <Fact label={t('institutions.fields.city')}>{institution.city}</Fact>
          <Fact label={t('institutions.fields.website')}>
            {institution.website && (
              <Anchor href={institution.website} target="_blank" rel="noopener noreferrer" dir="ltr">
                {institution.website}
              </Anchor>
            )}
          </Fact>
        </SimpleGrid>
        <Stack gap={4} mt="sm">
          <Text size="sm" c="dimmed">
            {t('institutions.fields.sectors')}
          </Text>
          {institution.sectors.length ? (
            <List size="sm">
              {institution.sectors.map((code) => (
                <List.Item key={code}>{`${code} · ${sectors.label(code)}`}</List.Item>
              ))}
            </List>
          ) : (
            <Text>{t('institutions.noSectors')}</Text>
          )}
        </Stack>
      </Paper>
      {allowed.has('focal_points.read') && <FocalPointsCard institution={institution} />}
      {allowed.has('plan.read') && <PlanEditor institution={institution} />}
      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        position={i18n.dir() === 'rtl' ? 'left' : 'right'}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t('institutions.edit')}
      >
        {editing && <InstitutionForm institution={institution} onDone={() => setEditing(false)} />}
      </Drawer>
      <Text size="xs" c="dimmed">
        {t('institutions.updated', { date: formatDateTime(institution.updatedAt, i18n.language) })}
      </Text>
    </Page>
  );
}

/** `/institutions/:id`: staff, donors and the institution's own focal points; anyone else gets "not found". */
export function InstitutionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: institutionKeys.one(id),
    queryFn: () => api<InstitutionView>('GET', `/institutions/${encodeURIComponent(id)}`),
  });
  return (
    <DataState isPending={query.isPending} error={query.error} isEmpty={false} emptyText={t('institutions.empty')}>
      {query.data && <InstitutionDetail institution={query.data} />}
    </DataState>
  );
}

/** "My institution" for a focal point: the institution they represent, or a choice when they represent several. */
export function MyInstitutionPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: [...institutionKeys.all, 'mine'],
    queryFn: () => api<InstitutionPage>('GET', '/institutions', undefined, { pageSize: 200 }),
  });
  const items = query.data?.items ?? [];
  return (
    <DataState
      isPending={query.isPending}
      error={query.error}
      isEmpty={items.length === 0}
      emptyText={t('institutions.noneOwn')}
    >
      {items.length === 1 ? (
        <InstitutionDetail institution={items[0]!} />
      ) : (
        <Page title={t('institutions.mine')}>
          <Title order={2} size="h4">
            {t('institutions.chooseOwn')}
          </Title>
          <List>
            {items.map((institution) => (
              <List.Item key={institution.id}>
                <Anchor component={Link} to={`/institutions/${institution.id}`}>
                  {nameOf(institution, i18n.language)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Page>
      )}
    </DataState>
  );
}
