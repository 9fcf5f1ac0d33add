import { Alert, Anchor, Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../api/errors.tsx';
import { Page } from '../../shell/Page.tsx';
import { sendImport, rowOutcomes, type ImportReport, type Mapping } from './importApi.ts';
import { MappingTable } from './MappingTable.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';

const accepted = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The counts of a report, one tile per outcome. */
function Counts({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-counts-title">
      <Title order={2} size="h4" id="import-counts-title" mb="xs">
        {t('rosterImport.counts.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" data-testid="import-counts" m={0}>
        {(['rows', ...rowOutcomes] as const).map((key) => (
          <Paper key={key} withBorder p="sm" data-outcome={key}>
            <Text component="dt" size="sm">
              {t(`rosterImport.counts.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {report.counts[key]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

/**
 * Import a roster file: choose it, check it (a dry run that writes nothing), adjust the columns, read every
 * problem, then import, which the server does all at once or not at all.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [checkedMapping, setCheckedMapping] = useState<Mapping | null>(null);
  const check = useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: Mapping | null }) => sendImport(file, mapping, true),
    onSuccess: (_report, variables) => setCheckedMapping(variables.mapping),
  });
  const run = useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: Mapping | null }) => sendImport(file, mapping, false),
    // New people are in the roster now: searches and duplicates read before are out of date.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['experts'] }),
  });
  const report = check.data;
  const result = run.data && run.data.importId ? run.data : null;
  const refused = run.data && !run.data.importId ? run.data : null;
  const shown = refused ?? report;
  const dirty = JSON.stringify(mapping) !== JSON.stringify(checkedMapping);

  const startCheck = (event?: FormEvent) => {
    event?.preventDefault();
    if (!file) return;
    run.reset();
    check.mutate({ file, mapping });
  };
  const reset = () => {
    setFile(null);
    setMapping(null);
    setCheckedMapping(null);
    check.reset();
    run.reset();
  };

  if (result) {
    return (
      <Page title={t('rosterImport.title')}>
        <Alert color="green" title={t('rosterImport.done.title')} role="status" data-testid="import-done">
          {t('rosterImport.done.body', {
            created: result.counts.create,
            updated: result.counts.update,
            unchanged: result.counts.unchanged,
            skipped: result.counts.skipped_registered,
          })}
        </Alert>
        <Group>
          <Anchor component={Link} to="/roster/duplicates">
            {t('rosterImport.done.duplicates')}
          </Anchor>
          <Anchor component={Link} to="/roster">
            {t('rosterImport.done.roster')}
          </Anchor>
          <Button variant="subtle" onClick={reset}>
            {t('rosterImport.done.another')}
          </Button>
        </Group>
      </Page>
    );
  }

  return (
    <Page title={t('rosterImport.title')}>
      <Text>{t('rosterImport.intro')}</Text>
      <Text size="sm">{t('rosterImport.formatHelp')}</Text>
      <Text size="sm">{t('rosterImport.noEmail')}</Text>
      <form onSubmit={startCheck}>
        <Group align="flex-end">
          <FileInput
            label={t('rosterImport.file')}
            name="file"
            accept={accepted}
            value={file}
            onChange={(next) => {
              setFile(next);
              setMapping(null);
              setCheckedMapping(null);
              check.reset();
              run.reset();
            }}
            style={{ flex: '1 1 20rem' }}
          />
          <Button type="submit" disabled={!file} loading={check.isPending}>
            {t('rosterImport.check')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={check.error ?? run.error} />
      {shown && (
        <Stack gap="lg" data-testid="import-report">
          <Text size="sm">
            {shown.fileType === 'csv'
              ? t('rosterImport.fileInfo', { type: 'CSV', encoding: shown.encoding, delimiter: shown.delimiter })
              : t('rosterImport.fileInfoXlsx')}
          </Text>
          <Counts report={shown} />
          <MappingTable columns={shown.columns} mapping={mapping} onChange={(next) => setMapping(next)} />
          {dirty && (
            <Alert color="yellow" role="status">
              <Stack gap="xs" align="flex-start">
                <Text>{t('rosterImport.remapped')}</Text>
                <Button onClick={() => startCheck()} loading={check.isPending}>
                  {t('rosterImport.checkAgain')}
                </Button>
              </Stack>
            </Alert>
          )}
          <ProblemsTable problems={shown.problems} total={shown.problemCount} />
          {shown.errorCount > 0 && (
            <Alert color="red" role="alert" data-testid="import-blocked">
              {t('rosterImport.blocked')}
            </Alert>
          )}
          <Group>
            <Button
              disabled={shown.errorCount > 0 || dirty || !file}
              loading={run.isPending}
              onClick={() => file && run.mutate({ file, mapping })}
            >
              {t('rosterImport.importRows', { count: shown.counts.rows })}
            </Button>
          </Group>
        </Stack>
      )}
    </Page>
  );
}
