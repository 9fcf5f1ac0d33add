import type { Locale } from '../../identity/schema.ts';
import { mail, type CatalogueOf, type Render } from '../../notifications/template-kit.ts';

interface SurveyParams {
  name: string;
  reference: string;
  title: string;
  host: string;
  expert: string;
  /** The personal link `${publicUrl}/survey/<token>`. */
  link: string;
}

/** Parameters of the knowledge-transfer survey e-mails (see notifications/templates.ts). */
export interface SurveyTemplateParams {
  /** To a member of the host's staff, before the mission: their personal link to the first survey. */
  mission_survey_before: SurveyParams;
  /** Right after the mission: what they learned. */
  mission_survey_after: SurveyParams;
  /** One year after the mission closed: what changed. */
  mission_survey_one_year: SurveyParams;
  /** Seven days after a survey was sent and not answered: a new link; the first one keeps working. */
  mission_survey_reminder: SurveyParams & { sentOn: string };
}

/** The words of each moment's invitation: the subject, what we ask, and how long it takes. */
const invitation: Record<Locale, Record<'before' | 'after' | 'one_year', { subject: string; ask: string }>> = {
  fr: {
    before: {
      subject: 'Avant la mission',
      ask: 'Avant qu’elle commence, dites-nous où vous en êtes et ce que vous en attendez.',
    },
    after: { subject: 'Après la mission', ask: 'La mission est terminée : dites-nous ce que vous avez appris.' },
    one_year: {
      subject: 'Un an après la mission',
      ask: 'Un an a passé : dites-nous ce qui a changé dans votre travail.',
    },
  },
  ar: {
    before: { subject: 'قبل المهمة', ask: 'قبل أن تبدأ، أخبرنا بمستواك الحالي وبما تنتظره منها.' },
    after: { subject: 'بعد المهمة', ask: 'انتهت المهمة: أخبرنا بما تعلّمته.' },
    one_year: { subject: 'بعد سنة من المهمة', ask: 'مرّت سنة: أخبرنا بما تغيّر في عملك.' },
  },
  en: {
    before: { subject: 'Before the mission', ask: 'Before it starts, tell us where you stand and what you expect.' },
    after: { subject: 'After the mission', ask: 'The mission is over: tell us what you learned.' },
    one_year: { subject: 'One year after the mission', ask: 'A year has passed: tell us what changed in your work.' },
  },
  nl: {
    before: { subject: 'Voor de missie', ask: 'Vertel ons voor de start waar u staat en wat u verwacht.' },
    after: { subject: 'Na de missie', ask: 'De missie is afgelopen: vertel ons wat u heeft geleerd.' },
    one_year: {
      subject: 'Een jaar na de missie',
      ask: 'Er is een jaar voorbij: vertel ons wat er in uw werk is veranderd.',
    },
  },
};

const about: Record<Locale, (p: SurveyParams) => string> = {
  fr: (p) => `Vous avez travaillé avec ${p.expert} (mission ${p.reference} « ${p.title} », ${p.host}).`,
  ar: (p) => `عملت مع ${p.expert} (المهمة ${p.reference} «${p.title}»، ${p.host}).`,
  en: (p) => `You worked with ${p.expert} (mission ${p.reference} “${p.title}”, ${p.host}).`,
  nl: (p) => `U werkte met ${p.expert} (missie ${p.reference} "${p.title}", ${p.host}).`,
};

const howTo: Record<Locale, string> = {
  fr: 'Cinq minutes, sans compte : ce lien est personnel, ne le transférez pas.',
  ar: 'خمس دقائق، دون حساب: هذا الرابط شخصي، لا تُرسله إلى غيرك.',
  en: 'Five minutes, no account needed: this link is yours, do not forward it.',
  nl: 'Vijf minuten, zonder account: deze link is persoonlijk, stuur hem niet door.',
};

const subjectOf: Record<Locale, (words: string, reference: string) => string> = {
  fr: (words, reference) => `${words} : votre avis sur la mission ${reference}`,
  ar: (words, reference) => `${words}: رأيك في المهمة ${reference}`,
  en: (words, reference) => `${words}: your view on mission ${reference}`,
  nl: (words, reference) => `${words}: uw mening over missie ${reference}`,
};

function invite(moment: 'before' | 'after' | 'one_year'): Record<Locale, Render<SurveyParams>> {
  const render = (locale: Locale) => (p: SurveyParams) =>
    mail(
      locale,
      subjectOf[locale](invitation[locale][moment].subject, p.reference),
      p.name,
      about[locale](p),
      invitation[locale][moment].ask,
      '',
      howTo[locale],
      p.link,
    );
  return { fr: render('fr'), ar: render('ar'), en: render('en'), nl: render('nl') };
}

/** The survey e-mails, in the four languages. */
export const surveyTemplates: CatalogueOf<SurveyTemplateParams> = {
  mission_survey_before: invite('before'),
  mission_survey_after: invite('after'),
  mission_survey_one_year: invite('one_year'),
  mission_survey_reminder: {
    fr: (p) =>
      mail(
        'fr',
        `Rappel : votre avis sur la mission ${p.reference}`,
        p.name,
        about.fr(p),
        `Nous vous avons écrit le ${p.sentOn} et n’avons pas encore reçu votre réponse. Voici un nouveau lien (celui du premier message reste valable) :`,
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تذكير: رأيك في المهمة ${p.reference}`,
        p.name,
        about.ar(p),
        `راسلناك بتاريخ ${p.sentOn} ولم نتلقَّ ردك بعد. هذا رابط جديد (ويظل رابط الرسالة الأولى صالحًا):`,
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Reminder: your view on mission ${p.reference}`,
        p.name,
        about.en(p),
        `We wrote to you on ${p.sentOn} and have not had your answer yet. Here is a new link (the one in our first e-mail still works):`,
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Herinnering: uw mening over missie ${p.reference}`,
        p.name,
        about.nl(p),
        `We schreven u op ${p.sentOn} en hebben uw antwoord nog niet ontvangen. Hier is een nieuwe link (die uit onze eerste e-mail blijft werken):`,
        p.link,
      ),
  },
};
