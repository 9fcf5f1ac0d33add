import { Anchor, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/session.ts';
import { paramsFromQuery, type RosterQuery } from '../rosterQuery.ts';

/** Roles that may import (the server's rule in src/modules/experts/import/policy.ts; it still refuses others). */
const importRoles = new Set(['admin', 'programme_officer']);

/**
 * On the roster page: export the current search (every matching row, not only this page) as CSV or XLSX, and,
 * for officers and administrators, the way to the import page.
 */
export function RosterTransfer({ query }: { query: RosterQuery }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const params = paramsFromQuery(query);
  params.delete('page');
  const href = (format: 'csv' | 'xlsx') => {
    const search = new URLSearchParams(params);
    search.set('format', format);
    return `/api/experts/export?${search.toString()}`;
  };
  const mayImport = me?.roles.some((grant) => importRoles.has(grant.role)) ?? false;
  return (
    <Group gap="sm" aria-label={t('rosterExport.label')} role="group">
      <Button component="a" href={href('csv')} download variant="default" size="xs">
        {t('rosterExport.csv')}
      </Button>
      <Button component="a" href={href('xlsx')} download variant="default" size="xs">
        {t('rosterExport.xlsx')}
      </Button>
      {mayImport && (
        <Anchor component={Link} to="/roster/import" size="sm">
          {t('rosterImport.link')}
        </Anchor>
      )}
    </Group>
  );
}
