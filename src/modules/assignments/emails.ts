import type { Locale } from '../identity/schema.ts';
import { mail, type CatalogueOf, type Render } from '../notifications/template-kit.ts';

/** What every ToR e-mail names: the ToR, its institution, the comment of the move (may be empty), a link. */
export interface AssignmentMailParams {
  name: string;
  reference: string;
  title: string;
  institution: string;
  comment: string;
  link: string;
}

/** Parameters of the assignments e-mail templates (see notifications/templates.ts). */
export interface AssignmentTemplateParams {
  /** To programme officers: a focal point (or a colleague) submitted a ToR for review. */
  assignment_submitted: AssignmentMailParams;
  /** To the institution's focal points: staff sent the ToR back, with their comments. */
  assignment_returned: AssignmentMailParams;
  /** To the institution's focal points: staff approved the ToR. */
  assignment_approved: AssignmentMailParams;
  /** To the institution's focal points: the call is open. */
  assignment_published: AssignmentMailParams;
  /** To the institution's focal points: the ToR was cancelled, and why. */
  assignment_cancelled: AssignmentMailParams;
}

const commentLabel: Record<Locale, string> = {
  fr: 'Commentaire :',
  ar: 'التعليق:',
  en: 'Comment:',
  nl: 'Opmerking:',
};

/** The comment block, or nothing when the move carried none. */
const commentLines = (locale: Locale, comment: string) => (comment ? ['', commentLabel[locale], comment, ''] : ['']);

type Texts = Record<Locale, { subject: string; what: string; next: string }>;

/** A template whose four languages share one layout: what happened, the comment, what to do next, the link. */
function template(texts: Texts): Record<Locale, Render<AssignmentMailParams>> {
  const render =
    (locale: Locale): Render<AssignmentMailParams> =>
    (p) => {
      const fill = (text: string) =>
        text.replaceAll('{ref}', p.reference).replaceAll('{title}', p.title).replaceAll('{inst}', p.institution);
      const t = texts[locale];
      return mail(
        locale,
        fill(t.subject),
        p.name,
        fill(t.what),
        ...commentLines(locale, p.comment),
        fill(t.next),
        p.link,
      );
    };
  return { fr: render('fr'), ar: render('ar'), en: render('en'), nl: render('nl') };
}

