import { and, eq, gt, inArray, isNull, isNotNull, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { rankCallsForExpert, type ExpertCandidate } from '../../matching/ranking/index.ts';
import { todayInMorocco } from '../assignments/dates.ts';
import { loadMatchableAssignments, type MatchableAssignment } from '../assignments/matching-feed.ts';
import { assignments } from '../assignments/schema.ts';
import { loadExpertCandidates } from '../experts/matching-feed.ts';
import { expertProfiles } from '../experts/schema.ts';
import { consents, roleAssignments, users } from '../identity/schema.ts';
import { loadMatchingVocabulary } from '../reference/repository.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import type { VocabularyIndex } from '../reference/skills.ts';
import { addNotice } from '../notifications/notices.ts';
import { callTitle } from './notify.ts';
import { applications, callAlertSettings } from './schema.ts';

const day = 24 * 60 * 60 * 1000;

/** The expert's alert settings, defaults when never saved: e-mail on, the profile's sectors. */
export async function loadAlertSettings(tx: Tx, userId: string) {
  const [row] = await tx.select().from(callAlertSettings).where(eq(callAlertSettings.userId, userId));
  return {
    email: row?.email ?? true,
    sectors: row?.sectors ?? [],
    lastDigestAt: row?.lastDigestAt?.toISOString() ?? null,
  };
}

/** Saves the expert's alert settings. */
export async function saveAlertSettings(
  tx: Tx,
  userId: string,
  settings: { email: boolean; sectors: string[] },
  now: Date,
) {
  await tx
    .insert(callAlertSettings)
    .values({ userId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: callAlertSettings.userId, set: { ...settings, updatedAt: now } });
}

interface OpenCall {
  id: string;
  reference: string;
  titleFr: string;
  titleAr: string | null;
  titleEn: string | null;
  sectors: string[];
  applicationDeadline: string;
  publishedAt: Date;
}

/**
 * Reasons that do not stop an alert: availability is what applying confirms, and experts rarely keep their windows
 * up to date — a call they would fit but for their stated dates is worth telling them about.
 */
const datesOnly = new Set([
  'availability.insufficient',
  'modality.no_on_site_availability',
  'modality.no_online_availability',
]);

/**
 * The calls of `calls` that fit the expert by the matching engine (the same verdict as "calls for you", dates
 * aside), best score first.
 */
function fittingCalls(
  expert: ExpertCandidate,
  calls: OpenCall[],
  tors: Map<string, MatchableAssignment>,
  options: { today: string; vocabulary: VocabularyIndex },
): OpenCall[] {
  const result = rankCallsForExpert(
    expert,
    calls.map((call) => tors.get(call.id)!.tor),
    options,
  );
  const order = [
    ...result.ranked.map((entry) => entry.torId),
    ...result.excluded
      .filter((entry) => entry.reasons.every((reason) => datesOnly.has(reason.code)))
      .map((entry) => entry.torId),
  ];
  return order.map((id) => calls.find((call) => call.id === id)!);
}

/**
 * The daily digest: each expert who may hear from us (live profile, consent to processing, active account) and got
 * no digest in the last 24 hours receives one listing the open calls published since their last digest, in the
 * sectors they watch, that the matching engine finds they fit (best first) and they have not applied to, by e-mail (unless turned off) and in the app. The
 * claim of the 24-hour slot is one conditional write, so two nodes never send the same expert two digests.
 * @returns how many experts got a digest
 */
export async function sendCallDigests(db: Db, now: Date, publicUrl: string): Promise<number> {
  const found = await db
    .select({
      id: assignments.id,
      reference: assignments.reference,
      titleFr: assignments.titleFr,
      titleAr: assignments.titleAr,
      titleEn: assignments.titleEn,
      sectors: assignments.sectors,
      applicationDeadline: assignments.applicationDeadline,
      publishedAt: assignments.publishedAt,
    })
    .from(assignments)
    .where(
      and(
        eq(assignments.state, 'published'),
        gt(assignments.deadlineAt, now),
        isNotNull(assignments.publishedAt),
        lt(assignments.publishedAt, now),
      ),
    );
  const calls: OpenCall[] = found.map((call) => ({ ...call, publishedAt: call.publishedAt! }));
  if (calls.length === 0) return 0;
  const experts = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      profileSectors: expertProfiles.sectors,
      emailOn: callAlertSettings.email,
      sectors: callAlertSettings.sectors,
      lastDigestAt: callAlertSettings.lastDigestAt,
    })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, 'expert')))
    .innerJoin(expertProfiles, and(eq(expertProfiles.userId, users.id), isNull(expertProfiles.erasedAt)))
    .innerJoin(
      consents,
      and(eq(consents.userId, users.id), eq(consents.purpose, 'processing'), isNull(consents.withdrawnAt)),
    )
    .leftJoin(callAlertSettings, eq(callAlertSettings.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        or(isNull(callAlertSettings.lastDigestAt), lt(callAlertSettings.lastDigestAt, new Date(now.getTime() - day))),
      ),
    );
  if (experts.length === 0) return 0;
  const candidates = new Map(
    (await loadExpertCandidates(db, { expertIds: experts.map((expert) => expert.userId) })).map((candidate) => [
      candidate.id,
      candidate,
    ]),
  );
  const tors = await loadMatchableAssignments(
    db,
    calls.map((call) => call.id),
  );
  const options = { today: todayInMorocco(now), vocabulary: await loadMatchingVocabulary(db) };
  const applied = await db
    .select({ expertId: applications.expertId, callId: applications.assignmentId })
    .from(applications)
    .where(
      inArray(
        applications.assignmentId,
        calls.map((call) => call.id),
      ),
    );
  const appliedTo = new Set(applied.map((row) => `${row.expertId}:${row.callId}`));
  let sent = 0;
  for (const expert of experts) {
    const since = expert.lastDigestAt ?? new Date(now.getTime() - day);
    const wanted = new Set(expert.sectors?.length ? expert.sectors : expert.profileSectors);
    const candidate = candidates.get(expert.userId);
    const fresh = calls.filter(
      (call) =>
        call.publishedAt > since &&
        !appliedTo.has(`${expert.userId}:${call.id}`) &&
        call.sectors.some((sector) => wanted.has(sector)),
    );
    if (!candidate || fresh.length === 0) continue;
    const fitting = fittingCalls(candidate, fresh, tors, options);
    if (fitting.length === 0) continue;
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .insert(callAlertSettings)
        .values({ userId: expert.userId, lastDigestAt: now })
        .onConflictDoUpdate({
          target: callAlertSettings.userId,
          set: { lastDigestAt: now },
          setWhere: or(
            isNull(callAlertSettings.lastDigestAt),
            lt(callAlertSettings.lastDigestAt, new Date(now.getTime() - day)),
          ),
        })
        .returning({ userId: callAlertSettings.userId });
      if (!claim) return false;
      if (expert.emailOn ?? true) {
        const lines = fitting.map(
          (call) => `• ${call.reference} — ${callTitle(call, expert.locale)} (${call.applicationDeadline})`,
        );
        await enqueueEmail(tx, {
          to: expert.email,
          userId: expert.userId,
          locale: expert.locale,
          template: 'call_digest',
          params: { name: expert.name, count: fitting.length, calls: lines.join('\n'), link: `${publicUrl}/calls` },
        });
      }
      await addNotice(tx, expert.userId, 'calls.digest', { count: fitting.length }, '/calls');
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}
