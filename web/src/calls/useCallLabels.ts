import { useReference } from '../experts/reference.ts';

/** Names for the codes a call carries (sectors, languages, regions), in the interface language. */
export function useCallLabels() {
  const sectors = useReference('sectors');
  const languages = useReference('languages');
  const regions = useReference('regions');
  return {
    sectors,
    languages,
    labels: { sector: sectors.label, language: languages.label, region: regions.label },
  };
}