/** The assignments e-mails, in the four languages: what happened and what to do next. */
export const assignmentTemplates: CatalogueOf<AssignmentTemplateParams> = {
  assignment_submitted: template({
    fr: {
      subject: 'Termes de référence à examiner : {ref}',
      what: '{inst} a soumis les termes de référence {ref} « {title} ».',
      next: 'Examinez-les, puis approuvez-les ou renvoyez-les avec vos commentaires :',
    },
    ar: {
      subject: 'اختصاصات للمراجعة: {ref}',
      what: 'قدّمت {inst} الاختصاصات {ref} «{title}».',
      next: 'راجعها ثم وافق عليها أو أعدها مع ملاحظاتك:',
    },
    en: {
      subject: 'Terms of Reference to review: {ref}',
      what: '{inst} submitted the Terms of Reference {ref} “{title}”.',
      next: 'Review them, then approve them or send them back with your comments:',
    },
    nl: {
      subject: 'Taakomschrijving te beoordelen: {ref}',
      what: '{inst} heeft de taakomschrijving {ref} "{title}" ingediend.',
      next: 'Beoordeel ze en keur ze goed of stuur ze terug met uw opmerkingen:',
    },
  }),
  assignment_returned: template({
    fr: {
      subject: 'Termes de référence renvoyés : {ref}',
      what: 'L’équipe du programme a renvoyé les termes de référence {ref} « {title} » ({inst}) avec des commentaires.',
      next: 'Corrigez-les selon ces commentaires, puis soumettez-les à nouveau :',
    },
    ar: {
      subject: 'أُعيدت الاختصاصات: {ref}',
      what: 'أعاد فريق البرنامج الاختصاصات {ref} «{title}» ({inst}) مع ملاحظات.',
      next: 'عدّلها وفق هذه الملاحظات ثم قدّمها من جديد:',
    },
    en: {
      subject: 'Terms of Reference sent back: {ref}',
      what: 'The programme team sent the Terms of Reference {ref} “{title}” ({inst}) back with comments.',
      next: 'Revise them along these comments, then submit them again:',
    },
    nl: {
      subject: 'Taakomschrijving teruggestuurd: {ref}',
      what: 'Het programmateam heeft de taakomschrijving {ref} "{title}" ({inst}) teruggestuurd met opmerkingen.',
      next: 'Pas ze aan volgens deze opmerkingen en dien ze opnieuw in:',
    },
  }),
  assignment_approved: template({
    fr: {
      subject: 'Termes de référence approuvés : {ref}',
      what: 'L’équipe du programme a approuvé les termes de référence {ref} « {title} » ({inst}).',
      next: 'L’équipe va publier l’appel ; vous serez prévenu(e) à l’ouverture. Suivez-les ici :',
    },
    ar: {
      subject: 'تمت الموافقة على الاختصاصات: {ref}',
      what: 'وافق فريق البرنامج على الاختصاصات {ref} «{title}» ({inst}).',
      next: 'سينشر الفريق الإعلان وسيتم إخبارك عند فتحه. تابعها هنا:',
    },
    en: {
      subject: 'Terms of Reference approved: {ref}',
      what: 'The programme team approved the Terms of Reference {ref} “{title}” ({inst}).',
      next: 'The team will publish the call; you will be told when it opens. Follow it here:',
    },
    nl: {
      subject: 'Taakomschrijving goedgekeurd: {ref}',
      what: 'Het programmateam heeft de taakomschrijving {ref} "{title}" ({inst}) goedgekeurd.',
      next: 'Het team publiceert de oproep; u hoort het zodra die openstaat. Volg ze hier:',
    },
  }),
  assignment_published: template({
    fr: {
      subject: 'Appel ouvert : {ref}',
      what: 'L’appel à experts pour {ref} « {title} » ({inst}) est publié : les experts peuvent candidater.',
      next: 'Faites-le connaître autour de vous. L’équipe vous partagera la liste restreinte après l’échéance :',
    },
    ar: {
      subject: 'الإعلان مفتوح: {ref}',
      what: 'نُشر الإعلان عن الخبراء للاختصاصات {ref} «{title}» ({inst}): يمكن للخبراء التقدّم الآن.',
      next: 'عرّف به في محيطك. سيشاركك الفريق القائمة المختصرة بعد انتهاء الأجل:',
    },
    en: {
      subject: 'Call open: {ref}',
      what: 'The call for experts for {ref} “{title}” ({inst}) is published: experts can apply.',
      next: 'Spread the word. The team will share the shortlist with you after the deadline:',
    },
    nl: {
      subject: 'Oproep geopend: {ref}',
      what: 'De oproep voor experts voor {ref} "{title}" ({inst}) is gepubliceerd: experts kunnen solliciteren.',
      next: 'Maak hem bekend. Het team deelt de shortlist met u na de deadline:',
    },
  }),
  assignment_cancelled: template({
    fr: {
      subject: 'Termes de référence annulés : {ref}',
      what: 'Les termes de référence {ref} « {title} » ({inst}) ont été annulés.',
      next: 'Pour toute question, répondez à l’équipe du programme. Le dossier reste consultable ici :',
    },
    ar: {
      subject: 'أُلغيت الاختصاصات: {ref}',
      what: 'أُلغيت الاختصاصات {ref} «{title}» ({inst}).',
      next: 'لأي سؤال، تواصل مع فريق البرنامج. يبقى الملف متاحاً هنا:',
    },
    en: {
      subject: 'Terms of Reference cancelled: {ref}',
      what: 'The Terms of Reference {ref} “{title}” ({inst}) were cancelled.',
      next: 'For any question, contact the programme team. The file stays available here:',
    },
    nl: {
      subject: 'Taakomschrijving geannuleerd: {ref}',
      what: 'De taakomschrijving {ref} "{title}" ({inst}) is geannuleerd.',
      next: 'Neem bij vragen contact op met het programmateam. Het dossier blijft hier beschikbaar:',
    },
  }),
};
