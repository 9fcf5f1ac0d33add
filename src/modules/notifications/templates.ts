import { staffRoles, type Locale, type Role } from '../identity/schema.ts';
import { applicationTemplates, type ApplicationTemplateParams } from '../applications/emails.ts';
import { assignmentTemplates, type AssignmentTemplateParams } from '../assignments/emails.ts';
import { institutionTemplates, type InstitutionTemplateParams } from '../institutions/emails.ts';
import { missionTemplates, type MissionTemplateParams } from '../missions/emails.ts';
import { reportingTemplates, type ReportingTemplateParams } from '../missions/reporting/emails.ts';
import { surveyTemplates, type SurveyTemplateParams } from '../missions/surveys/emails.ts';
import { roleNames } from './role-names.ts';
import { mail, type CatalogueOf, type Render } from './template-kit.ts';

/** Parameters each e-mail template takes. */
/** Parameters of the foundation's and the roster's templates. */
export interface CoreTemplateParams {
  verify_email: { name: string; link: string };
  password_reset: { name: string; link: string };
  /** `resetLink` lets someone whose password was changed by another person take the account back. */
  password_changed: { name: string; resetLink: string };
  invitation: { name: string; inviter: string; role: string; link: string };
  account_locked: { name: string; minutes: number; resetLink: string };
  /** Yearly request to an expert to confirm their interest; `link` opens the profile with the confirm button. */
  profile_reconfirm: { name: string; link: string };
}
/** Parameters each e-mail template takes: each area writes its own templates (`<module>/emails.ts`). */
export type TemplateParams = CoreTemplateParams &
  InstitutionTemplateParams &
  AssignmentTemplateParams &
  ApplicationTemplateParams &
  MissionTemplateParams &
  ReportingTemplateParams &
  SurveyTemplateParams;
export type TemplateName = keyof TemplateParams;

const isStaff = (role: string) => staffRoles.includes(role as Role);

/**
 * Every message in the four languages, in the recipient's language; none falls back to another. Each says what
 * happened and what to do next; the tests render every template in every locale.
 */
