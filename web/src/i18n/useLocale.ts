import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useMe, useSetMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { applyLocale, asLocale, defaultLocale, type Locale } from './index.ts';

/** The current language and a setter that also saves it on the account when someone is signed in. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const me = useMe();
  const setMe = useSetMe();
  const save = useMutation({
    mutationFn: (locale: Locale) => api<Me>('PATCH', '/me', { locale }),
    onSuccess: (updated) => setMe(updated),
  });
  return {
    locale: asLocale(i18n.language) ?? defaultLocale,
    setLocale(locale) {
      void applyLocale(locale);
      if (me.data && me.data.user.locale !== locale) save.mutate(locale);
    },
  };
}
