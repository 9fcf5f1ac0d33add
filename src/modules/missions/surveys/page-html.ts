/**
 * The markup of the server-rendered survey page: plain HTML and a few hundred bytes of inline CSS, no script, font
 * or image, so that it shows in one round trip on a host's slow connection and works with JavaScript off. Logical
 * CSS properties only, so the Arabic page mirrors by `dir` alone.
 */
import { locales, type Locale } from '../../identity/schema.ts';
import { languageNames, surveyPageTexts } from './page-texts.ts';
import type { publicSurvey } from './public.ts';

export type SurveyView = Awaited<ReturnType<typeof publicSurvey>>;

/** What the respondent sent, to show again beside the errors when the form comes back. */
export interface FormState {
  ratings: Record<string, string>;
  text: string;
  /** The message of each field in error, by question key. */
  errors: Record<string, string>;
}

const css =
  'body{font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;max-inline-size:42rem;margin-block:0;margin-inline:auto;' +
  'padding:1rem}nav{font-size:.9rem;text-align:end}nav a{margin-inline-start:.75rem}h1{font-size:1.4rem}' +
  'fieldset{border:1px solid #999;border-radius:.4rem;margin-block:1rem;padding-block:.25rem .5rem;' +
  'padding-inline:1rem}legend{font-weight:600;padding-inline:.25rem}fieldset label{display:block;' +
  'padding-block:.2rem}textarea{box-sizing:border-box;inline-size:100%;font:inherit}button{font:inherit;' +
  'margin-block:1rem;padding-block:.6rem;padding-inline:1.5rem;border:0;border-radius:.4rem;background:#1c5ea8;' +
  'color:#fff}.err{color:#b3001b;font-weight:600;margin-block:.25rem}.alert{border-inline-start:.3rem solid ' +
  '#b3001b;padding-inline-start:.75rem}';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: string) => value.replace(/[&<>"']/g, (char) => escapes[char]!);

/** A text with `{name}` slots filled; each value is isolated, so a Latin name keeps its order in Arabic. */
function fill(template: string, values: Record<string, string>): string {
  return esc(template).replace(/\{(\w+)\}/g, (_slot, key: string) => `<bdi>${esc(values[key] ?? '')}</bdi>`);
}

/** Links to the same page in the other languages; `extra` keeps the rest of the query (the thank-you flag). */
function languageLinks(locale: Locale, extra: string): string {
  const links = locales
    .filter((other) => other !== locale)
    .map((other) => `<a href="?lang=${other}${extra}" lang="${other}" hreflang="${other}">${languageNames[other]}</a>`);
  return `<nav aria-label="${esc(surveyPageTexts[locale].language)}">${links.join('')}</nav>`;
}

function document(locale: Locale, title: string, body: string, languageQuery = ''): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return (
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>` +
    `<style>${css}</style></head><body>${languageLinks(locale, languageQuery)}<main>${body}</main></body></html>`
  );
}

/** A page with one sentence: the thank-you, a link already used, a link unknown. */
export function statusPage(locale: Locale, kind: 'thanks' | 'already' | 'unknown'): string {
  const texts = surveyPageTexts[locale];
  const [title, sentence] = (
    {
      thanks: [texts.thanksTitle, texts.thanks],
      already: [texts.alreadyTitle, texts.alreadyAnswered],
      unknown: [texts.unknownTitle, texts.unknownLink],
    } as const satisfies Record<typeof kind, readonly [string, string]>
  )[kind];
  const body = `<h1>${esc(title)}</h1><p${kind === 'thanks' ? ' role="status"' : ''}>${esc(sentence)}</p>`;
  return document(locale, title, body, kind === 'thanks' ? '&answered=1' : '');
}

/** The radio buttons of one rated statement, with its error when it came back unanswered. */
function scaleField(key: string, text: string, locale: Locale, state: FormState): string {
  const error = state.errors[key];
  const invalid = error ? ' aria-invalid="true"' : '';
  const options = surveyPageTexts[locale].scale
    .map((label, index) => {
      const value = String(index + 1);
      const checked = state.ratings[key] === value ? ' checked' : '';
      return `<label><input type="radio" name="${esc(key)}" value="${value}" required${checked}${invalid}> ${esc(label)}</label>`;
    })
    .join('');
  const described = error ? ` aria-describedby="e-${esc(key)}"` : '';
  const message = error ? `<p class="err" id="e-${esc(key)}">${esc(error)}</p>` : '';
  return `<fieldset id="q-${esc(key)}"${described}><legend>${esc(text)}</legend>${message}${options}</fieldset>`;
}

/** The open question: a labelled textarea, optional. */
function textField(key: string, text: string, state: FormState): string {
  const error = state.errors[key];
  const attributes = error ? ` aria-invalid="true" aria-describedby="e-${esc(key)}"` : '';
  const message = error ? `<p class="err" id="e-${esc(key)}">${esc(error)}</p>` : '';
  return (
    `<p><label for="q-${esc(key)}">${esc(text)}</label></p>${message}` +
    `<textarea id="q-${esc(key)}" name="${esc(key)}" rows="5" maxlength="5000" dir="auto"${attributes}>` +
    `${esc(state.text)}</textarea>`
  );
}

/** The form of a link in `locale`; with the answers sent and an error summary when it comes back refused. */
export function formPage(token: string, survey: SurveyView, locale: Locale, state: FormState): string {
  const texts = surveyPageTexts[locale];
  const { mission } = survey;
  const failed = survey.questions.filter((question) => state.errors[question.key]);
  const summary = Object.keys(state.errors).length
    ? `<div class="alert" role="alert"><p class="err">${esc(texts.answerAll)}</p><ul>` +
      failed.map((question) => `<li><a href="#q-${esc(question.key)}">${esc(question.text)}</a></li>`).join('') +
      '</ul></div>'
    : '';
  const fields = survey.questions
    .map((question) =>
      question.kind === 'scale'
        ? scaleField(question.key, question.text, locale, state)
        : textField(question.key, question.text, state),
    )
    .join('');
  const body =
    `<h1>${esc(texts.title)}</h1>${summary}` +
    `<p>${fill(texts.hello, { name: survey.respondentName })}</p>` +
    `<p><strong dir="auto">${esc(mission.title)}</strong><br>` +
    `${fill(texts.about, { expert: mission.expert, host: mission.host, reference: mission.reference })}</p>` +
    `<p>${esc(texts.moments[survey.moment])} ${esc(texts.howTo)}</p>` +
    `<form method="post" action="/survey/${encodeURIComponent(token)}?lang=${locale}">${fields}` +
    `<button type="submit">${esc(texts.submit)}</button></form>`;
  const title = Object.keys(state.errors).length ? `⚠ ${texts.title}` : texts.title;
  return document(locale, title, body);
}
