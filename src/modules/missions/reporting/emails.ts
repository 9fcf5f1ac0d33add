import { mail, type CatalogueOf } from '../../notifications/template-kit.ts';

interface ReportParams {
  name: string;
  reference: string;
  title: string;
  link: string;
}

/** Parameters of the mission report e-mails (see notifications/templates.ts). */
export interface ReportingTemplateParams {
  /** To the programme's officers: the expert submitted the mission report; it waits for their review. */
  mission_report_submitted: ReportParams & { expert: string };
  /** To the expert: staff accepted the report. */
  mission_report_accepted: ReportParams;
  /** To the expert: staff returned the report with what to change. */
  mission_report_returned: ReportParams & { comment: string };
}

/** The mission report e-mails, in the four languages: what happened and what to do next. */
export const reportingTemplates: CatalogueOf<ReportingTemplateParams> = {
  mission_report_submitted: {
    fr: (p) =>
      mail(
        'fr',
        `Rapport de mission à examiner : ${p.reference}`,
        p.name,
        `${p.expert} a soumis son rapport de la mission ${p.reference} « ${p.title} ».`,
        '',
        'Lisez-le, puis acceptez-le ou renvoyez-le à l’expert en disant ce qu’il faut changer :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تقرير مهمة للمراجعة: ${p.reference}`,
        p.name,
        `قدّم ${p.expert} تقرير المهمة ${p.reference} «${p.title}».`,
        '',
        'اقرأه، ثم اقبله أو أعده إلى الخبير مع بيان ما يجب تغييره:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Mission report to review: ${p.reference}`,
        p.name,
        `${p.expert} submitted the report of mission ${p.reference} “${p.title}”.`,
        '',
        'Read it, then accept it or return it to the expert saying what to change:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Missierapport te beoordelen: ${p.reference}`,
        p.name,
        `${p.expert} heeft het rapport van missie ${p.reference} "${p.title}" ingediend.`,
        '',
        'Lees het en keur het goed, of stuur het terug naar de expert met wat er moet veranderen:',
        p.link,
      ),
  },
  mission_report_accepted: {
    fr: (p) =>
      mail(
        'fr',
        `Rapport accepté : ${p.reference}`,
        p.name,
        `Votre rapport de la mission ${p.reference} « ${p.title} » est accepté. Merci pour votre travail.`,
        '',
        'La mission sera clôturée une fois l’évaluation de l’institution reçue. Retrouvez-la ici :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تم قبول التقرير: ${p.reference}`,
        p.name,
        `تم قبول تقريرك عن المهمة ${p.reference} «${p.title}». شكراً على عملك.`,
        '',
        'ستُغلق المهمة بعد استلام تقييم المؤسسة. تجدها هنا:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Report accepted: ${p.reference}`,
        p.name,
        `Your report of mission ${p.reference} “${p.title}” is accepted. Thank you for your work.`,
        '',
        'The mission will be closed once the institution’s evaluation is in. Find it here:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Rapport goedgekeurd: ${p.reference}`,
        p.name,
        `Uw rapport van missie ${p.reference} "${p.title}" is goedgekeurd. Dank voor uw werk.`,
        '',
        'De missie wordt afgesloten zodra de evaluatie van de instelling binnen is. U vindt ze hier:',
        p.link,
      ),
  },
  mission_report_returned: {
    fr: (p) =>
      mail(
        'fr',
        `Rapport à compléter : ${p.reference}`,
        p.name,
        `L’équipe du programme vous renvoie le rapport de la mission ${p.reference} « ${p.title} » avec ce commentaire :`,
        p.comment,
        '',
        'Modifiez le rapport, puis soumettez-le à nouveau :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تقرير يحتاج إلى استكمال: ${p.reference}`,
        p.name,
        `أعاد إليك فريق البرنامج تقرير المهمة ${p.reference} «${p.title}» مع هذه الملاحظة:`,
        p.comment,
        '',
        'عدّل التقرير، ثم قدّمه من جديد:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Report to complete: ${p.reference}`,
        p.name,
        `The programme team returned the report of mission ${p.reference} “${p.title}” with this comment:`,
        p.comment,
        '',
        'Change the report, then submit it again:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Rapport aan te vullen: ${p.reference}`,
        p.name,
        `Het programmateam stuurt het rapport van missie ${p.reference} "${p.title}" terug met deze opmerking:`,
        p.comment,
        '',
        'Pas het rapport aan en dien het opnieuw in:',
        p.link,
      ),
  },
};
