/**
 * # Ranking (the matching engine's pure core)
 *
 * Plain data in, plain data out: no I/O, no clock, no database. A feeder loads a ToR (with its programme's
 * eligible residence countries and its host institution) and the experts (profile, languages, skills,
 * availability, current employers, consents, positions, host evaluations, missions already under way) into the
 * shapes of `types.ts`, and calls:
 *
 * - `rankCandidates(tor, experts, {today, weights?, population?, vocabulary?, limit?})` →
 *   `{ranked: [{expertId, score, components, explanation}], excluded: [{expertId, reasons}]}`;
 *   `experts` may also be `prepareRoster(experts)`: the fields the filters read, copied into flat arrays once per
 *   roster version — the same result, reason for reason, and faster when the roster stays in memory across
 *   rankings (repeated requests, allocation rounds, daily alerts).
 * - `rankCallsForExpert(expert, tors, options)` → the same for open calls ("calls for you"), same scores pair by
 *   pair given the same options. For the daily alerts over the whole roster, rank each open ToR once with
 *   `rankCandidates` and group by expert: the same result, each ToR pre-indexed once.
 *
 * Pass `population` (`skillPopulation(roster)`, or counts per `concept_id` from the database) so that rare skills
 * weigh more; without it every skill weighs the same. Exclusion reason lists and reasons may be shared between
 * experts (one frozen list per combination): treat them as read-only.
 *
 * ## Hard filters (exclusion reason codes, `exclusionReasonCodes`)
 *
 * | code | parameters | when |
 * | --- | --- | --- |
 * | `expert.erased` | — | the profile was erased |
 * | `consent.missing` | — | no `processing` consent |
 * | `consent.withdrawn` | `withdrawnAt` | every `processing` consent was withdrawn (the latest date) |
 * | `residence.unknown` | `eligible` | the programme restricts residence and the expert gave none |
 * | `residence.not_eligible` | `country`, `eligible` | residence outside the programme's countries |
 * | `language.missing` | `language`, `minLevel` | a required language is not spoken |
 * | `language.below_minimum` | `language`, `level`, `minLevel` | spoken below the minimum CEFR level |
 * | `modality.no_on_site_availability` | `modality` | on-site or hybrid mission, only online windows overlap |
 * | `modality.no_online_availability` | `modality` | online mission, only on-site windows overlap |
 * | `availability.insufficient` | `availableDays`, `requiredDays` | fewer working days (Mon–Fri) in the window than needed |
 * | `conflict.host_employer` | `institutionId`, `employer` | a current employer is the host (same id or same name) |
 * | `conflict.busy` | `startsOn`, `endsOn` | a mission already under way overlaps the window (one per mission) |
 *
 * ## Score components (explanation codes, `explanationCodes`)
 *
 * The score is the weighted mean of the components, in [0, 1]. Weights are programme settings (`defaultWeights`,
 * overridden by `options.weights`, normalised; `WeightsError` for an unknown component, a negative or non-finite
 * weight, or a zero sum). A component the ToR gives nothing to measure (no skills, sectors, occupation or
 * languages asked) is not applicable: weight 0, the others share its weight.
 *
 * | component | value | explanation |
 * | --- | --- | --- |
 * | `skills` | rarity-weighted share of the ToR's skill keys the expert holds (IDF over `options.population`) | `skills.matched` {`matched`, `missing`: keys} · `skills.not_required` |
 * | `sectors` | mean over the ToR's DAC sectors: 1 same code, ½ same 3-digit category | `sectors.matched` {`matched`, `related`, `missing`} · `sectors.not_required` |
 * | `occupation` | ISCO groups shared: unit 1, minor ¾, sub-major ½, major ¼ | `occupation.match` {`level`, `required`, `occupation`} · `occupation.unknown` {`required`} · `occupation.not_required` |
 * | `languages` | mean share of the way from the minimum level to C2 | `languages.levels` {`languages`: [{`language`, `level`, `minLevel`, `stepsAbove`}]} · `languages.not_required` |
 * | `availability` | working days available in the window ÷ the window's working days | `availability.overlap` {`availableDays`, `windowDays`} |
 * | `experience` | 1 − 2^(−years/5), positions merged, up to `today` | `experience.years` {`years`} |
 * | `evaluations` | mean host evaluation 1–5 mapped to [0, 1]; ½ when none | `evaluations.mean` {`mean`, `count`} · `evaluations.none` |
 * | `freshness` | 2^(−months since update/12) | `freshness.months` {`months`} |
 *
 * Skill keys are vocabulary concept keys (skills meet across fr, ar, en and nl through the concepts' labels and
 * synonyms, as written or with French and English plurals made singular), or `text:<normalised words>` for words
 * no concept knows, which match only the same words.
 * Ties are broken by id (code-unit order), so the same input always gives the same output.
 */
export { componentNames, exclusionReasonCodes, explanationCodes } from './codes.ts';
export type { ComponentName, ExclusionCode, ExclusionReason, Explanation, ExplanationCode } from './codes.ts';
export { rankCallsForExpert, rankCandidates } from './rank.ts';
export { prepareRoster, type PreparedRoster } from './roster.ts';
export { labelKey, skillPopulation, textKeyPrefix } from './skills.ts';
export type * from './types.ts';
export { defaultWeights, resolveWeights, WeightsError } from './weights.ts';
