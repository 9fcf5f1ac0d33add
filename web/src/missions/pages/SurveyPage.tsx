import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../api/errors.tsx';
import { applyLocale, asLocale } from '../../i18n/index.ts';
import { Loading } from '../../shell/RequireAuth.tsx';
import { Page } from '../../shell/Page.tsx';
import { isolate } from '../panels/format.ts';
import { RatingGroup } from '../panels/RatingGroup.tsx';

/** `GET /api/surveys/{token}`: the form in the respondent's language (src/modules/missions/surveys/schemas.ts). */
interface PublicSurvey {
  moment: 'before' | 'after' | 'one_year';
  locale: string;
  respondentName: string;
  mission: { reference: string; title: string; host: string; expert: string };
  questions: { key: string; kind: 'scale' | 'text'; text: string; required: boolean }[];
  scale: { min: 1; max: 5 };
}

const surveyUrl = (token: string) => `/surveys/${encodeURIComponent(token)}`;

/** Unknown or spent links get a plain sentence, not an error box: the respondent did nothing wrong. */
function LinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'survey_already_submitted') {
    return (
      <Alert color="blue" data-testid="survey-used">
        {t('missionReporting.survey.alreadyAnswered')}
      </Alert>
    );
  }
  if (code === 'not_found' || code === 'validation_failed') {
    return (
      <Alert color="gray" data-testid="survey-unknown">
        {t('missionReporting.survey.unknownLink')}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

function SurveyForm({ token, survey }: { token: string; survey: PublicSurvey }) {
  const { t } = useTranslation();
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const submit = useMutation({
    mutationFn: () =>
      api<{ submittedAt: string }>('POST', surveyUrl(token), {
        ratings: Object.fromEntries(Object.entries(ratings).map(([key, value]) => [key, Number(value)])),
        ...(text.trim() ? { text: text.trim() } : {}),
      }),
  });
  const scaleQuestions = survey.questions.filter((question) => question.kind === 'scale');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = scaleQuestions.filter((question) => question.required && !ratings[question.key]);
    setMissing(unanswered.map((question) => question.key));
    if (unanswered.length === 0) submit.mutate();
  };
  if (submit.isSuccess) {
    return (
      <Alert color="green" role="status" title={t('missionReporting.survey.thanksTitle')} data-testid="survey-thanks">
        {t('missionReporting.survey.thanks')}
      </Alert>
    );
  }
  if (submit.error instanceof ApiError && submit.error.code === 'survey_already_submitted') {
    return <LinkProblem error={submit.error} />;
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        {survey.questions.map((question) =>
          question.kind === 'scale' ? (
            <RatingGroup
              key={question.key}
              label={question.text}
              scaleKey="missionReporting.survey.scale"
              value={ratings[question.key] ?? ''}
              onChange={(value) => setRatings((current) => ({ ...current, [question.key]: value }))}
              error={missing.includes(question.key) ? t('validation.required') : undefined}
            />
          ) : (
            <Textarea
              key={question.key}
              label={question.text}
              dir="auto"
              autosize
              minRows={3}
              maxLength={5000}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
          ),
        )}
        {missing.length > 0 && (
          <Text size="sm" c="red.9" role="alert">
            {t('missionReporting.survey.answerAll')}
          </Text>
        )}
        <ErrorAlert error={submit.error} />
        <Button type="submit" loading={submit.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('missionReporting.survey.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The knowledge-transfer survey behind a personal link, without an account. It switches the interface to the
 * respondent's language once (they can switch back), and keeps to plain controls so it loads on a slow connection.
 */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const query = useQuery({
    queryKey: ['survey', token],
    queryFn: () => api<PublicSurvey>('GET', surveyUrl(token)),
    // A spent or unknown link will not heal by asking again.
    retry: false,
    staleTime: Infinity,
  });
  const switched = useRef(false);
  const locale = asLocale(query.data?.locale);
  useEffect(() => {
    if (!locale || switched.current) return;
    switched.current = true;
    if (i18n.language !== locale) void applyLocale(locale);
  }, [locale, i18n.language]);
  const survey = query.data;
  return (
    <Page title={t('missionReporting.survey.title')} narrow={false}>
      <Stack gap="md" maw={720}>
        {query.isPending && <Loading />}
        {query.error !== null && <LinkProblem error={query.error} />}
        {survey && (
          <>
            <Card withBorder>
              <Stack gap={4}>
                <Text>{t('missionReporting.survey.hello', { name: isolate(survey.respondentName) })}</Text>
                <Title order={2} size="h4" dir="auto">
                  {survey.mission.title}
                </Title>
                <Text size="sm">
                  {t('missionReporting.survey.about', {
                    expert: isolate(survey.mission.expert),
                    host: isolate(survey.mission.host),
                    reference: isolate(survey.mission.reference),
                  })}
                </Text>
                <Text size="sm">{t(`missionReporting.survey.moments.${survey.moment}`)}</Text>
              </Stack>
            </Card>
            <SurveyForm token={token} survey={survey} />
          </>
        )}
      </Stack>
    </Page>
  );
}
