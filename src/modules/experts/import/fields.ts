/**
 * The profile fields a roster file can fill, and the column headers recognised for each in French, English and
 * Dutch (and Arabic for the name in Arabic script). Headers are compared normalised: case, accents, spaces and
 * punctuation do not matter, so "E-mail", "e mail" and "EMAIL" are one header.
 */

/** Every field an import column can be mapped to; `email` is the key and is required. */
export const importFields = [
  'email',
  'firstName',
  'lastName',
  'nameAr',
  'gender',
  'birthDate',
  'phone',
  'nationalities',
  'residenceCountry',
  'residenceCity',
  'originCountry',
  'occupation',
  'sectors',
  'languages',
  'skills',
  'headline',
  'locale',
] as const;
export type ImportField = (typeof importFields)[number];

/** Fields without which a row cannot become a profile. */
export const requiredFields: readonly ImportField[] = ['email', 'firstName', 'lastName'];

/** Lower case, no accents, letters and digits only: how headers (and names of values) are compared. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Headers recognised for each field, as written in fr, en, nl (and the field's own key, as exports write it). */
const synonyms: Record<ImportField, string[]> = {
  email: [
    'E-mail',
    'Email',
    'Courriel',
    'Mail',
    'Adresse e-mail',
    'Adresse électronique',
    'Email address',
    'E-mailadres',
  ],
  firstName: ['Prénom', 'Prénoms', 'First name', 'Given name', 'Forename', 'Voornaam', 'Voornamen', 'Roepnaam'],
  lastName: ['Nom', 'Nom de famille', 'Last name', 'Surname', 'Family name', 'Achternaam', 'Familienaam'],
  nameAr: [
    'Nom en arabe',
    'Nom arabe',
    'Nom complet en arabe',
    'Name in Arabic',
    'Arabic name',
    'Naam in het Arabisch',
    'Arabische naam',
    'الاسم',
    'الاسم الكامل',
  ],
  gender: ['Genre', 'Sexe', 'Gender', 'Sex', 'Geslacht'],
  birthDate: ['Date de naissance', 'Né le', 'Birth date', 'Date of birth', 'DOB', 'Geboortedatum'],
  phone: [
    'Téléphone',
    'Tél',
    'Portable',
    'Mobile',
    'Phone',
    'Phone number',
    'Telephone',
    'Telefoon',
    'Telefoonnummer',
    'GSM',
  ],
  nationalities: ['Nationalité', 'Nationalités', 'Nationality', 'Nationalities', 'Nationaliteit', 'Nationaliteiten'],
  residenceCountry: [
    'Pays de résidence',
    'Pays',
    'Country of residence',
    'Residence country',
    'Country',
    'Land van verblijf',
    'Woonland',
    'Land',
  ],
  residenceCity: ['Ville', 'Ville de résidence', 'City', 'City of residence', 'Woonplaats', 'Stad'],
  originCountry: ["Pays d'origine", 'Country of origin', 'Origin country', 'Land van herkomst', 'Herkomstland'],
  occupation: ['Profession', 'Métier', 'Code ISCO', 'ISCO', 'Occupation', 'Beroep', 'ISCO-code'],
  sectors: ['Secteurs', 'Secteur', 'Secteurs CAD', 'Sectors', 'Sector', 'DAC sectors', 'Sectoren'],
  languages: ['Langues', 'Langues parlées', 'Languages', 'Talen'],
  skills: ['Compétences', 'Skills', 'Vaardigheden', 'Competenties'],
  headline: ['Titre', 'Titre professionnel', 'Headline', 'Professional title', 'Functietitel', 'Titel'],
  locale: ["Langue de l'interface", 'Langue de correspondance', 'Locale', 'Interface language', 'Voorkeurstaal'],
};

const byHeader = new Map<string, ImportField>();
for (const field of importFields) {
  for (const header of [field, ...synonyms[field]]) byHeader.set(normaliseHeader(header), field);
}

/** The field a header names, when it is one of the recognised headers. */
export function fieldForHeader(header: string): ImportField | undefined {
  return byHeader.get(normaliseHeader(header));
}

/** One column of the file and the field it fills (null: ignored). */
export interface ColumnMapping {
  /** 0-based position in the file. */
  index: number;
  header: string;
  field: ImportField | null;
  /** Whether the field was recognised from the header (false: given in the request's mapping, or none). */
  detected: boolean;
}

/**
 * Maps each column to a field: the request's `override` first (header → field, or null/"" to ignore a column),
 * then recognition of the header. A field is filled by one column only: when two columns name it, the first wins
 * and the other is ignored.
 */
export function mapColumns(headers: string[], override: Record<string, ImportField | null> = {}): ColumnMapping[] {
  const taken = new Set<ImportField>();
  const columns = headers.map((header, index) => {
    const explicit = Object.hasOwn(override, header);
    const field = explicit ? (override[header] ?? null) : null;
    if (field) taken.add(field);
    return { index, header, field, detected: false, explicit };
  });
  for (const column of columns) {
    if (column.explicit || !column.header.trim()) continue;
    const field = fieldForHeader(column.header);
    if (field && !taken.has(field)) {
      taken.add(field);
      column.field = field;
      column.detected = true;
    }
  }
  return columns.map(({ explicit: _explicit, ...column }) => column);
}
