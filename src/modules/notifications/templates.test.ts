import { describe, expect, it } from 'vitest';
import { locales, roles } from '../identity/schema.ts';
import { applicationSamples } from '../applications/email-samples.ts';
import { assignmentSamples } from '../assignments/email-samples.ts';
import { institutionSamples } from '../institutions/email-samples.ts';
import { missionSamples } from '../missions/email-samples.ts';
import { reportingSamples } from '../missions/reporting/email-samples.ts';
import { surveySamples } from '../missions/surveys/email-samples.ts';
import { renderHtml } from './html.ts';
import { roleNames } from './role-names.ts';
import { renderEmail, templateNames, type TemplateName, type TemplateParams } from './templates.ts';

/** Parameters with recognisable values, so that each one can be found in the rendered text. */
const samples: { [T in TemplateName]: TemplateParams[T] } = {
  verify_email: { name: 'Youssef Amrani', link: 'https://passerelle.example/verify-email?token=tok-verify' },
  password_reset: { name: 'Youssef Amrani', link: 'https://passerelle.example/reset-password?token=tok-reset' },
  password_changed: { name: 'Youssef Amrani', resetLink: 'https://passerelle.example/forgot-password' },
  invitation: {
    name: 'Youssef Amrani',
    inviter: 'Amal Admin',
    role: 'programme_officer',
    link: 'https://passerelle.example/accept-invitation?token=tok-invite',
  },
  account_locked: { name: 'Youssef Amrani', minutes: 15, resetLink: 'https://passerelle.example/forgot-password' },
  profile_reconfirm: { name: 'Youssef Amrani', link: 'https://passerelle.example/profile?confirm=1' },
  ...applicationSamples,
  ...assignmentSamples,
  ...institutionSamples,
  ...missionSamples,
  ...reportingSamples,
  ...surveySamples,
};

const arabicScript = /[\u0600-\u06FF]/;

describe('e-mail templates', () => {
  it.each(templateNames.flatMap((template) => locales.map((locale) => [template, locale] as const)))(
    '%s renders in %s with every parameter',
    (template, locale) => {
      const { subject, text } = renderEmail(template, locale, samples[template]);
      expect(subject.trim()).not.toBe('');
      expect(text.trim()).not.toBe('');
      for (const value of Object.values(samples[template])) {
        // The role is shown by its name in the recipient's language, never as its code.
        if (value === 'programme_officer') expect(text).not.toContain(value);
        else expect(text).toContain(String(value));
      }
      expect(arabicScript.test(subject) && arabicScript.test(text)).toBe(locale === 'ar');
      // A link stands on a line of its own, with nothing stuck to it.
      for (const line of text.split('\n').filter((l) => l.includes('https://')))
        expect(line).toMatch(/^https:\/\/\S+$/);
    },
  );

  it.each(templateNames)('%s has its own wording in each language, never another language’s', (template) => {
    const rendered = locales.map((locale) => renderEmail(template, locale, samples[template]));
    expect(new Set(rendered.map((mail) => mail.subject)).size).toBe(locales.length);
    expect(new Set(rendered.map((mail) => mail.text)).size).toBe(locales.length);
  });

  it('names every role in every language in an invitation, and tells staff about the second factor', () => {
    for (const locale of locales) {
      for (const role of roles) {
        const { text } = renderEmail('invitation', locale, { ...samples.invitation, role });
        expect(roleNames[locale][role]).toBeTruthy();
        expect(text).toContain(roleNames[locale][role]);
      }
      const staff = renderEmail('invitation', locale, samples.invitation).text;
      const focal = renderEmail('invitation', locale, { ...samples.invitation, role: 'focal_point' }).text;
      expect(staff.split('\n').length).toBe(focal.split('\n').length + 1);
    }
  });

  it('derives an HTML part that keeps the words, sets lang and dir, and escapes markup', () => {
    const arabic = renderEmail('verify_email', 'ar', { ...samples.verify_email, name: '<b>Youssef</b>' });
    const html = renderHtml(arabic.text, 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('&lt;b&gt;Youssef&lt;/b&gt;');
    expect(html).toContain(`<a href="${samples.verify_email.link}" dir="ltr">`);
    expect(renderHtml(renderEmail('verify_email', 'nl', samples.verify_email).text, 'nl')).toContain(
      '<html lang="nl" dir="ltr">',
    );
  });
});
