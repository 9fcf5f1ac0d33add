import type { Locale } from '../identity/schema.ts';

/** Parameters each e-mail template takes. */
export interface TemplateParams {
  verify_email: { name: string; link: string };
  password_reset: { name: string; link: string };
  password_changed: { name: string };
  invitation: { name: string; inviter: string; role: string; link: string };
  account_locked: { name: string; minutes: number; resetLink: string };
}
export type TemplateName = keyof TemplateParams;

type Render<P> = (params: P) => { subject: string; text: string };
type Catalogue = { [T in TemplateName]: Record<Locale, Render<TemplateParams[T]>> };

const roleNames: Record<Locale, Record<string, string>> = {
  fr: {
    admin: 'administrateur·rice',
    programme_officer: 'chargé·e de programme',
    me_officer: 'chargé·e de suivi-évaluation',
    focal_point: 'point focal',
    expert: 'expert·e',
    donor: 'bailleur',
  },
  ar: {
    admin: 'مسؤول النظام',
    programme_officer: 'مسؤول البرنامج',
    me_officer: 'مسؤول المتابعة والتقييم',
    focal_point: 'نقطة الاتصال',
    expert: 'خبير',
    donor: 'الجهة المانحة',
  },
  en: {
    admin: 'administrator',
    programme_officer: 'programme officer',
    me_officer: 'monitoring and evaluation officer',
    focal_point: 'focal point',
    expert: 'expert',
    donor: 'donor',
  },
  nl: {
    admin: 'beheerder',
    programme_officer: 'programmamedewerker',
    me_officer: 'monitoring- en evaluatiemedewerker',
    focal_point: 'contactpersoon',
    expert: 'expert',
    donor: 'donor',
  },
};

const signature: Record<Locale, string> = {
  fr: '— L’équipe Passerelle',
  ar: '— فريق باسرِيل',
  en: '— The Passerelle team',
  nl: '— Het Passerelle-team',
};

const body = (locale: Locale, ...lines: string[]) => [...lines, '', signature[locale]].join('\n');

/**
 * Every message in the four languages. Each says what happened and what to do next; the tests check that
 * every template renders in every locale.
 */
