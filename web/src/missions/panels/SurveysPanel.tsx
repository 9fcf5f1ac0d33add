import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { locales } from '../../i18n/index.ts';
import { DataState } from '../../shell/DataState.tsx';
import { formatDateTime, formatDay } from '../../shell/format.ts';
import { addRespondent, missionSurveys, panelKeys } from './api.ts';
import { may, surveyMoments, type PanelProps, type SurveyMoment, type SurveyRow } from './types.ts';

interface Respondent {
  name: string;
  email: string;
  locale: SurveyRow['locale'];
  surveys: Partial<Record<SurveyMoment, SurveyRow>>;
}

/** One row per respondent (by e-mail), with their survey of each moment. */
function byRespondent(rows: SurveyRow[]): Respondent[] {
  const respondents = new Map<string, Respondent>();
  for (const row of rows) {
    const key = row.respondentEmail.toLowerCase();
    const respondent = respondents.get(key) ?? {
      name: row.respondentName,
      email: row.respondentEmail,
      locale: row.locale,
      surveys: {},
    };
    respondent.surveys[row.moment] = row;
    respondents.set(key, respondent);
  }
  return [...respondents.values()];
}

/** Where one survey stands: answered (when), sent and waiting, or due to be sent (when). */
function MomentCell({ survey }: { survey: SurveyRow | undefined }) {
  const { t, i18n } = useTranslation();
  if (!survey) return <Text size="sm">—</Text>;
  if (survey.submittedAt) {
    return (
      <Text size="sm" data-state="answered">
        {t('missionReporting.surveys.answered', { date: formatDateTime(survey.submittedAt, i18n.language) })}
      </Text>
    );
  }
  if (survey.sentAt) {
    return (
      <Text size="sm" data-state="sent">
        {t('missionReporting.surveys.sent', {
          date: formatDateTime(survey.remindedAt ?? survey.sentAt, i18n.language),
        })}
      </Text>
    );
  }
  return (
    <Text size="sm" data-state="due">
      {t('missionReporting.surveys.due', { date: formatDay(survey.dueOn, i18n.language) })}
    </Text>
  );
}

interface RespondentValues {
  name: string;
  email: string;
  locale: string;
}

function AddRespondent({ missionId, onAdded }: { missionId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<RespondentValues>({
    initialValues: { name: '', email: '', locale: i18n.language },
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('validation.email')),
    },
  });
  const add = useMutation({
    mutationFn: (values: RespondentValues) =>
      addRespondent(missionId, { name: values.name.trim(), email: values.email.trim(), locale: values.locale }),
    onSuccess: () => {
      form.reset();
      onAdded();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('missionReporting.surveys.add')}
        </Title>
        <Text size="sm">{t('missionReporting.surveys.addHelp')}</Text>
        <Group grow align="flex-start">
          <TextInput
            label={t('missionReporting.surveys.name')}
            maxLength={200}
            required
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('missionReporting.surveys.email')}
            type="email"
            dir="ltr"
            maxLength={254}
            required
            {...form.getInputProps('email')}
          />
          <Select
            label={t('missionReporting.surveys.language')}
            data={locales.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
            allowDeselect={false}
            required
            {...form.getInputProps('locale')}
          />
        </Group>
        <ErrorAlert error={add.error} />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('missionReporting.surveys.addSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

function SurveysCard({ mission, onChanged }: PanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const query = useQuery({ queryKey: panelKeys.surveys(mission.id), queryFn: () => missionSurveys(mission.id) });
  const rows = query.data?.items ?? [];
  const respondents = byRespondent(rows);
  // The next survey to go out: the earliest one neither sent nor answered.
  const next = rows.filter((row) => !row.sentAt && !row.submittedAt).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="surveys-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('missionReporting.surveys.title')}
        </Title>
        <Text size="sm">{t('missionReporting.surveys.intro')}</Text>
        {next && (
          <Text size="sm" fw={600} data-testid="next-survey">
            {t('missionReporting.surveys.next', {
              date: formatDay(next.dueOn, i18n.language),
              moment: t(`missionReporting.surveys.moments.${next.moment}`),
            })}
          </Text>
        )}
        <DataState
          isPending={query.isPending}
          error={query.error}
          isEmpty={respondents.length === 0}
          emptyText={t('missionReporting.surveys.empty')}
        >
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="survey-respondents">
              <caption className="visually-hidden">{t('missionReporting.surveys.title')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('missionReporting.surveys.respondent')}</Table.Th>
                  {surveyMoments.map((moment) => (
                    <Table.Th scope="col" key={moment}>
                      {t(`missionReporting.surveys.moments.${moment}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {respondents.map((respondent) => (
                  <Table.Tr key={respondent.email} data-testid="survey-respondent">
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={600}>
                        {respondent.name}
                      </Text>
                      <Text size="xs">
                        <span dir="ltr">{respondent.email}</span>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`language.${respondent.locale}`)}
                      </Text>
                    </Table.Th>
                    {surveyMoments.map((moment) => (
                      <Table.Td key={moment}>
                        <MomentCell survey={respondent.surveys[moment]} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </DataState>
        {mission.state !== 'cancelled' && may(mission, 'mission.surveys.manage') && (
          <AddRespondent
            missionId={mission.id}
            onAdded={() => {
              void client.invalidateQueries({ queryKey: panelKeys.surveys(mission.id) });
              onChanged();
            }}
          />
        )}
      </Stack>
    </Card>
  );
}

/**
 * The knowledge-transfer surveys (staff, the host): who answers, which moment they answered, what is due next.
 * Officers and the host add respondents; M&E officers read.
 */
export function SurveysPanel({ mission, onChanged }: PanelProps) {
  if (!may(mission, 'mission.surveys.read') && !may(mission, 'mission.surveys.manage')) return null;
  return <SurveysCard mission={mission} onChanged={onChanged} />;
}