const core: CatalogueOf<CoreTemplateParams> = {
  verify_email: {
    fr: ({ name, link }) =>
      mail(
        'fr',
        'Confirmez votre adresse e-mail',
        name,
        'Votre compte Passerelle est créé. Confirmez votre adresse e-mail en ouvrant ce lien (valable 48 heures) :',
        link,
        '',
        'Lien expiré ? Connectez-vous et demandez-en un nouveau depuis votre compte.',
        'Vous n’avez pas créé de compte ? Ignorez ce message : l’adresse ne sera pas confirmée.',
      ),
    ar: ({ name, link }) =>
      mail(
        'ar',
        'أكّد عنوان بريدك الإلكتروني',
        name,
        'تم إنشاء حسابك في باسرِيل. أكّد عنوان بريدك الإلكتروني بفتح هذا الرابط (صالح لمدة 48 ساعة):',
        link,
        '',
        'إذا انتهت صلاحية الرابط، سجّل الدخول واطلب رابطاً جديداً من صفحة حسابك.',
        'إذا لم تُنشئ حساباً، تجاهل هذه الرسالة: لن يتم تأكيد العنوان.',
      ),
    en: ({ name, link }) =>
      mail(
        'en',
        'Confirm your e-mail address',
        name,
        'Your Passerelle account has been created. Confirm your e-mail address by opening this link (valid for 48 hours):',
        link,
        '',
        'Link expired? Sign in and ask for a new one from your account.',
        'Did not create an account? Ignore this message: the address will not be confirmed.',
      ),
    nl: ({ name, link }) =>
      mail(
        'nl',
        'Bevestig uw e-mailadres',
        name,
        'Uw Passerelle-account is aangemaakt. Bevestig uw e-mailadres via deze link (48 uur geldig):',
        link,
        '',
        'Is de link verlopen? Meld u aan en vraag een nieuwe aan vanuit uw account.',
        'Heeft u geen account aangemaakt? Negeer dan dit bericht: het adres wordt niet bevestigd.',
      ),
  },
  password_reset: {
    fr: ({ name, link }) =>
      mail(
        'fr',
        'Réinitialisation de votre mot de passe',
        name,
        'Nous avons reçu une demande de nouveau mot de passe pour votre compte Passerelle.',
        'Choisissez-le avec ce lien, utilisable une seule fois pendant une heure :',
        link,
        '',
        'Lien expiré ou déjà utilisé ? Refaites la demande depuis la page de connexion.',
        'Vous n’avez rien demandé ? Ignorez ce message : votre mot de passe actuel reste valable.',
      ),
    ar: ({ name, link }) =>
      mail(
        'ar',
        'إعادة تعيين كلمة المرور',
        name,
        'تلقّينا طلباً لتعيين كلمة مرور جديدة لحسابك في باسرِيل.',
        'اختر كلمة المرور الجديدة عبر هذا الرابط، وهو صالح لمرة واحدة خلال ساعة:',
        link,
        '',
        'إذا انتهت صلاحية الرابط أو سبق استخدامه، أعد الطلب من صفحة تسجيل الدخول.',
        'إذا لم تطلب ذلك، تجاهل هذه الرسالة: تبقى كلمة المرور الحالية صالحة.',
      ),
    en: ({ name, link }) =>
      mail(
        'en',
        'Reset your password',
        name,
        'We received a request for a new password for your Passerelle account.',
        'Choose it with this link, which works once within one hour:',
        link,
        '',
        'Link expired or already used? Ask again from the sign-in page.',
        'Did not ask for this? Ignore this message: your current password still works.',
      ),
    nl: ({ name, link }) =>
      mail(
        'nl',
        'Stel uw wachtwoord opnieuw in',
        name,
        'We hebben een aanvraag ontvangen voor een nieuw wachtwoord voor uw Passerelle-account.',
        'Kies het via deze link, die één keer werkt en een uur geldig is:',
        link,
        '',
        'Is de link verlopen of al gebruikt? Vraag dan opnieuw aan via de aanmeldpagina.',
        'Heeft u dit niet gevraagd? Negeer dan dit bericht: uw huidige wachtwoord blijft geldig.',
      ),
  },
  password_changed: {
    fr: ({ name, resetLink }) =>
      mail(
        'fr',
        'Votre mot de passe a été changé',
        name,
        'Le mot de passe de votre compte Passerelle vient d’être changé, et toutes vos sessions ont été fermées.',
        'Connectez-vous désormais avec ce nouveau mot de passe.',
        '',
        'Ce n’était pas vous ? Demandez immédiatement un nouveau mot de passe depuis cette page :',
        resetLink,
      ),
    ar: ({ name, resetLink }) =>
      mail(
        'ar',
        'تم تغيير كلمة المرور',
        name,
        'تم للتو تغيير كلمة مرور حسابك في باسرِيل، وأُغلقت جميع جلساتك.',
        'سجّل الدخول من الآن فصاعداً بكلمة المرور الجديدة.',
        '',
        'إذا لم تكن أنت من غيّرها، اطلب فوراً كلمة مرور جديدة من هذه الصفحة:',
        resetLink,
      ),
    en: ({ name, resetLink }) =>
      mail(
        'en',
        'Your password was changed',
        name,
        'The password of your Passerelle account was just changed, and all your sessions were signed out.',
        'From now on, sign in with the new password.',
        '',
        'Was this not you? Ask for a new password at once from this page:',
        resetLink,
      ),
    nl: ({ name, resetLink }) =>
      mail(
        'nl',
        'Uw wachtwoord is gewijzigd',
        name,
        'Het wachtwoord van uw Passerelle-account is zojuist gewijzigd en al uw sessies zijn afgemeld.',
        'Meld u voortaan aan met het nieuwe wachtwoord.',
        '',
        'Was u dit niet? Vraag dan meteen een nieuw wachtwoord aan via deze pagina:',
        resetLink,
      ),
  },
  invitation: {
    fr: ({ name, inviter, role, link }) =>
      mail(
        'fr',
        'Invitation à rejoindre Passerelle',
        name,
        `${inviter} vous invite à rejoindre Passerelle en tant que ${roleNames.fr[role] ?? role}.`,
        'Pour accepter, choisissez votre mot de passe avec ce lien (valable 7 jours) :',
        link,
        '',
        ...(isStaff(role)
          ? ['À votre première connexion, vous configurerez une application d’authentification (second facteur).']
          : []),
        `Lien expiré ? Demandez à ${inviter} de vous inviter à nouveau. Invitation inattendue ? Ignorez ce message.`,
      ),
    ar: ({ name, inviter, role, link }) =>
      mail(
        'ar',
        'دعوة للانضمام إلى باسرِيل',
        name,
        `يدعوك ${inviter} للانضمام إلى باسرِيل بصفة ${roleNames.ar[role] ?? role}.`,
        'لقبول الدعوة، اختر كلمة المرور عبر هذا الرابط (صالح لمدة 7 أيام):',
        link,
        '',
        ...(isStaff(role) ? ['عند أول تسجيل دخول، ستقوم بإعداد تطبيق للمصادقة (عامل تحقق ثانٍ).'] : []),
        `إذا انتهت صلاحية الرابط، اطلب من ${inviter} دعوتك من جديد. إذا لم تكن تتوقع هذه الدعوة، تجاهل هذه الرسالة.`,
      ),
    en: ({ name, inviter, role, link }) =>
      mail(
        'en',
        'Invitation to join Passerelle',
        name,
        `${inviter} invites you to join Passerelle as ${roleNames.en[role] ?? role}.`,
        'To accept, choose your password with this link (valid for 7 days):',
        link,
        '',
        ...(isStaff(role) ? ['When you first sign in, you will set up an authenticator app (second factor).'] : []),
        `Link expired? Ask ${inviter} to invite you again. Not expecting this invitation? Ignore this message.`,
      ),
    nl: ({ name, inviter, role, link }) =>
      mail(
        'nl',
        'Uitnodiging voor Passerelle',
        name,
        `${inviter} nodigt u uit voor Passerelle als ${roleNames.nl[role] ?? role}.`,
        'Kies uw wachtwoord via deze link (7 dagen geldig) om de uitnodiging te aanvaarden:',
        link,
        '',
        ...(isStaff(role) ? ['Bij uw eerste aanmelding stelt u een authenticator-app in (tweede factor).'] : []),
        `Is de link verlopen? Vraag ${inviter} u opnieuw uit te nodigen. Verwachtte u deze uitnodiging niet? Negeer dan dit bericht.`,
      ),
  },
  account_locked: {
    fr: ({ name, minutes, resetLink }) =>
      mail(
        'fr',
        'Votre compte est bloqué temporairement',
        name,
        `Après plusieurs tentatives de connexion échouées, votre compte Passerelle est bloqué pendant ${minutes} minutes.`,
        'Si c’était vous, réessayez après ce délai, ou demandez dès maintenant un nouveau mot de passe depuis cette page (cela débloque aussi le compte) :',
        resetLink,
        '',
        'Si ce n’était pas vous, quelqu’un essaie peut-être de deviner votre mot de passe : changez-le depuis cette même page.',
      ),
    ar: ({ name, minutes, resetLink }) =>
      mail(
        'ar',
        'تم قفل حسابك مؤقتاً',
        name,
        `بعد عدة محاولات فاشلة لتسجيل الدخول، تم قفل حسابك في باسرِيل لمدة ${minutes} دقيقة.`,
        'إذا كنت أنت، أعد المحاولة بعد انقضاء هذه المدة، أو اطلب الآن كلمة مرور جديدة من هذه الصفحة (وهذا يفتح الحساب أيضاً):',
        resetLink,
        '',
        'إذا لم تكن أنت، فربما يحاول شخص ما تخمين كلمة مرورك: غيّرها من الصفحة نفسها.',
      ),
    en: ({ name, minutes, resetLink }) =>
      mail(
        'en',
        'Your account is temporarily locked',
        name,
        `After several failed sign-in attempts, your Passerelle account is locked for ${minutes} minutes.`,
        'If it was you, try again after that, or ask for a new password now from this page (this also unlocks the account):',
        resetLink,
        '',
        'If it was not you, someone may be trying to guess your password: change it from the same page.',
      ),
    nl: ({ name, minutes, resetLink }) =>
      mail(
        'nl',
        'Uw account is tijdelijk geblokkeerd',
        name,
        `Na meerdere mislukte aanmeldpogingen is uw Passerelle-account ${minutes} minuten geblokkeerd.`,
        'Was u het zelf? Probeer het daarna opnieuw, of vraag nu een nieuw wachtwoord aan via deze pagina (dat heft de blokkering ook op):',
        resetLink,
        '',
        'Was u het niet? Dan probeert iemand misschien uw wachtwoord te raden: wijzig het via dezelfde pagina.',
      ),
  },
  profile_reconfirm: {
    fr: ({ name, link }) =>
      mail(
        'fr',
        'Êtes-vous toujours disponible pour des missions ?',
        name,
        'Votre profil d’expert sur Passerelle n’a pas été confirmé depuis un an.',
        'Si vous souhaitez toujours être contacté·e pour des missions, vérifiez votre profil et confirmez votre intérêt avec ce lien :',
        link,
        '',
        'Sans confirmation d’ici 30 jours, votre profil sera signalé comme « à mettre à jour » à l’équipe du programme. Il ne sera pas supprimé : vous pourrez le confirmer à tout moment.',
      ),
    ar: ({ name, link }) =>
      mail(
        'ar',
        'هل ما زلت متاحاً للمهام؟',
        name,
        'لم يتم تأكيد ملفك كخبير في باسرِيل منذ سنة.',
        'إذا كنت لا تزال ترغب في أن يتم الاتصال بك من أجل المهام، راجع ملفك وأكّد اهتمامك عبر هذا الرابط:',
        link,
        '',
        'إذا لم تؤكّد خلال 30 يوماً، سيُشار إلى ملفك لدى فريق البرنامج على أنه «بحاجة إلى تحديث». لن يُحذف الملف: يمكنك تأكيده في أي وقت.',
      ),
    en: ({ name, link }) =>
      mail(
        'en',
        'Are you still available for assignments?',
        name,
        'Your expert profile on Passerelle has not been confirmed for a year.',
        'If you still want to be contacted for assignments, check your profile and confirm your interest with this link:',
        link,
        '',
        'Without confirmation within 30 days, your profile will be marked "out of date" for the programme team. It will not be deleted: you can confirm it at any time.',
      ),
    nl: ({ name, link }) =>
      mail(
        'nl',
        'Bent u nog beschikbaar voor opdrachten?',
        name,
        'Uw expertprofiel op Passerelle is al een jaar niet bevestigd.',
        'Wilt u nog steeds benaderd worden voor opdrachten? Controleer dan uw profiel en bevestig uw interesse via deze link:',
        link,
        '',
        'Zonder bevestiging binnen 30 dagen wordt uw profiel voor het programmateam gemarkeerd als "niet actueel". Het wordt niet verwijderd: u kunt het op elk moment bevestigen.',
      ),
  },
};

const catalogue: CatalogueOf<TemplateParams> = {
  ...core,
  ...institutionTemplates,
  ...assignmentTemplates,
  ...applicationTemplates,
  ...missionTemplates,
  ...reportingTemplates,
  ...surveyTemplates,
};

export const templateNames = Object.keys(catalogue) as TemplateName[];

/**
 * Renders a template in the recipient's language.
 * @returns the subject and the plain-text body; the HTML alternative is derived from the body when sending
 */
export function renderEmail<T extends TemplateName>(template: T, locale: Locale, params: TemplateParams[T]) {
  const render = catalogue[template][locale] as Render<TemplateParams[T]>;
  return render(params);
}