const catalogue: Catalogue = {
  verify_email: {
    fr: ({ name, link }) => ({
      subject: 'Confirmez votre adresse e-mail',
      text: body(
        'fr',
        `Bonjour ${name},`,
        '',
        'Pour activer votre compte Passerelle, confirmez votre adresse en ouvrant ce lien (valable 48 heures) :',
        link,
        '',
        'Si vous n’avez pas créé de compte, ignorez ce message.',
      ),
    }),
    ar: ({ name, link }) => ({
      subject: 'أكّد عنوان بريدك الإلكتروني',
      text: body(
        'ar',
        `مرحباً ${name}،`,
        '',
        'لتفعيل حسابك في باسرِيل، أكّد عنوانك بفتح هذا الرابط (صالح لمدة 48 ساعة):',
        link,
        '',
        'إذا لم تُنشئ حساباً، تجاهل هذه الرسالة.',
      ),
    }),
    en: ({ name, link }) => ({
      subject: 'Confirm your e-mail address',
      text: body(
        'en',
        `Hello ${name},`,
        '',
        'To activate your Passerelle account, confirm your address by opening this link (valid for 48 hours):',
        link,
        '',
        'If you did not create an account, ignore this message.',
      ),
    }),
    nl: ({ name, link }) => ({
      subject: 'Bevestig uw e-mailadres',
      text: body(
        'nl',
        `Beste ${name},`,
        '',
        'Bevestig uw adres via deze link (48 uur geldig) om uw Passerelle-account te activeren:',
        link,
        '',
        'Heeft u geen account aangemaakt? Dan kunt u dit bericht negeren.',
      ),
    }),
  },
  password_reset: {
    fr: ({ name, link }) => ({
      subject: 'Réinitialisation de votre mot de passe',
      text: body(
        'fr',
        `Bonjour ${name},`,
        '',
        'Vous avez demandé à changer votre mot de passe. Choisissez-en un nouveau avec ce lien, utilisable une seule fois pendant une heure :',
        link,
        '',
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.',
      ),
    }),
    ar: ({ name, link }) => ({
      subject: 'إعادة تعيين كلمة المرور',
      text: body(
        'ar',
        `مرحباً ${name}،`,
        '',
        'طلبت تغيير كلمة المرور. اختر كلمة جديدة عبر هذا الرابط، وهو صالح لمرة واحدة خلال ساعة:',
        link,
        '',
        'إذا لم تطلب ذلك، تجاهل هذه الرسالة: تبقى كلمة المرور الحالية صالحة.',
      ),
    }),
    en: ({ name, link }) => ({
      subject: 'Reset your password',
      text: body(
        'en',
        `Hello ${name},`,
        '',
        'You asked to change your password. Choose a new one with this link, usable once within one hour:',
        link,
        '',
        'If you did not ask for this, ignore this message: your current password still works.',
      ),
    }),
    nl: ({ name, link }) => ({
      subject: 'Uw wachtwoord opnieuw instellen',
      text: body(
        'nl',
        `Beste ${name},`,
        '',
        'U heeft gevraagd uw wachtwoord te wijzigen. Kies een nieuw wachtwoord via deze link, één keer te gebruiken binnen een uur:',
        link,
        '',
        'Heeft u dit niet gevraagd? Negeer dan dit bericht: uw huidige wachtwoord blijft geldig.',
      ),
    }),
  },
  password_changed: {
    fr: ({ name }) => ({
      subject: 'Votre mot de passe a été changé',
      text: body(
        'fr',
        `Bonjour ${name},`,
        '',
        'Le mot de passe de votre compte Passerelle vient d’être changé et toutes vos sessions ont été fermées.',
        'Si ce n’était pas vous, demandez immédiatement une réinitialisation depuis la page de connexion.',
      ),
    }),
    ar: ({ name }) => ({
      subject: 'تم تغيير كلمة المرور',
      text: body(
        'ar',
        `مرحباً ${name}،`,
        '',
        'تم للتو تغيير كلمة مرور حسابك في باسرِيل وأُغلقت جميع جلساتك.',
        'إذا لم تكن أنت، اطلب فوراً إعادة التعيين من صفحة تسجيل الدخول.',
      ),
    }),
    en: ({ name }) => ({
      subject: 'Your password was changed',
      text: body(
        'en',
        `Hello ${name},`,
        '',
        'The password of your Passerelle account was just changed and all your sessions were signed out.',
        'If this was not you, ask for a reset from the sign-in page at once.',
      ),
    }),
    nl: ({ name }) => ({
      subject: 'Uw wachtwoord is gewijzigd',
      text: body(
        'nl',
        `Beste ${name},`,
        '',
        'Het wachtwoord van uw Passerelle-account is zojuist gewijzigd en al uw sessies zijn afgesloten.',
        'Was u dit niet? Vraag dan meteen een nieuw wachtwoord aan via de aanmeldpagina.',
      ),
    }),
  },
  invitation: {
    fr: ({ name, inviter, role, link }) => ({
      subject: 'Invitation à rejoindre Passerelle',
      text: body(
        'fr',
        `Bonjour ${name},`,
        '',
        `${inviter} vous invite à rejoindre Passerelle en tant que ${roleNames.fr[role] ?? role}.`,
        'Choisissez votre mot de passe avec ce lien (valable 7 jours) :',
        link,
      ),
    }),
    ar: ({ name, inviter, role, link }) => ({
      subject: 'دعوة للانضمام إلى باسرِيل',
      text: body(
        'ar',
        `مرحباً ${name}،`,
        '',
        `يدعوك ${inviter} للانضمام إلى باسرِيل بصفة ${roleNames.ar[role] ?? role}.`,
        'اختر كلمة المرور عبر هذا الرابط (صالح لمدة 7 أيام):',
        link,
      ),
    }),
    en: ({ name, inviter, role, link }) => ({
      subject: 'Invitation to join Passerelle',
      text: body(
        'en',
        `Hello ${name},`,
        '',
        `${inviter} invites you to join Passerelle as ${roleNames.en[role] ?? role}.`,
        'Choose your password with this link (valid for 7 days):',
        link,
      ),
    }),
    nl: ({ name, inviter, role, link }) => ({
      subject: 'Uitnodiging voor Passerelle',
      text: body(
        'nl',
        `Beste ${name},`,
        '',
        `${inviter} nodigt u uit voor Passerelle als ${roleNames.nl[role] ?? role}.`,
        'Kies uw wachtwoord via deze link (7 dagen geldig):',
        link,
      ),
    }),
  },
  account_locked: {
    fr: ({ name, minutes, resetLink }) => ({
      subject: 'Votre compte est bloqué temporairement',
      text: body(
        'fr',
        `Bonjour ${name},`,
        '',
        `Après plusieurs tentatives de connexion échouées, votre compte est bloqué pendant ${minutes} minutes.`,
        'Si c’était vous, attendez puis réessayez, ou choisissez un nouveau mot de passe :',
        resetLink,
        'Si ce n’était pas vous, changez votre mot de passe dès que possible.',
      ),
    }),
    ar: ({ name, minutes, resetLink }) => ({
      subject: 'تم قفل حسابك مؤقتاً',
      text: body(
        'ar',
        `مرحباً ${name}،`,
        '',
        `بعد عدة محاولات فاشلة لتسجيل الدخول، تم قفل حسابك لمدة ${minutes} دقيقة.`,
        'إذا كنت أنت، انتظر ثم أعد المحاولة، أو اختر كلمة مرور جديدة:',
        resetLink,
        'إذا لم تكن أنت، غيّر كلمة المرور في أقرب وقت.',
      ),
    }),
    en: ({ name, minutes, resetLink }) => ({
      subject: 'Your account is temporarily locked',
      text: body(
        'en',
        `Hello ${name},`,
        '',
        `After several failed sign-in attempts, your account is locked for ${minutes} minutes.`,
        'If it was you, wait and try again, or choose a new password:',
        resetLink,
        'If it was not you, change your password as soon as possible.',
      ),
    }),
    nl: ({ name, minutes, resetLink }) => ({
      subject: 'Uw account is tijdelijk geblokkeerd',
      text: body(
        'nl',
        `Beste ${name},`,
        '',
        `Na meerdere mislukte aanmeldpogingen is uw account ${minutes} minuten geblokkeerd.`,
        'Was u het zelf? Wacht en probeer het opnieuw, of kies een nieuw wachtwoord:',
        resetLink,
        'Was u het niet? Wijzig dan zo snel mogelijk uw wachtwoord.',
      ),
    }),
  },
};

export const templateNames = Object.keys(catalogue) as TemplateName[];

/** Renders a template in the recipient's language. */
export function renderEmail<T extends TemplateName>(template: T, locale: Locale, params: TemplateParams[T]) {
  const render = catalogue[template][locale] as Render<TemplateParams[T]>;
  return render(params);
}
