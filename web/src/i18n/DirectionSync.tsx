import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { asLocale, defaultLocale, directionOf } from './index.ts';

/** Keeps Mantine's direction (used by its components for mirroring) in step with the current language. */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = directionOf(asLocale(i18n.language) ?? defaultLocale);
  useEffect(() => {
    setDirection(dir);
  }, [dir, setDirection]);
  return null;
}
