import { mail, type CatalogueOf } from '../notifications/template-kit.ts';
import { hostAndStaffTemplates, type HostAndStaffTemplateParams } from './emails-host.ts';

/** What every message to an applicant names: the call, and where the application stands in the app. */
interface ApplicantParams {
  name: string;
  reference: string;
  title: string;
  /** The applicant's "My applications" page. */
  link: string;
}

/** Parameters of the e-mails to applicants; one template per status, so each says what happens next. */
export interface ApplicantTemplateParams {
  application_received: ApplicantParams & { deadline: string };
  application_under_review: ApplicantParams;
  application_shortlisted: ApplicantParams;
  application_selected: ApplicantParams;
  /** `reason`: staff's explanation, shown to the applicant (empty: none given). */
  application_not_selected: ApplicantParams & { reason: string };
  application_withdrawn: ApplicantParams;
}

/** Parameters of the applications e-mail templates (see notifications/templates.ts). */
export type ApplicationTemplateParams = ApplicantTemplateParams & HostAndStaffTemplateParams;

const call = (p: ApplicantParams) => `${p.reference} — ${p.title}`;

const applicant: CatalogueOf<ApplicantTemplateParams> = {
  application_received: {
    fr: (p) =>
      mail(
        'fr',
        `Candidature reçue : ${p.reference}`,
        p.name,
        `Nous avons bien reçu votre candidature à l’appel ${call(p)}.`,
        `L’équipe du programme examinera les candidatures après la clôture (${p.deadline}). Vous recevrez un e-mail à chaque étape.`,
        'Suivez votre candidature ou retirez-la ici :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تم استلام ترشيحك: ${p.reference}`,
        p.name,
        `لقد استلمنا ترشيحك لطلب العروض ${call(p)}.`,
        `سيدرس فريق البرنامج الترشيحات بعد الإغلاق (${p.deadline}). ستتلقى رسالة في كل مرحلة.`,
        'تابع ترشيحك أو اسحبه من هنا:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Application received: ${p.reference}`,
        p.name,
        `We have received your application to the call ${call(p)}.`,
        `The programme team will review applications after the deadline (${p.deadline}). You will get an e-mail at every step.`,
        'Follow or withdraw your application here:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Sollicitatie ontvangen: ${p.reference}`,
        p.name,
        `We hebben uw sollicitatie op de oproep ${call(p)} ontvangen.`,
        `Het programmateam beoordeelt de sollicitaties na de sluitingsdatum (${p.deadline}). U krijgt bij elke stap een e-mail.`,
        'Volg of trek uw sollicitatie hier in:',
        p.link,
      ),
  },
  application_under_review: {
    fr: (p) =>
      mail(
        'fr',
        `Candidature en cours d’examen : ${p.reference}`,
        p.name,
        `L’équipe du programme examine votre candidature à l’appel ${call(p)}.`,
        'Vous n’avez rien à faire : nous vous écrirons dès qu’une décision sera prise.',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `ترشيحك قيد الدراسة: ${p.reference}`,
        p.name,
        `يدرس فريق البرنامج ترشيحك لطلب العروض ${call(p)}.`,
        'لا شيء مطلوب منك: سنراسلك فور اتخاذ قرار.',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Application under review: ${p.reference}`,
        p.name,
        `The programme team is reviewing your application to the call ${call(p)}.`,
        'Nothing to do for now: we will write as soon as a decision is made.',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Sollicitatie in behandeling: ${p.reference}`,
        p.name,
        `Het programmateam beoordeelt uw sollicitatie op de oproep ${call(p)}.`,
        'U hoeft niets te doen: we schrijven u zodra er een beslissing is.',
        p.link,
      ),
  },
  application_shortlisted: {
    fr: (p) =>
      mail(
        'fr',
        `Vous êtes présélectionné(e) : ${p.reference}`,
        p.name,
        `Votre candidature à l’appel ${call(p)} fait partie de la liste restreinte.`,
        'Si vous avez consenti au partage de votre CV, l’institution d’accueil le consultera ; l’équipe confirmera ensuite son choix. Nous vous écrirons alors.',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تم إدراجك في القائمة المختصرة: ${p.reference}`,
        p.name,
        `ترشيحك لطلب العروض ${call(p)} ضمن القائمة المختصرة.`,
        'إذا وافقت على مشاركة سيرتك الذاتية، ستطّلع عليها المؤسسة المضيفة، ثم يؤكد الفريق اختيارها. سنراسلك حينها.',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `You are shortlisted: ${p.reference}`,
        p.name,
        `Your application to the call ${call(p)} is on the shortlist.`,
        'If you consented to sharing your CV, the host institution will read it; the team then confirms its choice. We will write to you then.',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `U staat op de shortlist: ${p.reference}`,
        p.name,
        `Uw sollicitatie op de oproep ${call(p)} staat op de shortlist.`,
        'Als u toestemming gaf om uw cv te delen, bekijkt de gastinstelling het; daarna bevestigt het team haar keuze. We schrijven u dan.',
        p.link,
      ),
  },
  application_selected: {
    fr: (p) =>
      mail(
        'fr',
        `Vous êtes sélectionné(e) : ${p.reference}`,
        p.name,
        `Félicitations : vous êtes retenu(e) pour la mission ${call(p)}.`,
        'L’équipe du programme vous contactera pour préparer la mission (dates, contrat, voyage).',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تم اختيارك: ${p.reference}`,
        p.name,
        `تهانينا: تم اختيارك للمهمة ${call(p)}.`,
        'سيتواصل معك فريق البرنامج لتحضير المهمة (التواريخ، العقد، السفر).',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `You are selected: ${p.reference}`,
        p.name,
        `Congratulations: you have been selected for the assignment ${call(p)}.`,
        'The programme team will contact you to prepare the assignment (dates, contract, travel).',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `U bent geselecteerd: ${p.reference}`,
        p.name,
        `Gefeliciteerd: u bent geselecteerd voor de opdracht ${call(p)}.`,
        'Het programmateam neemt contact met u op om de opdracht voor te bereiden (data, contract, reis).',
        p.link,
      ),
  },
  application_not_selected: {
    fr: (p) =>
      mail(
        'fr',
        `Candidature non retenue : ${p.reference}`,
        p.name,
        `Votre candidature à l’appel ${call(p)} n’a pas été retenue.`,
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
        'Merci de votre intérêt. Votre profil reste dans le vivier : d’autres appels vous seront proposés.',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `لم يتم اختيار ترشيحك: ${p.reference}`,
        p.name,
        `لم يتم اختيار ترشيحك لطلب العروض ${call(p)}.`,
        ...(p.reason ? [`السبب: ${p.reason}`] : []),
        'شكراً لاهتمامك. يبقى ملفك في قائمة الخبراء وستصلك طلبات عروض أخرى.',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Application not selected: ${p.reference}`,
        p.name,
        `Your application to the call ${call(p)} was not selected.`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
        'Thank you for your interest. Your profile stays in the roster: other calls will come your way.',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Sollicitatie niet geselecteerd: ${p.reference}`,
        p.name,
        `Uw sollicitatie op de oproep ${call(p)} is niet geselecteerd.`,
        ...(p.reason ? [`Reden: ${p.reason}`] : []),
        'Bedankt voor uw interesse. Uw profiel blijft in de expertpool: er komen andere oproepen.',
        p.link,
      ),
  },
  application_withdrawn: {
    fr: (p) =>
      mail(
        'fr',
        `Candidature retirée : ${p.reference}`,
        p.name,
        `Votre candidature à l’appel ${call(p)} est retirée.`,
        'Vous pouvez postuler à d’autres appels ouverts depuis la page des appels.',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `تم سحب ترشيحك: ${p.reference}`,
        p.name,
        `تم سحب ترشيحك لطلب العروض ${call(p)}.`,
        'يمكنك الترشح لطلبات عروض مفتوحة أخرى من صفحة طلبات العروض.',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Application withdrawn: ${p.reference}`,
        p.name,
        `Your application to the call ${call(p)} is withdrawn.`,
        'You may apply to other open calls from the calls page.',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Sollicitatie ingetrokken: ${p.reference}`,
        p.name,
        `Uw sollicitatie op de oproep ${call(p)} is ingetrokken.`,
        'U kunt op andere open oproepen solliciteren via de pagina met oproepen.',
        p.link,
      ),
  },
};

/** The applications e-mails, in the four languages: what happened and what to do next. */
export const applicationTemplates: CatalogueOf<ApplicationTemplateParams> = {
  ...applicant,
  ...hostAndStaffTemplates,
};
