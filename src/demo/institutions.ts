import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { capacityNeeds, institutionOutcomes, institutions } from '../modules/institutions/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';

/** Where the demo's experts live: TRQN III mobilised the diaspora mainly from the Netherlands, Germany and Belgium. */
const diasporaCountries = ['NL', 'DE', 'BE'];

/** What the demo's programmes give priority to; the four TRQN III sectors, and migration for CD4D. */
export const demoProgrammeDetails = {
  'trqn-3-ma': {
    prioritySectors: ['11420', '15110', '25010', '12191'],
    eligibleResidenceCountries: diasporaCountries,
    description:
      'Retour temporaire de nationaux qualifiés (2013-2016) : 48 membres de la diaspora mobilisés pour 78 missions ' +
      'd’appui dans l’éducation, l’administration publique, l’investissement et la santé.',
  },
  'cd4d-ma': {
    prioritySectors: ['11420', '11430', '15110', '12110', '12191', '25010', '15190'],
    eligibleResidenceCountries: diasporaCountries,
    description:
      'Connecter la diaspora pour le développement : des missions physiques et en ligne répondant aux besoins de ' +
      'capacités des institutions prioritaires, des stages aux Pays-Bas et un plan de développement par institution.',
  },
} as const;

/** Place and fields of the demo host institutions (all in Rabat-Salé-Kénitra, HCP region 04), by their key. */
export const demoInstitutionDetails: Record<string, { province: string; city: string; sectors: string[] }> = {
  'higher-education': { province: '04.421', city: 'Rabat', sectors: ['11420', '11430'] },
  'civil-service': { province: '04.421', city: 'Rabat', sectors: ['15110'] },
  'youth-temara': { province: '04.501', city: 'Témara', sectors: ['16015', '11330'] },
  mre: { province: '04.421', city: 'Rabat', sectors: ['15190'] },
  health: { province: '04.421', city: 'Rabat', sectors: ['12110', '12191'] },
  'investment-agency': { province: '04.421', city: 'Rabat', sectors: ['25010'] },
};

/** A partner institution abroad, named generically: the demo does not speak for a real university. */
export const demoPartnerInstitution = {
  kind: 'partner' as const,
  type: 'university' as const,
  nameFr: 'Université partenaire (Pays-Bas)',
  nameAr: 'جامعة شريكة (هولندا)',
  nameEn: 'Partner university (Netherlands)',
  country: 'NL',
  sectors: ['11420', '12191'],
};

type Need = { title: string; priority: 'high' | 'medium' | 'low'; status?: 'open' | 'in_progress' | 'met' };

/** CD4D development plans (Theory of Change) of two key institutions: outcomes in order, each with its needs. */
export const demoPlans: Record<string, { statement: string; needs: Need[] }[]> = {
  'higher-education': [
    {
      statement: 'Les universités publiques proposent des formations en ligne accréditées et de qualité.',
      needs: [
        { title: 'Ingénierie pédagogique des cours en ligne', priority: 'high', status: 'in_progress' },
        { title: 'Assurance qualité et accréditation de l’enseignement à distance', priority: 'high' },
        { title: 'Formation des enseignants aux plateformes numériques', priority: 'medium' },
      ],
    },
    {
      statement:
        'Les laboratoires de recherche coopèrent avec des équipes de la diaspora et d’universités partenaires.',
      needs: [
        { title: 'Montage de projets de recherche conjoints', priority: 'medium' },
        { title: 'Encadrement doctoral en co-tutelle', priority: 'low' },
      ],
    },
    {
      statement: 'Les cursus de licence professionnelle répondent aux besoins du marché du travail.',
      needs: [
        { title: 'Refonte de cursus avec les employeurs', priority: 'high', status: 'met' },
        { title: 'Suivi de l’insertion professionnelle des diplômés', priority: 'medium' },
      ],
    },
  ],
  health: [
    {
      statement: 'Les hôpitaux régionaux assurent des soins spécialisés sans transfert systématique vers Rabat.',
      needs: [
        { title: 'Formation en chirurgie mini-invasive', priority: 'high' },
        { title: 'Organisation des services d’urgence', priority: 'high', status: 'in_progress' },
        { title: 'Maintenance des équipements biomédicaux', priority: 'medium' },
      ],
    },
    {
      statement: 'Le ministère pilote l’offre de soins à partir de données fiables.',
      needs: [
        { title: 'Système d’information hospitalier et indicateurs', priority: 'medium' },
        { title: 'Analyse des données de santé publique', priority: 'low' },
      ],
    },
  ],
};

/**
 * Completes the demo's programmes and institutions (priorities, eligibility, places, sectors), adds a partner
 * institution in the Netherlands and the CD4D development plans. Runs inside loadDemoData's transaction.
 */
export async function loadDemoInstitutions(tx: Tx, institutionId: (key: string) => string | null): Promise<void> {
  for (const [code, details] of Object.entries(demoProgrammeDetails)) {
    await tx
      .update(programmes)
      .set({
        prioritySectors: [...details.prioritySectors],
        eligibleResidenceCountries: [...details.eligibleResidenceCountries],
        description: details.description,
      })
      .where(eq(programmes.code, code));
  }
  for (const [key, details] of Object.entries(demoInstitutionDetails)) {
    const id = institutionId(key);
    if (id)
      await tx
        .update(institutions)
        .set({ region: '04', ...details })
        .where(eq(institutions.id, id));
  }
  await tx.insert(institutions).values(demoPartnerInstitution);

  const [cd4d] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, 'cd4d-ma'));
  for (const [key, outcomes] of Object.entries(demoPlans)) {
    const id = institutionId(key);
    if (!id || !cd4d) continue;
    for (const [index, outcome] of outcomes.entries()) {
      const [row] = await tx
        .insert(institutionOutcomes)
        .values({ institutionId: id, programmeId: cd4d.id, position: index + 1, statement: outcome.statement })
        .returning({ id: institutionOutcomes.id });
      await tx.insert(capacityNeeds).values(
        outcome.needs.map((need) => ({
          institutionId: id,
          programmeId: cd4d.id,
          outcomeId: row!.id,
          title: need.title,
          priority: need.priority,
          status: need.status ?? ('open' as const),
        })),
      );
    }
  }
}
