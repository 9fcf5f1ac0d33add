import { mail, type CatalogueOf } from '../notifications/template-kit.ts';

interface MissionParams {
  name: string;
  reference: string;
  title: string;
  host: string;
  startsOn: string;
  endsOn: string;
  link: string;
}

/** What a change of dates tells: the dates before, and why they changed. */
interface Rescheduled {
  previousStartsOn: string;
  previousEndsOn: string;
  reason: string;
}

/** Parameters of the missions e-mail templates (see notifications/templates.ts). */
export interface MissionTemplateParams {
  /** To the expert: a mission was made from their selection; the agreement waits for them. */
  mission_planned: MissionParams;
  /** To the host's focal points: a mission with the expert they selected is planned. */
  mission_planned_host: MissionParams & { expert: string };
  /** To the expert and the host's focal points: the mission is cancelled, and why. */
  mission_cancelled: MissionParams & { reason: string };
  /** To the expert: new dates; the agreement states them and waits for their acceptance again. */
  mission_rescheduled: MissionParams & Rescheduled;
  /** To the host's focal points: new dates for the mission with the expert. */
  mission_rescheduled_host: MissionParams & Rescheduled & { expert: string };
  /** To the host's focal points: the mission is in its reporting phase; their evaluation is due. */
  mission_evaluation_due: MissionParams & { expert: string };
}

