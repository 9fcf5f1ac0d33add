import type { Tx } from '../../../db/client.ts';
import { transitionAssignment } from '../../assignments/lifecycle.ts';
import type { Call } from '../repository.ts';
import type { CommandMeta } from './apply.ts';

/**
 * The selection is done: the call moves to `filled` through the assignments module's life cycle, as the system
 * (the staff member's confirmation was authorized here). A call still open is closed first: once enough experts
 * are selected, it takes no more applications.
 */
export async function markCallFilled(tx: Tx, call: Call, meta: CommandMeta): Promise<void> {
  const options = { ip: meta.ip, now: meta.now, publicUrl: meta.publicUrl };
  if (call.row.state === 'published') await transitionAssignment(tx, null, call.row.id, 'closed', null, options);
  await transitionAssignment(tx, null, call.row.id, 'filled', null, options);
}
