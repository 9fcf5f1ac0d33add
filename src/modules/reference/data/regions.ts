/** The 12 regions of Morocco, HCP codes and names (RGPH 2024). Generated; see SOURCES.md. */
import type { RegionRow } from './types.ts';

export const regions: readonly RegionRow[] = [
  {"code": "01", "fr": "Tanger-Tétouan-Al Hoceima", "ar": "طنجة-تطوان-الحسيمة"},
  {"code": "02", "fr": "Oriental", "ar": "الشرق"},
  {"code": "03", "fr": "Fès-Meknès", "ar": "فاس-مكناس"},
  {"code": "04", "fr": "Rabat-Salé-Kénitra", "ar": "الرباط-سلا-القنيطرة"},
  {"code": "05", "fr": "Béni Mellal-Khénifra", "ar": "بني ملال-خنيفرة"},
  {"code": "06", "fr": "Casablanca-Settat", "ar": "الدار البيضاء-سطات"},
  {"code": "07", "fr": "Marrakech-Safi", "ar": "مراكش-آسفي"},
  {"code": "08", "fr": "Drâa-Tafilalet", "ar": "درعة-تافيلالت"},
  {"code": "09", "fr": "Souss-Massa", "ar": "سوس-ماسة"},
  {"code": "10", "fr": "Guelmim-Oued Noun", "ar": "كلميم-واد نون"},
  {"code": "11", "fr": "Laâyoune-Sakia El Hamra", "ar": "العيون-الساقية الحمراء"},
  {"code": "12", "fr": "Dakhla-Oued Ed-Dahab", "ar": "الداخلة-وادي الذهب"},
];
