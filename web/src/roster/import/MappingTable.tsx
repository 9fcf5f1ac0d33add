import { Badge, NativeSelect, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportField, type ImportReport, type Mapping } from './importApi.ts';

interface Props {
  columns: ImportReport['columns'];
  /** The staff member's choices so far (null: the server's recognition of the headers). */
  mapping: Mapping | null;
  onChange(mapping: Mapping): void;
}

/** Each column of the file with the profile field it fills, editable; "recognised" marks the server's guesses. */
export function MappingTable({ columns, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const current = (column: Props['columns'][number]) =>
    mapping && Object.hasOwn(mapping, column.header) ? mapping[column.header] : column.field;
  const options = [
    { value: '', label: t('rosterImport.mapping.ignore') },
    ...importFields.map((field) => ({ value: field, label: t(`rosterImport.fields.${field}`) })),
  ];
  const choose = (header: string, value: string) => {
    // Every column is sent once the staff member changes one, so the server's guesses cannot shift under them.
    const next: Mapping = Object.fromEntries(columns.map((column) => [column.header, current(column) ?? null]));
    next[header] = (value || null) as ImportField | null;
    onChange(next);
  };
  return (
    <section aria-labelledby="import-mapping-title">
      <Title order={2} size="h4" id="import-mapping-title" mb="xs">
        {t('rosterImport.mapping.title')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rosterImport.mapping.column')}</Table.Th>
              <Table.Th scope="col">{t('rosterImport.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns
              .filter((column) => column.header.trim())
              .map((column) => (
                <Table.Tr key={column.index}>
                  <Table.Td>
                    <bdi>{column.header}</bdi>{' '}
                    {column.detected && current(column) === column.field && (
                      <Badge variant="light" color="green.9" tt="none">
                        {t('rosterImport.mapping.detected')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('rosterImport.mapping.fieldFor', { header: column.header })}
                      data={options}
                      value={current(column) ?? ''}
                      onChange={(event) => choose(column.header, event.currentTarget.value)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
