import type { Locale } from '../identity/schema.ts';

/** How each role is named in e-mails, in the recipient's language (the web app has its own copy). */
export const roleNames: Record<Locale, Record<string, string>> = {
  fr: {
    admin: 'administrateur·rice',
    programme_officer: 'chargé·e de programme',
    me_officer: 'chargé·e de suivi-évaluation',
    focal_point: 'point focal de votre institution',
    expert: 'expert·e',
    donor: 'représentant·e du bailleur de fonds',
  },
  ar: {
    admin: 'مسؤول عن إدارة المنصة',
    programme_officer: 'مسؤول عن البرنامج',
    me_officer: 'مسؤول عن المتابعة والتقييم',
    focal_point: 'نقطة اتصال لمؤسستك',
    expert: 'خبير',
    donor: 'ممثل للجهة المانحة',
  },
  en: {
    admin: 'administrator',
    programme_officer: 'programme officer',
    me_officer: 'monitoring and evaluation officer',
    focal_point: 'focal point for your institution',
    expert: 'expert',
    donor: 'donor representative',
  },
  nl: {
    admin: 'beheerder',
    programme_officer: 'programmamedewerker',
    me_officer: 'medewerker monitoring en evaluatie',
    focal_point: 'contactpersoon van uw instelling',
    expert: 'expert',
    donor: 'vertegenwoordiger van de donor',
  },
};
