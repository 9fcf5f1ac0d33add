/**
 * The knowledge-transfer questionnaire, as data: statements rated from 1 (not at all) to 5 (fully), and one open
 * question, in the four languages. The same `level` statement is asked at every moment, so that before, right after
 * and one year after can be compared; the others ask what became of the expert's knowledge, once it was shared.
 */
import type { Locale } from '../../identity/schema.ts';
import type { SurveyMoment } from '../schema.ts';

type Texts = Record<Locale, string>;

export interface ScaleQuestion {
  key: string;
  moments: readonly SurveyMoment[];
  text: Texts;
}

const all = ['before', 'after', 'one_year'] as const;
const afterwards = ['after', 'one_year'] as const;

/** The rated statements, in the order they are asked. */
export const scaleQuestions: readonly ScaleQuestion[] = [
  {
    key: 'level',
    moments: all,
    text: {
      fr: 'Je maîtrise le sujet de la mission.',
      ar: 'أتقن موضوع المهمة.',
      en: 'I master the subject of the mission.',
      nl: 'Ik beheers het onderwerp van de missie.',
    },
  },
  {
    key: 'apply',
    moments: afterwards,
    text: {
      fr: 'Je peux appliquer ce que l’expert a partagé.',
      ar: 'أستطيع تطبيق ما شاركه الخبير.',
      en: 'I can apply what the expert shared.',
      nl: 'Ik kan toepassen wat de expert heeft gedeeld.',
    },
  },
  {
    key: 'practice_changed',
    moments: afterwards,
    text: {
      fr: 'Nous avons changé une pratique dans notre travail.',
      ar: 'غيّرنا ممارسة في عملنا.',
      en: 'We changed a practice in our work.',
      nl: 'We hebben een werkwijze veranderd.',
    },
  },
  {
    key: 'shared',
    moments: afterwards,
    text: {
      fr: 'J’ai partagé ces connaissances avec des collègues.',
      ar: 'شاركت هذه المعارف مع زملائي.',
      en: 'I shared this knowledge with colleagues.',
      nl: 'Ik heb deze kennis met collega’s gedeeld.',
    },
  },
];

/** The open question, per moment. */
export const openQuestion: Record<SurveyMoment, Texts> = {
  before: {
    fr: 'Qu’attendez-vous de cette mission ?',
    ar: 'ماذا تنتظر من هذه المهمة؟',
    en: 'What do you expect from this mission?',
    nl: 'Wat verwacht u van deze missie?',
  },
  after: {
    fr: 'Qu’avez-vous appris, et que comptez-vous en faire ?',
    ar: 'ماذا تعلّمت، وماذا تنوي أن تفعل به؟',
    en: 'What did you learn, and what will you do with it?',
    nl: 'Wat heeft u geleerd, en wat gaat u ermee doen?',
  },
  one_year: {
    fr: 'Un an après, qu’est-ce qui a changé grâce à cette mission ?',
    ar: 'بعد سنة، ما الذي تغيّر بفضل هذه المهمة؟',
    en: 'A year on, what has changed thanks to this mission?',
    nl: 'Een jaar later: wat is er dankzij deze missie veranderd?',
  },
};

/** The rated statements asked at `moment`. */
export function questionsFor(moment: SurveyMoment): ScaleQuestion[] {
  return scaleQuestions.filter((question) => question.moments.includes(moment));
}

/** The questionnaire of `moment` in `locale`, as the public form shows it. */
export function questionnaire(moment: SurveyMoment, locale: Locale) {
  return [
    ...questionsFor(moment).map((question) => ({
      key: question.key,
      kind: 'scale' as const,
      text: question.text[locale],
      required: true,
    })),
    { key: 'text', kind: 'text' as const, text: openQuestion[moment][locale], required: false },
  ];
}
