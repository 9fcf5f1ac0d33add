import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales } from './index.ts';

/** A form field choosing one of the four languages, each named in the interface's language. */
export function LocaleSelect(props: Omit<NativeSelectProps, 'data' | 'children'>) {
  const { t } = useTranslation();
  return (
    <NativeSelect name="locale" {...props}>
      {locales.map((code) => (
        <option key={code} value={code}>
          {t(`language.${code}`)}
        </option>
      ))}
    </NativeSelect>
  );
}
