import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Previous / next with "page x of y": words, not bare arrows, so every control has a readable name. */
export function Pager({ page, pageSize, total, onChange }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" component="nav" aria-label={t('pager.label')}>
      <Text size="sm">{t('pager.total', { total })}</Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onChange(page - 1)}>
          {t('pager.previous')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('pager.pageOf', { page, pages })}
        </Text>
        <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onChange(page + 1)}>
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
