import { useTranslation } from 'react-i18next';

/**
 * A file size in the reader's language: megabytes from one upwards (one decimal below ten), kilobytes below.
 * The number is formatted by Intl, the unit comes from the translations.
 */
export function useFileSize(): (bytes: number) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ar' ? 'ar-MA' : i18n.language;
  return (bytes) => {
    const megabytes = bytes / (1024 * 1024);
    if (megabytes >= 1) {
      const value = new Intl.NumberFormat(locale, { maximumFractionDigits: megabytes < 10 ? 1 : 0 }).format(megabytes);
      return t('documents.megabytes', { value });
    }
    const value = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));
    return t('documents.kilobytes', { value });
  };
}
