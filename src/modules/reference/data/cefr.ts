import type { Locale } from './types.ts';

/** Common European Framework of Reference levels, lowest first, with their usual names (Council of Europe). */
export const cefrLevels: readonly { code: string; labels: Record<Locale, string> }[] = [
  { code: 'A1', labels: { fr: 'Introductif', ar: 'مبتدئ', en: 'Beginner', nl: 'Beginner' } },
  { code: 'A2', labels: { fr: 'Intermédiaire ou de survie', ar: 'أساسي', en: 'Elementary', nl: 'Elementair' } },
  { code: 'B1', labels: { fr: 'Niveau seuil', ar: 'متوسط', en: 'Intermediate', nl: 'Gemiddeld' } },
  { code: 'B2', labels: { fr: 'Avancé ou indépendant', ar: 'فوق المتوسط', en: 'Upper intermediate', nl: 'Hoger gemiddeld' } },
  { code: 'C1', labels: { fr: 'Autonome', ar: 'متقدم', en: 'Advanced', nl: 'Gevorderd' } },
  { code: 'C2', labels: { fr: 'Maîtrise', ar: 'إتقان', en: 'Proficient', nl: 'Zeer gevorderd' } },
];
