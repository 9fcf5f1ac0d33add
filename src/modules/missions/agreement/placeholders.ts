/**
 * The `{{placeholders}}` an agreement template may use, and filling them. A template is plain text, one line a
 * paragraph (`# ` title, `## ` heading, `- ` item); a placeholder is replaced by the mission's value, once, so a
 * value that itself looks like `{{…}}` is never expanded again.
 */

/** Every placeholder, with what it becomes (shown to staff editing a template). */
export const placeholders = {
  programme_name: 'The programme’s name',
  expert_name: 'The expert’s full name',
  host_name: 'The host institution’s name',
  host_contact: 'The host’s contact person for the mission (name, e-mail and phone when known)',
  mission_reference: 'The mission’s reference (CD4D-2026-014-M1)',
  tor_reference: 'The Terms of Reference’s reference',
  tor_title: 'The Terms of Reference’s title, in the template’s language when the ToR has it, else French',
  start_date: 'First day of the mission, written out in the template’s language',
  end_date: 'Last day of the mission, written out in the template’s language',
  working_days: 'Number of working days',
  modality: 'On site, online or hybrid, in the template’s language',
  place: 'City and country of the mission (or “remote” for an online mission)',
  deliverables: 'The ToR’s deliverables, one `- ` item per line (put it alone on its line)',
  dsa_planned:
    'The planned daily subsistence allowance (amount and currency of the planned DSA cost lines), or nothing ' +
    'when none is planned yet',
} as const;

export type Placeholder = keyof typeof placeholders;
export type PlaceholderValues = Record<Placeholder, string>;

const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(placeholders, name);

/** The placeholder names of `body` that are not known, each once, in the order they appear. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(pattern)) {
    if (!isPlaceholder(match[1]!)) unknown.add(match[1]!);
  }
  return [...unknown];
}

/**
 * `body` with every placeholder replaced. Line breaks in a value are kept only for `deliverables` (a list); other
 * values are one line, so a value cannot start a heading or an item of its own.
 */
export function fillTemplate(body: string, values: PlaceholderValues): string {
  const filled = body.replace(pattern, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    return name === 'deliverables' ? value : value.replace(/\s*[\r\n]+\s*/g, ' ');
  });
  // A placeholder that came out empty leaves no stray spaces at the end of its line.
  return filled
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
