import { expect } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { applicant } from '../applications/applications.test-helper.ts';

/** An ISO date `offset` days from today. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let sequence = 0;

/**
 * A closed call of the demo focal point's institution (window 60–120 days from now) with one applicant whose
 * selection is confirmed (written directly: the selection flow has its own tests).
 */
export async function selection(t: TestApp, overrides: Parameters<typeof insertAssignment>[1] = {}) {
  sequence += 1;
  const callId = await insertAssignment(t.database.db, overrides);
  const expert = await applicant(t, callId, `mission-${process.pid}-${sequence}@example.org`);
  await t.database.query("update applications set status = 'selected' where id = $1", [expert.applicationId]);
  await t.database.query("update assignments set state = 'filled' where id = $1", [callId]);
  return { callId, expert, applicationId: expert.applicationId };
}

/** Makes a mission from `applicationId` as `officer`, 70–79 days from now unless told; expects 201. */
export async function createMission(
  t: TestApp,
  officer: string,
  applicationId: string,
  body: Record<string, unknown> = {},
) {
  const response = await t.request({
    method: 'POST',
    url: '/api/missions',
    cookie: officer,
    payload: {
      applicationId,
      startsOn: day(70),
      endsOn: day(79),
      workingDays: 8,
      hostContactName: 'Samira Alaoui',
      hostContactEmail: 'samira.alaoui@example.org',
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string; version: number; state: string };
}
