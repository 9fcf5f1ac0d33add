import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asLocale, locales } from './index.ts';
import { useLocale } from './useLocale.ts';

/** Each language named in itself, so a reader finds theirs whatever the current language. */
const nativeNames: Record<(typeof locales)[number], string> = {
  fr: 'Français',
  ar: 'العربية',
  en: 'English',
  nl: 'Nederlands',
};

/** The header's language picker: a native select, so keyboards and screen readers get the platform's own control. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language-switcher"
      size="xs"
      value={locale}
      onChange={(event) => {
        const next = asLocale(event.currentTarget.value);
        if (next) setLocale(next);
      }}
    >
      {locales.map((code) => (
        <option key={code} value={code} lang={code}>
          {nativeNames[code]}
        </option>
      ))}
    </NativeSelect>
  );
}
