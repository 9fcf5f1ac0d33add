/**
 * The built-in agreement templates, one per language: what applies until a programme writes its own
 * (`agreement_templates`). Lines: `# ` title, `## ` heading, `- ` item, blank line a gap; `{{placeholders}}` are
 * listed in placeholders.ts. The versions other than French say the French text prevails: the agreement is
 * always issued in French too.
 */
import type { Locale } from '../../identity/schema.ts';

/** French typography: a no-break space inside guillemets and before `:`, so a line never starts with one. */
function frenchSpacing(text: string): string {
  return text
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ ([:;?!])/g, '\u00a0$1');
}

const fr = frenchSpacing(`# Accord de mission d’expertise
Programme {{programme_name}} — mission {{mission_reference}}

## 1. Parties
Le présent accord est conclu entre le programme {{programme_name}} (« le Programme ») et {{expert_name}} (« l’expert·e ») pour une mission d’appui auprès de {{host_name}} (« l’institution d’accueil »).

## 2. Objet
L’expert·e réalise la mission décrite dans les termes de référence {{tor_reference}} : {{tor_title}}. La personne de contact de l’institution d’accueil est {{host_contact}}.

## 3. Dates, durée et lieu
La mission se déroule du {{start_date}} au {{end_date}} et compte {{working_days}} jours de travail.
Modalité : {{modality}}. Lieu : {{place}}.
Toute modification des dates est convenue par écrit entre le Programme, l’expert·e et l’institution d’accueil.

## 4. Livrables
L’expert·e remet au Programme et à l’institution d’accueil les livrables suivants, ainsi qu’un rapport de mission dans les quinze jours qui suivent la fin de la mission :
{{deliverables}}

## 5. Indemnité journalière de subsistance
Pour chaque nuit passée sur le lieu d’une mission sur site, l’expert·e perçoit l’indemnité journalière de subsistance (DSA), versée selon le barème du Programme en vigueur pour le pays et la ville de la mission. Elle couvre l’hébergement, les repas et les déplacements locaux. Le Programme prend en charge le voyage aller-retour selon ses règles.
{{dsa_planned}}

## 6. Assurance
Pendant les missions sur site, le Programme assure l’expert·e (maladie, accident, rapatriement et responsabilité civile) du jour du départ au jour du retour. Les missions en ligne ne sont pas couvertes par cette assurance.

## 7. Code de conduite
- Confidentialité : l’expert·e garde confidentielles les informations et les données personnelles auxquelles la mission lui donne accès, pendant et après la mission, et ne les utilise qu’aux fins de la mission.
- Conflits d’intérêts : l’expert·e déclare n’avoir aucun intérêt personnel, financier ou familial lié à l’institution d’accueil qui compromettrait son impartialité, et signale sans délai au Programme tout conflit qui surviendrait.
- Protection : l’expert·e s’abstient de toute forme de harcèlement, d’exploitation ou d’abus, notamment sexuels, respecte la dignité de chacun et signale au Programme tout fait de cette nature dont il ou elle a connaissance.
- Cadeaux : l’expert·e n’accepte ni cadeau, ni paiement, ni avantage de l’institution d’accueil ou de tiers en lien avec la mission, hors marques d’hospitalité d’usage de valeur symbolique.
- L’expert·e respecte les lois du pays de la mission et les règles internes de l’institution d’accueil.

## 8. Acceptation
L’acceptation du présent accord par l’expert·e dans Passerelle vaut signature. Le Programme conserve la date, l’heure et l’empreinte du texte accepté.

Pour le Programme : ______________________   Date : ____________
L’expert·e, {{expert_name}} : ______________________   Date : ____________
`);

