import { Badge, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from './importApi.ts';

/** Rows drawn at most: a browser table of 10,000 rows is unusable; the count says what is left out. */
const maxShown = 500;

/** Every problem of the file: row, column, the code translated, and the server's detail. */
export function ProblemsTable({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, maxShown);
  return (
    <section aria-labelledby="import-problems-title">
      <Title order={2} size="h4" id="import-problems-title" mb="xs">
        {t('rosterImport.problems.title')}
      </Title>
      {total === 0 ? (
        <Text data-testid="import-no-problems">{t('rosterImport.problems.none')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="import-problems">
              <caption className="visually-hidden">{t('rosterImport.problems.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rosterImport.problems.row')}</Table.Th>
                  <Table.Th scope="col">{t('rosterImport.problems.column')}</Table.Th>
                  <Table.Th scope="col">{t('rosterImport.problems.problem')}</Table.Th>
                  <Table.Th scope="col">{t('rosterImport.problems.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((problem, index) => (
                  <Table.Tr key={index} data-code={problem.code}>
                    <Table.Td>{problem.row}</Table.Td>
                    <Table.Td>
                      <bdi>{problem.column ?? '—'}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={problem.severity === 'error' ? 'red.9' : 'yellow.9'}
                        tt="none"
                        me="xs"
                      >
                        {t(`rosterImport.problems.${problem.severity}`)}
                      </Badge>
                      {t(`rosterImport.codes.${problem.code}`, { defaultValue: problem.code })}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lang="en" dir="ltr">
                        {problem.message}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > shown.length && (
            <Text size="sm">{t('rosterImport.problems.shown', { shown: shown.length, total })}</Text>
          )}
        </>
      )}
    </section>
  );
}