/** The missions e-mails, in the four languages: what happened and what to do next. */
export const missionTemplates: CatalogueOf<MissionTemplateParams> = {
  mission_planned: {
    fr: (p) =>
      mail(
        'fr',
        `Mission ${p.reference} planifiée`,
        p.name,
        `Votre mission « ${p.title} » (${p.reference}) auprès de ${p.host} est planifiée du ${p.startsOn} au ${p.endsOn}.`,
        '',
        'Lisez votre accord de mission et acceptez-le dans l’application ; la liste de contrôle (briefing, voyage, assurance) suit :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تخطيط المهمة ${p.reference}`,
        p.name,
        `مهمتك «${p.title}» (${p.reference}) لدى ${p.host} مخططة من ${p.startsOn} إلى ${p.endsOn}.`,
        '',
        'اقرأ اتفاق المهمة واقبله في التطبيق، ثم تابع قائمة التحقق (الإحاطة، السفر، التأمين):',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Mission ${p.reference} planned`,
        p.name,
        `Your mission “${p.title}” (${p.reference}) with ${p.host} is planned from ${p.startsOn} to ${p.endsOn}.`,
        '',
        'Read your mission agreement and accept it in the app; the checklist (briefing, travel, insurance) follows:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Missie ${p.reference} gepland`,
        p.name,
        `Uw missie "${p.title}" (${p.reference}) bij ${p.host} is gepland van ${p.startsOn} tot ${p.endsOn}.`,
        '',
        'Lees uw missieovereenkomst en aanvaard ze in de app; de checklist (briefing, reis, verzekering) volgt:',
        p.link,
      ),
  },
  mission_planned_host: {
    fr: (p) =>
      mail(
        'fr',
        `Mission ${p.reference} planifiée avec ${p.expert}`,
        p.name,
        `La mission « ${p.title} » (${p.reference}) de ${p.expert} dans votre institution (${p.host}) est planifiée du ${p.startsOn} au ${p.endsOn}.`,
        '',
        'Préparez la lettre d’invitation et suivez la liste de contrôle de la mission :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تخطيط المهمة ${p.reference} مع ${p.expert}`,
        p.name,
        `مهمة «${p.title}» (${p.reference}) التي يقوم بها ${p.expert} في مؤسستكم (${p.host}) مخططة من ${p.startsOn} إلى ${p.endsOn}.`,
        '',
        'أعدّوا رسالة الدعوة وتابعوا قائمة التحقق الخاصة بالمهمة:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Mission ${p.reference} planned with ${p.expert}`,
        p.name,
        `${p.expert}'s mission “${p.title}” (${p.reference}) at your institution (${p.host}) is planned from ${p.startsOn} to ${p.endsOn}.`,
        '',
        'Prepare the letter of invitation and follow the mission’s checklist:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Missie ${p.reference} gepland met ${p.expert}`,
        p.name,
        `De missie "${p.title}" (${p.reference}) van ${p.expert} bij uw instelling (${p.host}) is gepland van ${p.startsOn} tot ${p.endsOn}.`,
        '',
        'Bereid de uitnodigingsbrief voor en volg de checklist van de missie:',
        p.link,
      ),
  },
  mission_cancelled: {
    fr: (p) =>
      mail(
        'fr',
        `Mission ${p.reference} annulée`,
        p.name,
        `La mission « ${p.title} » (${p.reference}) auprès de ${p.host} (du ${p.startsOn} au ${p.endsOn}) est annulée.`,
        `Raison : ${p.reason}`,
        '',
        'Aucune action n’est attendue de votre part. Le détail reste consultable :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `إلغاء المهمة ${p.reference}`,
        p.name,
        `أُلغيت مهمة «${p.title}» (${p.reference}) لدى ${p.host} (من ${p.startsOn} إلى ${p.endsOn}).`,
        `السبب: ${p.reason}`,
        '',
        'لا يُنتظر منكم أي إجراء. تبقى التفاصيل متاحة هنا:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Mission ${p.reference} cancelled`,
        p.name,
        `The mission “${p.title}” (${p.reference}) with ${p.host} (${p.startsOn} to ${p.endsOn}) is cancelled.`,
        `Reason: ${p.reason}`,
        '',
        'Nothing is expected from you. The details remain available:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Missie ${p.reference} geannuleerd`,
        p.name,
        `De missie "${p.title}" (${p.reference}) bij ${p.host} (${p.startsOn} tot ${p.endsOn}) is geannuleerd.`,
        `Reden: ${p.reason}`,
        '',
        'Er wordt niets van u verwacht. De details blijven beschikbaar:',
        p.link,
      ),
  },
  mission_evaluation_due: {
    fr: (p) =>
      mail(
        'fr',
        `Évaluez la mission ${p.reference}`,
        p.name,
        `La mission « ${p.title} » (${p.reference}) de ${p.expert} auprès de ${p.host} (du ${p.startsOn} au ${p.endsOn}) est terminée sur place ; l’expert rédige son rapport.`,
        '',
        'Donnez votre évaluation (satisfaction, connaissances transmises, besoin couvert, souhait de suivi) :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `قيّموا المهمة ${p.reference}`,
        p.name,
        `انتهت مهمة «${p.title}» (${p.reference}) التي قام بها ${p.expert} لدى ${p.host} (من ${p.startsOn} إلى ${p.endsOn})، والخبير يحرّر تقريره.`,
        '',
        'قدّموا تقييمكم (الرضا، المعارف المنقولة، تلبية الحاجة، الرغبة في متابعة):',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Evaluate mission ${p.reference}`,
        p.name,
        `${p.expert}'s mission “${p.title}” (${p.reference}) with ${p.host} (${p.startsOn} to ${p.endsOn}) has ended; the expert is writing the report.`,
        '',
        'Give your evaluation (satisfaction, knowledge transferred, need met, wish for a follow-up):',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Evalueer missie ${p.reference}`,
        p.name,
        `De missie "${p.title}" (${p.reference}) van ${p.expert} bij ${p.host} (${p.startsOn} tot ${p.endsOn}) is afgelopen; de expert schrijft het verslag.`,
        '',
        'Geef uw evaluatie (tevredenheid, overgedragen kennis, behoefte gedekt, wens tot opvolging):',
        p.link,
      ),
  },
  mission_rescheduled: {
    fr: (p) =>
      mail(
        'fr',
        `Mission ${p.reference} : nouvelles dates`,
        p.name,
        `Votre mission « ${p.title} » (${p.reference}) auprès de ${p.host} a de nouvelles dates : du ${p.startsOn} au ${p.endsOn} (au lieu du ${p.previousStartsOn} au ${p.previousEndsOn}).`,
        `Raison : ${p.reason}`,
        '',
        'L’accord de mission indique maintenant ces dates : relisez-le et acceptez-le à nouveau dans l’application :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `المهمة ${p.reference}: تواريخ جديدة`,
        p.name,
        `لمهمتك «${p.title}» (${p.reference}) لدى ${p.host} تواريخ جديدة: من ${p.startsOn} إلى ${p.endsOn} (بدلًا من ${p.previousStartsOn} إلى ${p.previousEndsOn}).`,
        `السبب: ${p.reason}`,
        '',
        'يذكر اتفاق المهمة الآن هذه التواريخ: أعد قراءته واقبله من جديد في التطبيق:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Mission ${p.reference}: new dates`,
        p.name,
        `Your mission “${p.title}” (${p.reference}) with ${p.host} has new dates: ${p.startsOn} to ${p.endsOn} (instead of ${p.previousStartsOn} to ${p.previousEndsOn}).`,
        `Reason: ${p.reason}`,
        '',
        'The mission agreement now states these dates: read it again and accept it in the app:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Missie ${p.reference}: nieuwe data`,
        p.name,
        `Uw missie "${p.title}" (${p.reference}) bij ${p.host} heeft nieuwe data: ${p.startsOn} tot ${p.endsOn} (in plaats van ${p.previousStartsOn} tot ${p.previousEndsOn}).`,
        `Reden: ${p.reason}`,
        '',
        'De missieovereenkomst vermeldt nu deze data: lees ze opnieuw en aanvaard ze in de app:',
        p.link,
      ),
  },
  mission_rescheduled_host: {
    fr: (p) =>
      mail(
        'fr',
        `Mission ${p.reference} avec ${p.expert} : nouvelles dates`,
        p.name,
        `La mission « ${p.title} » (${p.reference}) de ${p.expert} dans votre institution (${p.host}) aura lieu du ${p.startsOn} au ${p.endsOn} (au lieu du ${p.previousStartsOn} au ${p.previousEndsOn}).`,
        `Raison : ${p.reason}`,
        '',
        'Adaptez la lettre d’invitation si besoin ; les échéances de la liste de contrôle ont suivi :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `المهمة ${p.reference} مع ${p.expert}: تواريخ جديدة`,
        p.name,
        `ستجري مهمة «${p.title}» (${p.reference}) التي يقوم بها ${p.expert} في مؤسستكم (${p.host}) من ${p.startsOn} إلى ${p.endsOn} (بدلًا من ${p.previousStartsOn} إلى ${p.previousEndsOn}).`,
        `السبب: ${p.reason}`,
        '',
        'عدّلوا رسالة الدعوة عند الحاجة؛ وقد تبعت مواعيد قائمة التحقق التواريخ الجديدة:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Mission ${p.reference} with ${p.expert}: new dates`,
        p.name,
        `${p.expert}'s mission “${p.title}” (${p.reference}) at your institution (${p.host}) now runs from ${p.startsOn} to ${p.endsOn} (instead of ${p.previousStartsOn} to ${p.previousEndsOn}).`,
        `Reason: ${p.reason}`,
        '',
        'Adjust the letter of invitation if needed; the checklist’s due dates have moved with the mission:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Missie ${p.reference} met ${p.expert}: nieuwe data`,
        p.name,
        `De missie "${p.title}" (${p.reference}) van ${p.expert} bij uw instelling (${p.host}) loopt nu van ${p.startsOn} tot ${p.endsOn} (in plaats van ${p.previousStartsOn} tot ${p.previousEndsOn}).`,
        `Reden: ${p.reason}`,
        '',
        'Pas de uitnodigingsbrief zo nodig aan; de termijnen van de checklist zijn meegeschoven:',
        p.link,
      ),
  },
};
