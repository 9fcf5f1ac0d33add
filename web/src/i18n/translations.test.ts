import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorStatus, fieldErrorCodes } from '../../../src/http/errors.ts';
import { noticeKinds } from '../../../src/modules/notifications/notices.ts';
import { componentNames, exclusionReasonCodes, explanationCodes } from '../../../src/matching/ranking/index.ts';
import { clientErrorCodes } from '../api/errors.tsx';
import { outboxStatuses, roles, userSorts, userStatuses } from '../api/types.ts';
import { locales, resources } from './index.ts';

type Tree = { [key: string]: string | string[] | Tree };

/** Every leaf of a locale as `dotted.path → text`; array items get their index as the last segment. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else if (Array.isArray(value)) value.forEach((item, index) => out.set(`${at}.${index}`, item));
    else for (const [leaf, text] of flatten(value, at)) out.set(leaf, text);
  }
  return out;
}

const flat = Object.fromEntries(locales.map((locale) => [locale, flatten(resources[locale].translation as Tree)]));

/** A key exists when it is a leaf, or a subtree read with `returnObjects` (lists such as abilities). */
function has(locale: (typeof locales)[number], key: string): boolean {
  const map = flat[locale]!;
  return map.has(key) || [...map.keys()].some((leaf) => leaf.startsWith(`${key}.`));
}

const sourceRoot = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Literal keys in the source: `t('…')`, `i18nKey="…"`, and `somethingKey: '…'` properties handed to `t` later. */
function keysUsedInSource(): Set<string> {
  const patterns = [/\bt\(\s*['"]([\w.-]+)['"]/g, /i18nKey=\{?['"]([\w.-]+)['"]/g, /\b\w*Key:\s*['"]([\w.-]+)['"]/g];
  const keys = new Set<string>();
  for (const file of sourceFiles(sourceRoot)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) keys.add(match[1]!);
  }
  return keys;
}

const variablesOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  it('gives every locale exactly the keys French has', () => {
    const reference = [...flat.fr!.keys()].sort();
    for (const locale of locales) {
      const keys = [...flat[locale]!.keys()].sort();
      expect({ locale, missing: reference.filter((key) => !flat[locale]!.has(key)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: keys.filter((key) => !flat.fr!.has(key)) }).toEqual({ locale, extra: [] });
    }
  });

  it('has no empty text', () => {
    for (const locale of locales) {
      const empty = [...flat[locale]!].filter(([, text]) => !text.trim()).map(([key]) => key);
      expect({ locale, empty }).toEqual({ locale, empty: [] });
    }
  });

  it('keeps the same {{variables}} in every language', () => {
    for (const [key, text] of flat.fr!) {
      for (const locale of locales) {
        expect({ key, locale, variables: variablesOf(flat[locale]!.get(key) ?? '') }).toEqual({
          key,
          locale,
          variables: variablesOf(text),
        });
      }
    }
  });

  it('defines every literal key the web app uses', () => {
    const used = [...keysUsedInSource()];
    // Guards the scanner itself: if it found nothing, the check below would pass vacuously.
    expect(used.length).toBeGreaterThan(100);
    for (const locale of locales) {
      expect({ locale, missing: used.filter((key) => !has(locale, key)) }).toEqual({ locale, missing: [] });
    }
  });

  it('translates every error code the server and the client can produce', () => {
    const codes = [...Object.keys(errorStatus), ...clientErrorCodes];
    for (const locale of locales) {
      const missing = codes.filter((code) => !has(locale, `errors.${code}`));
      expect({ locale, missing }).toEqual({ locale, missing: [] });
      const fieldMissing = fieldErrorCodes.filter((code) => !has(locale, `fieldErrors.${code}`));
      expect({ locale, fieldMissing }).toEqual({ locale, fieldMissing: [] });
    }
  });

  it('defines the keys the app builds from data (roles, homes, statuses, sorts, languages)', () => {
    const dynamic = [
      ...roles.flatMap((role) => [
        `roles.${role}`,
        `home.${role}.title`,
        `home.${role}.intro`,
        `home.${role}.scopeAll`,
        `home.${role}.abilities.0`,
      ]),
      ...outboxStatuses.map((status) => `outbox.statuses.${status}`),
      ...userStatuses.map((status) => `users.statuses.${status}`),
      ...userSorts.map((sort) => `users.sorts.${sort}`),
      ...locales.map((locale) => `language.${locale}`),
      // NotificationsPage words each in-app notice by its kind.
      ...noticeKinds.map((kind) => `applications.notices.${kind.replaceAll('.', '_')}`),
      // The matching pages word the engine's codes (web/src/matching/useExplain.ts).
      ...componentNames.map((name) => `matching.components.${name}`),
      ...explanationCodes.map((code) => `matching.explanations.${code.replaceAll('.', '_')}`),
      ...exclusionReasonCodes.flatMap((code) => [
        `matching.reasons.${code.replaceAll('.', '_')}`,
        `matching.reasonNames.${code.replaceAll('.', '_')}`,
      ]),
      ...['unit', 'minor', 'sub_major', 'major', 'none'].map((level) => `matching.occupationLevels.${level}`),
    ];
    for (const locale of locales) {
      expect({ locale, missing: dynamic.filter((key) => !flat[locale]!.has(key)) }).toEqual({ locale, missing: [] });
    }
  });

  it('is really translated, not copied from English', () => {
    // Brand and product names read the same in every language.
    const sameEverywhere = new Set(['app.name']);
    for (const locale of ['fr', 'nl', 'ar'] as const) {
      const copies = [...flat.en!].filter(([key, text]) => !sameEverywhere.has(key) && flat[locale]!.get(key) === text);
      // A few words are genuinely identical across languages (e.g. "Status", "Filter" in Dutch).
      expect(copies.length / flat.en!.size).toBeLessThan(0.05);
    }
    const latinOnly = [...flat.ar!].filter(([key, text]) => !sameEverywhere.has(key) && !/[\u0600-\u06FF]/.test(text));
    expect(latinOnly).toEqual([]);
  });
});