const ar = `# اتفاقية مهمة خبرة
برنامج {{programme_name}} — المهمة {{mission_reference}}
تليها النسخة الفرنسية من هذه الاتفاقية، وهي المعتمدة عند الاختلاف.

## 1. الأطراف
أُبرمت هذه الاتفاقية بين برنامج {{programme_name}} («البرنامج») والخبير(ة) {{expert_name}} لإنجاز مهمة دعم لدى {{host_name}} («المؤسسة المستضيفة»).

## 2. موضوع المهمة
ينجز الخبير(ة) المهمة الموصوفة في الإطار المرجعي {{tor_reference}}: {{tor_title}}. الشخص المكلف بالتواصل في المؤسسة المستضيفة هو {{host_contact}}.

## 3. التواريخ والمدة والمكان
تمتد المهمة من {{start_date}} إلى {{end_date}}، وتشمل {{working_days}} يوم عمل.
طريقة الإنجاز: {{modality}}. المكان: {{place}}.
يُتفق كتابيًا بين البرنامج والخبير(ة) والمؤسسة المستضيفة على أي تغيير في التواريخ.

## 4. المخرجات
يسلّم الخبير(ة) إلى البرنامج والمؤسسة المستضيفة المخرجات التالية، وتقريرًا عن المهمة في غضون خمسة عشر يومًا من انتهائها:
{{deliverables}}

## 5. التعويض اليومي عن الإقامة
عن كل ليلة يقضيها الخبير(ة) في مكان مهمة حضورية، يتقاضى التعويض اليومي عن الإقامة (DSA) وفق جدول تعويضات البرنامج الساري على بلد المهمة ومدينتها. ويغطي هذا التعويض السكن والوجبات والتنقلات المحلية. ويتحمل البرنامج تكاليف السفر ذهابًا وإيابًا وفق قواعده.
{{dsa_planned}}

## 6. التأمين
يؤمّن البرنامج الخبير(ة) خلال المهمات الحضورية (المرض والحوادث والإعادة إلى الوطن والمسؤولية المدنية) من يوم السفر إلى يوم العودة. ولا يشمل هذا التأمين المهمات عن بعد.

## 7. مدونة السلوك
- السرية: يحافظ الخبير(ة) على سرية المعلومات والبيانات الشخصية التي يطّلع عليها بمناسبة المهمة، أثناءها وبعدها، ولا يستعملها إلا لأغراض المهمة.
- تضارب المصالح: يصرّح الخبير(ة) بأنه لا تربطه بالمؤسسة المستضيفة أي مصلحة شخصية أو مالية أو عائلية من شأنها المساس بحياده، ويبلّغ البرنامج فورًا بأي تضارب قد يطرأ.
- الحماية: يمتنع الخبير(ة) عن أي شكل من أشكال التحرش أو الاستغلال أو الإساءة، ولا سيما الجنسية، ويحترم كرامة الجميع، ويبلّغ البرنامج بأي واقعة من هذا القبيل يعلم بها.
- الهدايا: لا يقبل الخبير(ة) أي هدية أو أجر أو امتياز من المؤسسة المستضيفة أو من الغير له صلة بالمهمة، باستثناء مظاهر الضيافة المعتادة ذات القيمة الرمزية.
- يحترم الخبير(ة) قوانين بلد المهمة والأنظمة الداخلية للمؤسسة المستضيفة.

## 8. القبول
يُعدّ قبول الخبير(ة) لهذه الاتفاقية في منصة Passerelle بمثابة توقيع. ويحتفظ البرنامج بتاريخ القبول وساعته وببصمة النص المقبول.

عن البرنامج: ______________________   التاريخ: ____________
الخبير(ة) {{expert_name}}: ______________________   التاريخ: ____________
`;

const en = `# Expert mission agreement
Programme {{programme_name}} — mission {{mission_reference}}
The French version of this agreement follows; it prevails in case of discrepancy.

## 1. Parties
This agreement is made between the {{programme_name}} programme (“the Programme”) and {{expert_name}} (“the expert”) for a support mission to {{host_name}} (“the host institution”).

## 2. Purpose
The expert carries out the mission described in the Terms of Reference {{tor_reference}}: {{tor_title}}. The host institution’s contact person is {{host_contact}}.

## 3. Dates, duration and place
The mission runs from {{start_date}} to {{end_date}} and counts {{working_days}} working days.
Modality: {{modality}}. Place: {{place}}.
Any change of dates is agreed in writing between the Programme, the expert and the host institution.

## 4. Deliverables
The expert delivers the following to the Programme and the host institution, and a mission report within fifteen days of the end of the mission:
{{deliverables}}

## 5. Daily subsistence allowance
For each night spent at the place of an on-site mission, the expert receives the daily subsistence allowance (DSA), paid according to the Programme’s rate table in force for the country and city of the mission. It covers accommodation, meals and local transport. The Programme pays the return journey according to its rules.
{{dsa_planned}}

## 6. Insurance
During on-site missions, the Programme insures the expert (illness, accident, repatriation and third-party liability) from the day of departure to the day of return. Online missions are not covered by this insurance.

## 7. Code of conduct
- Confidentiality: the expert keeps confidential the information and personal data the mission gives access to, during and after the mission, and uses them only for the mission.
- Conflicts of interest: the expert declares having no personal, financial or family interest in the host institution that would compromise their impartiality, and reports any conflict that arises to the Programme without delay.
- Safeguarding: the expert refrains from any form of harassment, exploitation or abuse, in particular sexual, respects the dignity of everyone, and reports to the Programme any such fact they become aware of.
- Gifts: the expert accepts no gift, payment or advantage from the host institution or third parties in connection with the mission, beyond customary hospitality of token value.
- The expert respects the laws of the country of the mission and the internal rules of the host institution.

## 8. Acceptance
The expert’s acceptance of this agreement in Passerelle stands as their signature. The Programme keeps the date, time and fingerprint of the accepted text.

For the Programme: ______________________   Date: ____________
The expert, {{expert_name}}: ______________________   Date: ____________
`;

