import { mail, type CatalogueOf } from '../notifications/template-kit.ts';

/** Parameters of the institutions e-mail templates (see notifications/templates.ts). */
export interface InstitutionTemplateParams {
  /** To the programme's officers: a focal point proposed a capacity need for their institution's plan. */
  need_proposed: { name: string; institution: string; title: string; proposer: string; link: string };
}

/** The institutions e-mails, in the four languages: what happened and what to do next. */
export const institutionTemplates: CatalogueOf<InstitutionTemplateParams> = {
  need_proposed: {
    fr: ({ name, institution, title, proposer, link }) =>
      mail(
        'fr',
        `Besoin proposé par ${institution}`,
        name,
        `${proposer} (${institution}) propose un besoin en capacités : « ${title} ».`,
        '',
        'Examinez-le dans le plan de développement de l’institution : rattachez-le à un résultat, ajustez sa priorité, ou écartez-le en expliquant pourquoi.',
        link,
      ),
    ar: ({ name, institution, title, proposer, link }) =>
      mail(
        'ar',
        `حاجة مقترحة من ${institution}`,
        name,
        `يقترح ${proposer} (${institution}) حاجة في القدرات: «${title}».`,
        '',
        'راجعها في مخطط تطوير المؤسسة: اربطها بنتيجة، وعدّل أولويتها، أو استبعدها مع بيان السبب.',
        link,
      ),
    en: ({ name, institution, title, proposer, link }) =>
      mail(
        'en',
        `Need proposed by ${institution}`,
        name,
        `${proposer} (${institution}) proposes a capacity need: “${title}”.`,
        '',
        'Review it in the institution’s development plan: tie it to an outcome, adjust its priority, or set it aside and say why.',
        link,
      ),
    nl: ({ name, institution, title, proposer, link }) =>
      mail(
        'nl',
        `Behoefte voorgesteld door ${institution}`,
        name,
        `${proposer} (${institution}) stelt een capaciteitsbehoefte voor: "${title}".`,
        '',
        'Beoordeel ze in het ontwikkelingsplan van de instelling: koppel ze aan een resultaat, pas de prioriteit aan, of leg ze opzij en zeg waarom.',
        link,
      ),
  },
};
