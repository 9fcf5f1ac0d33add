import { mail, type CatalogueOf } from '../notifications/template-kit.ts';

/** Parameters of the e-mails to staff, focal points, and of the experts' daily digest of new calls. */
export interface HostAndStaffTemplateParams {
  /** To programme officers: a shortlisted applicant withdrew. `link`: the call's screening page. */
  application_withdrawn_staff: { name: string; expert: string; reference: string; title: string; link: string };
  /** To the host's focal points: staff shared the shortlist. `link`: the shortlist page. */
  shortlist_shared: { name: string; reference: string; title: string; count: number; link: string };
  /** To programme officers: the focal point selected an applicant; staff confirm. */
  host_selection_made: {
    name: string;
    expert: string;
    institution: string;
    reference: string;
    title: string;
    link: string;
  };
  /** To an expert: new calls that fit the profile; `calls` holds one line per call. */
  call_digest: { name: string; count: number; calls: string; link: string };
}

/** The e-mails to staff and hosts, and the digest, in the four languages. */
export const hostAndStaffTemplates: CatalogueOf<HostAndStaffTemplateParams> = {
  application_withdrawn_staff: {
    fr: (p) =>
      mail(
        'fr',
        `Candidature présélectionnée retirée : ${p.reference}`,
        p.name,
        `${p.expert} a retiré sa candidature présélectionnée pour l’appel ${p.reference} — ${p.title}.`,
        'Vérifiez la liste restreinte et, si besoin, présélectionnez un autre candidat :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `سحب ترشيح من القائمة المختصرة: ${p.reference}`,
        p.name,
        `سحب ${p.expert} ترشيحه المدرج في القائمة المختصرة لطلب العروض ${p.reference} — ${p.title}.`,
        'راجع القائمة المختصرة وأضف مرشحاً آخر عند الحاجة:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Shortlisted application withdrawn: ${p.reference}`,
        p.name,
        `${p.expert} withdrew their shortlisted application to the call ${p.reference} — ${p.title}.`,
        'Check the shortlist and, if needed, shortlist another applicant:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Sollicitatie op de shortlist ingetrokken: ${p.reference}`,
        p.name,
        `${p.expert} heeft de sollicitatie op de shortlist voor de oproep ${p.reference} — ${p.title} ingetrokken.`,
        'Controleer de shortlist en zet zo nodig een andere kandidaat erop:',
        p.link,
      ),
  },
  shortlist_shared: {
    fr: (p) =>
      mail(
        'fr',
        `Liste restreinte disponible : ${p.reference}`,
        p.name,
        `L’équipe du programme a partagé la liste restreinte de l’appel ${p.reference} — ${p.title} : ${p.count} candidat(s).`,
        'Consultez les profils et les CV, puis sélectionnez un ou plusieurs candidats en motivant votre choix :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `القائمة المختصرة متاحة: ${p.reference}`,
        p.name,
        `شارك فريق البرنامج القائمة المختصرة لطلب العروض ${p.reference} — ${p.title}: عدد المرشحين ${p.count}.`,
        'اطّلع على الملفات والسير الذاتية، ثم اختر مرشحاً أو أكثر مع تعليل اختيارك:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Shortlist available: ${p.reference}`,
        p.name,
        `The programme team shared the shortlist of the call ${p.reference} — ${p.title}: ${p.count} applicant(s).`,
        'Read the profiles and CVs, then select one or more applicants and give your reasons:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Shortlist beschikbaar: ${p.reference}`,
        p.name,
        `Het programmateam heeft de shortlist van de oproep ${p.reference} — ${p.title} gedeeld: ${p.count} kandidaat/kandidaten.`,
        'Bekijk de profielen en cv’s en selecteer daarna een of meer kandidaten, met uw motivering:',
        p.link,
      ),
  },
  host_selection_made: {
    fr: (p) =>
      mail(
        'fr',
        `Choix de l’institution d’accueil : ${p.reference}`,
        p.name,
        `${p.institution} a sélectionné ${p.expert} pour l’appel ${p.reference} — ${p.title}.`,
        'Confirmez ce choix (ou écartez la candidature) depuis la page de sélection ; le candidat sera prévenu :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `اختيار المؤسسة المضيفة: ${p.reference}`,
        p.name,
        `اختارت ${p.institution} المرشح ${p.expert} لطلب العروض ${p.reference} — ${p.title}.`,
        'أكّد هذا الاختيار (أو استبعد الترشيح) من صفحة الانتقاء؛ سيتم إبلاغ المرشح:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `Host institution's choice: ${p.reference}`,
        p.name,
        `${p.institution} selected ${p.expert} for the call ${p.reference} — ${p.title}.`,
        'Confirm this choice (or turn the application down) from the selection page; the applicant will be told:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Keuze van de gastinstelling: ${p.reference}`,
        p.name,
        `${p.institution} heeft ${p.expert} geselecteerd voor de oproep ${p.reference} — ${p.title}.`,
        'Bevestig deze keuze (of wijs de sollicitatie af) via de selectiepagina; de kandidaat wordt ingelicht:',
        p.link,
      ),
  },
  call_digest: {
    fr: (p) =>
      mail(
        'fr',
        `Nouveaux appels pour votre profil (${p.count})`,
        p.name,
        `${p.count} nouvel(s) appel(s) correspondent à votre profil :`,
        p.calls,
        '',
        'Consultez-les et postulez avant la date limite. Vous pouvez régler ces alertes depuis vos candidatures :',
        p.link,
      ),
    ar: (p) =>
      mail(
        'ar',
        `طلبات عروض جديدة تناسب ملفك (${p.count})`,
        p.name,
        `عدد طلبات العروض الجديدة المناسبة لملفك: ${p.count}`,
        p.calls,
        '',
        'اطّلع عليها وترشح قبل الموعد النهائي. يمكنك ضبط هذه التنبيهات من صفحة ترشيحاتك:',
        p.link,
      ),
    en: (p) =>
      mail(
        'en',
        `New calls for your profile (${p.count})`,
        p.name,
        `${p.count} new call(s) fit your profile:`,
        p.calls,
        '',
        'Read them and apply before the deadline. You can set these alerts from your applications page:',
        p.link,
      ),
    nl: (p) =>
      mail(
        'nl',
        `Nieuwe oproepen voor uw profiel (${p.count})`,
        p.name,
        `${p.count} nieuwe oproep(en) passen bij uw profiel:`,
        p.calls,
        '',
        'Bekijk ze en solliciteer vóór de sluitingsdatum. U kunt deze meldingen instellen via uw sollicitaties:',
        p.link,
      ),
  },
};