const nl = `# Overeenkomst voor een expertmissie
Programma {{programme_name}} — missie {{mission_reference}}
De Franse versie van deze overeenkomst volgt hieronder; bij verschillen heeft zij voorrang.

## 1. Partijen
Deze overeenkomst wordt gesloten tussen het programma {{programme_name}} („het Programma”) en {{expert_name}} („de expert”) voor een ondersteuningsmissie bij {{host_name}} („de gastinstelling”).

## 2. Onderwerp
De expert voert de missie uit die beschreven is in de Terms of Reference {{tor_reference}}: {{tor_title}}. Contactpersoon bij de gastinstelling: {{host_contact}}.

## 3. Data, duur en plaats
De missie loopt van {{start_date}} tot en met {{end_date}} en telt {{working_days}} werkdagen.
Vorm: {{modality}}. Plaats: {{place}}.
Wijzigingen van de data worden schriftelijk overeengekomen tussen het Programma, de expert en de gastinstelling.

## 4. Op te leveren resultaten
De expert levert het Programma en de gastinstelling de volgende resultaten, en een missieverslag binnen vijftien dagen na het einde van de missie:
{{deliverables}}

## 5. Dagvergoeding
Voor elke nacht op de plaats van een missie ter plaatse ontvangt de expert de dagvergoeding voor verblijfkosten (DSA), betaald volgens de tarieventabel van het Programma die geldt voor het land en de stad van de missie. Zij dekt logies, maaltijden en lokaal vervoer. Het Programma betaalt de heen- en terugreis volgens zijn regels.
{{dsa_planned}}

## 6. Verzekering
Tijdens missies ter plaatse verzekert het Programma de expert (ziekte, ongevallen, repatriëring en wettelijke aansprakelijkheid) vanaf de dag van vertrek tot de dag van terugkeer. Online missies vallen niet onder deze verzekering.

## 7. Gedragscode
- Vertrouwelijkheid: de expert houdt de informatie en persoonsgegevens waartoe de missie toegang geeft vertrouwelijk, tijdens en na de missie, en gebruikt ze alleen voor de missie.
- Belangenconflicten: de expert verklaart geen persoonlijk, financieel of familiaal belang bij de gastinstelling te hebben dat de onpartijdigheid aantast, en meldt elk conflict dat ontstaat onmiddellijk aan het Programma.
- Bescherming: de expert onthoudt zich van elke vorm van intimidatie, uitbuiting of misbruik, in het bijzonder seksueel, respecteert ieders waardigheid en meldt elk zulk feit waarvan de expert kennis krijgt aan het Programma.
- Geschenken: de expert aanvaardt geen geschenken, betalingen of voordelen van de gastinstelling of derden in verband met de missie, behalve gebruikelijke gastvrijheid van symbolische waarde.
- De expert leeft de wetten van het land van de missie en de interne regels van de gastinstelling na.

## 8. Aanvaarding
Aanvaarding van deze overeenkomst door de expert in Passerelle geldt als handtekening. Het Programma bewaart datum, tijdstip en vingerafdruk van de aanvaarde tekst.

Voor het Programma: ______________________   Datum: ____________
De expert, {{expert_name}}: ______________________   Datum: ____________
`;

/** The built-in template of each language. */
export const defaultTemplates: Record<Locale, string> = { fr, ar, en, nl };
