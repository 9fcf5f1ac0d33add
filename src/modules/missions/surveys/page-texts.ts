/**
 * The texts of the server-rendered survey page (/survey/:token), in the four languages. They live on the server
 * because the page is HTML without JavaScript: the web app's i18n bundle is never loaded there. The questions
 * themselves come from questionnaire.ts.
 */
import type { Locale } from '../../identity/schema.ts';
import type { SurveyMoment } from '../schema.ts';

export interface SurveyPageTexts {
  title: string;
  /** `{name}`: the respondent. */
  hello: string;
  /** `{expert}`, `{host}`, `{reference}`: the mission, as the JSON API names it. */
  about: string;
  moments: Record<SurveyMoment, string>;
  howTo: string;
  /** The scale's five labels, from 1 to 5. */
  scale: [string, string, string, string, string];
  submit: string;
  thanksTitle: string;
  thanks: string;
  alreadyTitle: string;
  alreadyAnswered: string;
  unknownTitle: string;
  unknownLink: string;
  answerAll: string;
  fieldRequired: string;
  textTooLong: string;
  language: string;
}

/** Each language's own name, for the language links. */
export const languageNames: Record<Locale, string> = { fr: 'Français', ar: 'العربية', en: 'English', nl: 'Nederlands' };

export const surveyPageTexts: Record<Locale, SurveyPageTexts> = {
  fr: {
    title: 'Enquête sur la mission',
    hello: 'Bonjour {name},',
    about: 'Mission de {expert} auprès de {host} (réf. {reference}).',
    moments: {
      before: 'Avant la mission : vos réponses serviront de point de départ.',
      after: 'La mission vient de se terminer : dites-nous ce qu’elle vous a apporté.',
      one_year: 'Un an après la mission : qu’en reste-t-il ?',
    },
    howTo: 'Notez chaque affirmation de 1 (pas du tout) à 5 (tout à fait). La dernière question est facultative.',
    scale: ['1 – Pas du tout', '2 – Peu', '3 – Moyennement', '4 – Beaucoup', '5 – Tout à fait'],
    submit: 'Envoyer mes réponses',
    thanksTitle: 'Merci !',
    thanks: 'Vos réponses sont enregistrées. Vous pouvez fermer cette page.',
    alreadyTitle: 'Enquête déjà remplie',
    alreadyAnswered: 'Cette enquête a déjà reçu une réponse : merci, il n’y a rien d’autre à faire.',
    unknownTitle: 'Lien inconnu',
    unknownLink: 'Ce lien n’est pas valide ou n’est plus actif. Utilisez le lien du dernier e-mail reçu.',
    answerAll: 'Répondez à chaque affirmation avant d’envoyer :',
    fieldRequired: 'Choisissez une réponse pour cette affirmation.',
    textTooLong: 'Au plus 5 000 caractères.',
    language: 'Langue',
  },
  ar: {
    title: 'استبيان حول المهمة',
    hello: 'مرحباً {name}،',
    about: 'مهمة {expert} لدى {host} (المرجع {reference}).',
    moments: {
      before: 'قبل المهمة: ستكون أجوبتك نقطة الانطلاق.',
      after: 'انتهت المهمة للتو: أخبرنا بما أفادتك به.',
      one_year: 'بعد سنة من المهمة: ماذا بقي منها؟',
    },
    howTo: 'قيّم كل عبارة من 1 (إطلاقاً) إلى 5 (تماماً). السؤال الأخير اختياري.',
    scale: ['1 – إطلاقاً', '2 – قليلاً', '3 – إلى حد ما', '4 – كثيراً', '5 – تماماً'],
    submit: 'إرسال أجوبتي',
    thanksTitle: 'شكراً!',
    thanks: 'سُجِّلت أجوبتك. يمكنك إغلاق هذه الصفحة.',
    alreadyTitle: 'تمت الإجابة عن الاستبيان',
    alreadyAnswered: 'تمت الإجابة عن هذا الاستبيان من قبل: شكراً، لا شيء آخر عليك القيام به.',
    unknownTitle: 'رابط غير معروف',
    unknownLink: 'هذا الرابط غير صالح أو لم يعد نشطاً. استعمل رابط آخر رسالة تلقيتها.',
    answerAll: 'أجب عن كل عبارة قبل الإرسال:',
    fieldRequired: 'اختر جواباً لهذه العبارة.',
    textTooLong: '5000 حرف على الأكثر.',
    language: 'اللغة',
  },
  en: {
    title: 'Mission survey',
    hello: 'Hello {name},',
    about: 'Mission of {expert} with {host} (ref. {reference}).',
    moments: {
      before: 'Before the mission: your answers will be the starting point.',
      after: 'The mission has just ended: tell us what it brought you.',
      one_year: 'One year after the mission: what remains of it?',
    },
    howTo: 'Rate each statement from 1 (not at all) to 5 (fully). The last question is optional.',
    scale: ['1 – Not at all', '2 – A little', '3 – Somewhat', '4 – A lot', '5 – Fully'],
    submit: 'Send my answers',
    thanksTitle: 'Thank you!',
    thanks: 'Your answers are recorded. You may close this page.',
    alreadyTitle: 'Survey already answered',
    alreadyAnswered: 'This survey has already been answered: thank you, there is nothing more to do.',
    unknownTitle: 'Unknown link',
    unknownLink: 'This link is not valid or no longer active. Use the link of the latest e-mail you received.',
    answerAll: 'Answer every statement before sending:',
    fieldRequired: 'Choose an answer for this statement.',
    textTooLong: 'At most 5,000 characters.',
    language: 'Language',
  },
  nl: {
    title: 'Enquête over de missie',
    hello: 'Beste {name},',
    about: 'Missie van {expert} bij {host} (ref. {reference}).',
    moments: {
      before: 'Vóór de missie: uw antwoorden zijn het vertrekpunt.',
      after: 'De missie is net afgelopen: vertel ons wat ze u heeft gebracht.',
      one_year: 'Een jaar na de missie: wat blijft ervan over?',
    },
    howTo: 'Beoordeel elke stelling van 1 (helemaal niet) tot 5 (helemaal). De laatste vraag is niet verplicht.',
    scale: ['1 – Helemaal niet', '2 – Een beetje', '3 – Matig', '4 – Veel', '5 – Helemaal'],
    submit: 'Mijn antwoorden versturen',
    thanksTitle: 'Dank u!',
    thanks: 'Uw antwoorden zijn bewaard. U mag deze pagina sluiten.',
    alreadyTitle: 'Enquête al beantwoord',
    alreadyAnswered: 'Deze enquête werd al beantwoord: dank u, u hoeft niets meer te doen.',
    unknownTitle: 'Onbekende link',
    unknownLink: 'Deze link is ongeldig of niet meer actief. Gebruik de link uit de laatste e-mail die u kreeg.',
    answerAll: 'Beantwoord elke stelling voor u verstuurt:',
    fieldRequired: 'Kies een antwoord voor deze stelling.',
    textTooLong: 'Hoogstens 5.000 tekens.',
    language: 'Taal',
  },
};
